//! `/{lang}/offline` (what the service worker shows for a page it does not have) and
//! `/{lang}/saved` (articles kept for offline reading). Both list what the browser's
//! caches hold, which only the browser knows: /pwa.js fills the lists.

use crate::components::layout::{use_lang, use_lang_known};
use crate::components::status::NotFound;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The translated offline page, precached by the service worker for each edition.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t = lang.get().t();
        view! {
            <Title text=format!("{} — {}", t.offline_title, t.site_name)/>
            <Meta name="robots" content="noindex"/>
            <div class="container offline-page">
                <h1>{t.offline_title}</h1>
                <p>{t.offline_text}</p>
                <h2>{t.offline_available}</h2>
                <ul class="offline-list"></ul>
                <p class="offline-list-empty">{t.offline_none}</p>
            </div>
        }
        .into_any()
    }
}

/// The reader's saved articles, readable without a connection.
#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t = lang.get().t();
        view! {
            <Title text=format!("{} — {}", t.saved_title, t.site_name)/>
            <Meta name="robots" content="noindex"/>
            <div class="container offline-page">
                <h1>{t.saved_title}</h1>
                <ul class="saved-list"></ul>
                <p class="offline-list-empty">{t.saved_empty}</p>
                <noscript><p class="notice">{t.needs_javascript}</p></noscript>
            </div>
        }
        .into_any()
    }
}
