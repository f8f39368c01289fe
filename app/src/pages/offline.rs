//! `/{lang}/offline` (what the service worker shows for a page it does not have) and
//! `/{lang}/saved` (articles kept for offline reading). Both list what the browser's
//! caches hold, which only the browser knows: /pwa.js fills the lists.

use crate::components::layout::{use_lang, use_lang_known};
use crate::components::status::NotFound;
use crate::i18n::Strings;
use crate::i18n::Texts;
use content::address::{Named, Page};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

crate::page_route!(
    /// The offline page.
    OfflineRoute => OfflinePage, Page::Named(Named::Offline)
);
crate::page_route!(
    /// The saved articles.
    SavedRoute => SavedPage, Page::Named(Named::Saved)
);

/// The translated offline page, precached by the service worker for each edition.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! { <CachedListPage kind=ListKind::Offline/> }
}

/// The reader's saved articles, readable without a connection.
#[component]
pub fn SavedPage() -> impl IntoView {
    view! { <CachedListPage kind=ListKind::Saved/> }
}

/// Which list of cached articles a page shows.
#[derive(Clone, Copy, PartialEq)]
enum ListKind {
    /// Everything readable offline (read or saved), under the "you are offline" text.
    Offline,
    /// Only what the reader saved.
    Saved,
}

/// A page that lists cached articles (filled in by /pwa.js), with its empty state.
#[component]
fn CachedListPage(kind: ListKind) -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t: &Strings = lang.get().t();
        let (title, list_class, empty) = match kind {
            ListKind::Offline => (t.offline_title, "offline-list", t.offline_none),
            ListKind::Saved => (t.saved_title, "saved-list", t.saved_empty),
        };
        view! {
            <Title text=format!("{title} — {}", t.site_name)/>
            <Meta name="robots" content="noindex"/>
            <div class="container offline-page">
                <h1>{title}</h1>
                {(kind == ListKind::Offline).then(|| view! {
                    <p>{t.offline_text}</p>
                    <h2>{t.offline_available}</h2>
                })}
                <ul class=list_class></ul>
                <p class="offline-list-empty">{empty}</p>
                <noscript><p class="notice">{t.needs_javascript}</p></noscript>
            </div>
        }
        .into_any()
    }
}
