//! `/{lang}/privacy`: the privacy notice every form links to, with ready-made e-mails
//! to ask for one's data or its deletion.

use super::subscriptions::FormPageHead;
use crate::i18n::Texts;
use crate::pages::edition_page;
use content::address::{encode_segment, Named, Page};
use content::site::CONTACT_EMAIL;
use leptos::prelude::*;

crate::page_route!(
    /// The privacy page.
    PrivacyRoute => PrivacyPage, Page::Named(Named::Privacy)
);

/// `/{lang}/privacy`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    edition_page(move |lang| {
        let notice = lang.privacy();
        let mailto =
            |subject: &str| format!("mailto:{CONTACT_EMAIL}?subject={}", encode_segment(subject));
        view! {
        <div class="container form-page privacy-page">
            <FormPageHead title=notice.title.to_owned() intro=notice.intro.to_owned() page="privacy"/>
            {notice.sections.iter().map(|(heading, paragraphs)| view! {
                <section>
                    <h2>{*heading}</h2>
                    {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </section>
            }).collect_view()}
            <p class="privacy-requests">
                <a class="button" href=mailto(notice.ask_data_subject)>{notice.ask_data}</a>
                " "
                <a class="button" href=mailto(notice.ask_deletion_subject)>{notice.ask_deletion}</a>
            </p>
            <p class="form-note">{notice.information_right}</p>
        </div>
    }
        .into_any()
    })
}
