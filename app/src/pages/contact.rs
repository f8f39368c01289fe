//! `/{lang}/contact` (write to the institution) and `/{lang}/tribune` (submit an
//! op-ed): the forms, their introductions and what the data is for.

use super::subscriptions::FormPageHead;
use crate::forms::view::{AgreeField, FileField, PrivacyNote, ReaderForm, TextArea, TextField};
use crate::forms::{field, limit, FormKind};
use crate::i18n::Texts;
use crate::pages::edition_page;
use content::address::{Named, Page};
use content::site::{CONTACT_EMAIL, CONTACT_PHONE};
use leptos::prelude::*;

crate::lazy_page!(
    /// The contact form, in its own chunk.
    ContactRoute => ContactPage, Page::Named(Named::Contact)
);
crate::lazy_page!(
    /// The op-ed form, in its own chunk.
    OpEdRoute => OpEdPage, Page::Named(Named::OpEd)
);

/// `/{lang}/contact`.
#[component]
pub fn ContactPage() -> impl IntoView {
    edition_page(move |lang| {
        let (t, f) = (lang.t(), lang.forms());
        view! {
        <div class="container form-page">
            <FormPageHead title=t.contact_title.to_owned() intro=f.contact_intro.to_owned() page="contact"/>
            <address class="contact-details">
                <p>{t.address}</p>
                <p><a href=format!("mailto:{CONTACT_EMAIL}")>{CONTACT_EMAIL}</a>" · "
                   <a href=format!("tel:{}", CONTACT_PHONE.replace(' ', "")) dir="ltr">{CONTACT_PHONE}</a></p>
            </address>
            <ReaderForm kind=FormKind::Contact prefix="contact">
                <TextField name=field::NAME label=|f| f.name max=limit::NAME autocomplete="name"/>
                <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
                <TextField name=field::SUBJECT label=|f| f.subject max=limit::SUBJECT/>
                <TextArea name=field::MESSAGE label=|f| f.message max=limit::MESSAGE/>
                <PrivacyNote text=|f| f.contact_note/>
            </ReaderForm>
        </div>
    }
        .into_any()
    })
}

/// `/{lang}/tribune`.
#[component]
pub fn OpEdPage() -> impl IntoView {
    edition_page(move |lang| {
        let f = lang.forms();
        view! {
        <div class="container form-page">
            <FormPageHead title=f.op_ed_title.to_owned() intro=f.op_ed_intro.to_owned() page="tribune"/>
            <ReaderForm kind=FormKind::OpEd prefix="op-ed">
                <TextField name=field::NAME label=|f| f.name max=limit::NAME autocomplete="name"/>
                <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
                <TextField name=field::COUNTRY label=|f| f.country max=limit::COUNTRY autocomplete="country-name"/>
                <TextField name=field::TITLE label=|f| f.op_ed_heading max=limit::TITLE/>
                <TextArea name=field::TEXT label=|f| f.op_ed_text max=limit::TEXT rows=16/>
                <FileField/>
                <AgreeField label=Signal::derive(move || lang.forms().agree_op_ed.to_owned())/>
                <PrivacyNote text=|f| f.op_ed_note/>
            </ReaderForm>
        </div>
    }
        .into_any()
    })
}
