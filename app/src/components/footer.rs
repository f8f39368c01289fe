//! Site footer: subscription blocks, link groups, contact details, social links and the
//! copyright line, all in the reader's language.

use crate::components::header::SocialLinks;
use crate::components::layout::{use_lang, NavResource};
use crate::forms::island::ReaderForm;
use crate::forms::layouts::FormLayout;
use crate::i18n::Texts;
use content::address::{Named, Page};
use content::site::{CONTACT_EMAIL, CONTACT_PHONE};
use leptos::prelude::*;

/// The footer of every page.
#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let nav = expect_context::<NavResource>().0;

    view! {
        <footer class="site-footer">
            <div class="container footer-subscribe">
                <section>
                    <h2>{move || t().newsletter_title}</h2>
                    <p>{move || t().newsletter_text}</p>
                    <ReaderForm layout=FormLayout::FooterNewsletter/>
                </section>
                <section>
                    <h2>{move || t().press_review_title}</h2>
                    <p>{move || t().press_review_text}</p>
                    <ReaderForm layout=FormLayout::FooterPressReview/>
                </section>
                // Filled in by /pwa.js: the install button where the browser offers
                // installing, the iOS steps on iPhones and iPads.
                <section class="footer-app">
                    <h2>{move || t().app_title}</h2>
                    <p>{move || t().app_text}</p>
                    <button type="button" class="button install-app" hidden>{move || t().install_app}</button>
                    <p class="install-ios" hidden>{move || t().install_ios}</p>
                    <p><a href=move || Page::Named(Named::Saved).path(lang.get())>{move || t().saved_title}</a></p>
                </section>
            </div>
            <div class="container footer-groups">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let groups = nav.await.map(|n| n.footer).unwrap_or_default();
                        groups.into_iter().map(|group| view! {
                            <section class="footer-group">
                                <h2>{group.label}</h2>
                                <ul>
                                    {group.children.into_iter().map(|item| view! {
                                        <li><a href=item.href.unwrap_or_default()>{item.label}</a></li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }).collect_view()
                    })}
                </Transition>
                <section class="footer-group footer-contact">
                    <h2>{move || t().contact_title}</h2>
                    <address>
                        <p>{move || t().address}</p>
                        <p><a href=format!("mailto:{CONTACT_EMAIL}")>{CONTACT_EMAIL}</a></p>
                        <p><a href=format!("tel:{}", CONTACT_PHONE.replace(' ', "")) dir="ltr">{CONTACT_PHONE}</a></p>
                    </address>
                    <SocialLinks/>
                </section>
            </div>
            <div class="container footer-bottom">
                <p>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            let year = nav.await.map(|n| n.year).unwrap_or(2026);
                            format!("© {year} — {}", t().rights)
                        })}
                    </Transition>
                </p>
            </div>
        </footer>
    }
}
