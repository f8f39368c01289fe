//! The reader forms as the page shows them: which form, its fields and the prefix of
//! their ids. The server renders a form from its layout, and the form's chunk
//! (`island::hydrate_form`) builds the same fields to hydrate them and show their
//! problems in place.

use super::view::{
    AgreeField, CheckField, CheckGroup, FileField, PrivacyNote, TextArea, TextField,
};
use super::{field, limit, FormKind};
use crate::components::layout::use_lang;
use crate::i18n::Texts;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One reader form on a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormLayout {
    /// The footer's one-field newsletter subscription.
    FooterNewsletter,
    /// The footer's one-field press-review subscription.
    FooterPressReview,
    /// The subscriptions page: address and both lists.
    Subscribe,
    Contact,
    OpEd,
}

impl FormLayout {
    /// What the form sends.
    pub fn kind(self) -> FormKind {
        match self {
            Self::FooterNewsletter | Self::FooterPressReview | Self::Subscribe => {
                FormKind::Subscribe
            }
            Self::Contact => FormKind::Contact,
            Self::OpEd => FormKind::OpEd,
        }
    }

    /// Prefix of the fields' ids, unique on the page.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::FooterNewsletter => "footer-newsletter",
            Self::FooterPressReview => "footer-press-review",
            Self::Subscribe => "subscribe",
            Self::Contact => "contact",
            Self::OpEd => "op-ed",
        }
    }

    /// Whether this is the page's own form, which shows a refused plain POST again and
    /// the `?sent=` message (not the footer's copies).
    pub fn is_main(self) -> bool {
        !matches!(self, Self::FooterNewsletter | Self::FooterPressReview)
    }

    /// Extra hidden fields: the footer's forms post one list and say where they were.
    pub fn hidden(self) -> Vec<(&'static str, &'static str)> {
        match self {
            Self::FooterNewsletter => vec![(field::LIST, "newsletter"), ("origin", "footer")],
            Self::FooterPressReview => vec![(field::LIST, "press_review"), ("origin", "footer")],
            _ => Vec::new(),
        }
    }

    /// The visible fields and the privacy note.
    pub fn fields(self) -> AnyView {
        match self {
            Self::FooterNewsletter | Self::FooterPressReview => view! {
                <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
                <PrivacyNote text=|f| f.subscribe_note/>
            }
            .into_any(),
            Self::Subscribe => view! {
                <SubscribeFields/>
                <PrivacyNote text=|f| f.subscribe_note/>
            }
            .into_any(),
            Self::Contact => view! {
                <TextField name=field::NAME label=|f| f.name max=limit::NAME autocomplete="name"/>
                <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
                <TextField name=field::SUBJECT label=|f| f.subject max=limit::SUBJECT/>
                <TextArea name=field::MESSAGE label=|f| f.message max=limit::MESSAGE/>
                <PrivacyNote text=|f| f.contact_note/>
            }
            .into_any(),
            Self::OpEd => {
                let lang = use_lang();
                view! {
                    <TextField name=field::NAME label=|f| f.name max=limit::NAME autocomplete="name"/>
                    <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
                    <TextField name=field::COUNTRY label=|f| f.country max=limit::COUNTRY autocomplete="country-name"/>
                    <TextField name=field::TITLE label=|f| f.op_ed_heading max=limit::TITLE/>
                    <TextArea name=field::TEXT label=|f| f.op_ed_text max=limit::TEXT rows=16/>
                    <FileField/>
                    <AgreeField label=Signal::derive(move || lang.get().forms().agree_op_ed.to_owned())/>
                    <PrivacyNote text=|f| f.op_ed_note/>
                }
                .into_any()
            }
        }
    }
}

/// The subscription fields: address and lists (both forms of the footer post one list
/// each as a hidden field instead).
#[component]
fn SubscribeFields() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <TextField name=field::EMAIL label=|f| f.email kind="email" max=limit::EMAIL autocomplete="email"/>
        <CheckGroup name=field::LIST legend=Signal::derive(move || lang.get().forms().choose_lists.to_owned())>
            <CheckField name=field::LIST value="newsletter" suffix="-newsletter" checked=true
                label=Signal::derive(move || t().newsletter_title.to_owned())/>
            <CheckField name=field::LIST value="press_review" suffix="-press_review"
                label=Signal::derive(move || t().press_review_title.to_owned())/>
        </CheckGroup>
    }
}
