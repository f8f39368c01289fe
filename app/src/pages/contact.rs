//! `/{lang}/contact` (write to the institution) and `/{lang}/tribune` (submit an
//! op-ed): the forms, their introductions and what the data is for.

use super::subscriptions::FormPageHead;
use crate::forms::island::ReaderForm;
use crate::forms::layouts::FormLayout;
use crate::i18n::Texts;
use crate::pages::edition_page;
use content::address::{Named, Page};
use content::site::{CONTACT_EMAIL, CONTACT_PHONE};
use leptos::prelude::*;

crate::page_route!(
    /// The contact form.
    ContactRoute => ContactPage, Page::Named(Named::Contact)
);
crate::page_route!(
    /// The op-ed form.
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
            <ReaderForm layout=FormLayout::Contact/>
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
            <ReaderForm layout=FormLayout::OpEd/>
        </div>
    }
        .into_any()
    })
}
