//! The frame around every page: language from the URL, `<html lang dir>`, header,
//! main content and footer. Menus are loaded once per language and shared.

use crate::api::navigation::get_navigation;
use crate::components::audio_player::AudioPlayer;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::i18n::Texts;
use content::address::Page;
use content::lang::Lang;
use content::model::{Alternate, Navigation};
use leptos::prelude::*;
use leptos_meta::{Html, Link};
use leptos_router::hooks::use_location;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The edition being read, from the first URL segment; `known` is false when that
/// segment is not a language (the page is then a 404 in French).
#[derive(Clone, Copy)]
pub struct CurrentLang {
    pub lang: Memo<Lang>,
    pub known: Memo<bool>,
}

/// The current edition, for any component under the layout.
pub fn use_lang() -> Memo<Lang> {
    expect_context::<CurrentLang>().lang
}

/// Inside an island, the edition the server gave it, for [`use_lang`] (islands do not
/// see the layout's context in the browser); the island may change it later.
pub fn provide_island_lang(lang: Lang) -> RwSignal<Lang> {
    let edition = RwSignal::new(lang);
    provide_context(CurrentLang {
        lang: Memo::new(move |_| edition.get()),
        known: Memo::new(|_| true),
    });
    edition
}

/// Whether the URL names a real edition.
pub fn use_lang_known() -> Memo<bool> {
    expect_context::<CurrentLang>().known
}

/// The menus of the current edition, shared by header and footer.
#[derive(Clone, Copy)]
pub struct NavResource(pub Resource<Result<Navigation, ServerFnError>>);

/// A future of the current page's editions (boxed: each page's data has its own type).
type AlternatesFuture = Pin<Box<dyn Future<Output = Vec<Alternate>> + Send>>;

/// How the current page's editions arrive: known from the route alone, or with the
/// page's data (its query returns them).
#[derive(Clone)]
enum AlternatesFeed {
    Fixed(Vec<Alternate>),
    WithData {
        /// Waits for the page's data (the switcher, inside a `Suspense`).
        load: Arc<dyn Fn() -> AlternatesFuture + Send + Sync>,
        /// The editions once the data is there, `None` before: what the head reads.
        loaded: Arc<dyn Fn() -> Option<Vec<Alternate>> + Send + Sync>,
    },
}

/// The current page's editions (language switcher, `hreflang` links). The route shown
/// publishes them in its `data()`, which the router runs before it renders the layout,
/// so the switcher waits for the page's own query and no second request is made.
#[derive(Clone, Copy)]
struct PageAlternates(RwSignal<AlternatesFeed>);

/// Makes room for the routes to publish their editions; called once, above the router.
pub fn provide_page_alternates() {
    let homes = content::alternates::front_pages();
    provide_context(PageAlternates(RwSignal::new(AlternatesFeed::Fixed(homes))));
}

/// Sets the current page's editions; an address whose first segment is no edition
/// (a 404) leads to the front pages whatever its route.
fn publish(feed: AlternatesFeed) {
    let Some(PageAlternates(slot)) = use_context::<PageAlternates>() else {
        return;
    };
    let known = use_location()
        .pathname
        .with_untracked(|p| Lang::from_path(p).is_some());
    slot.set(if known {
        feed
    } else {
        AlternatesFeed::Fixed(content::alternates::front_pages())
    });
}

/// Publishes the editions of `page`, a page every edition has (home, forms, listings,
/// or what stands in for an unknown address).
pub fn publish_fixed_alternates(page: &Page<'_>) {
    let list = content::alternates::fixed(page).unwrap_or_else(content::alternates::not_found);
    publish(AlternatesFeed::Fixed(list));
}

/// Publishes the editions of a page that loads one item: `pick` reads them from the
/// item once `data` has loaded; an unknown item (404) leads to the front pages.
pub fn publish_loaded_alternates<T>(
    data: Resource<Result<Option<T>, ServerFnError>>,
    pick: fn(&T) -> Vec<Alternate>,
) where
    T: Clone + Send + Sync + 'static,
    Result<Option<T>, ServerFnError>: serde::Serialize + serde::de::DeserializeOwned,
{
    let of_result = move |result: Result<Option<T>, ServerFnError>| match result {
        Ok(Some(item)) => pick(&item),
        _ => content::alternates::not_found(),
    };
    publish(AlternatesFeed::WithData {
        load: Arc::new(move || Box::pin(async move { of_result(data.await) })),
        loaded: Arc::new(move || data.get().map(of_result)),
    });
}

/// The current page's editions, for a view inside a `Suspense`: reading it subscribes
/// to the route's publication, awaiting it waits for the page's data when needed.
pub fn page_alternates() -> impl Future<Output = Vec<Alternate>> + Send {
    let feed = use_context::<PageAlternates>().map(|PageAlternates(slot)| slot.get());
    async move {
        match feed {
            Some(AlternatesFeed::Fixed(list)) => list,
            Some(AlternatesFeed::WithData { load, .. }) => load().await,
            None => content::alternates::front_pages(),
        }
    }
}

/// The current page's editions as far as they are known now (`None` while its data
/// loads), for the `<head>`: its tags render in the page's own pass, never in a
/// `Suspense` of their own (one that resolved late on the server put its tags after the
/// module preloads the server adds last).
pub fn loaded_page_alternates() -> Option<Vec<Alternate>> {
    match use_context::<PageAlternates>()?.0.get() {
        AlternatesFeed::Fixed(list) => Some(list),
        AlternatesFeed::WithData { loaded, .. } => loaded(),
    }
}

/// Wraps the routed pages with header and footer in the reader's language.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    let path_lang = Memo::new(move |_| location.pathname.with(|p| Lang::from_path(p)));
    let lang = Memo::new(move |_| path_lang.get().unwrap_or_default());
    let known = Memo::new(move |_| path_lang.get().is_some());
    provide_context(CurrentLang { lang, known });
    let nav = Resource::new(move || lang.get(), get_navigation);
    provide_context(NavResource(nav));

    view! {
        <Html {..} lang=move || lang.get().code() dir=move || lang.get().dir()/>
        {move || view! { <Link rel="manifest" href=format!("/{}/manifest.webmanifest", lang.get().code())/> }}
        <a class="skip-link" href="#content">{move || lang.get().t().skip_to_content}</a>
        // Shown by /pwa.js: without a connection, and when a new version is ready.
        <p class="offline-banner" role="status" hidden>{move || lang.get().t().offline_banner}</p>
        <p class="update-notice" role="status" hidden>
            <span>{move || lang.get().t().update_available}</span>
            <button type="button" class="button">{move || lang.get().t().reload}</button>
        </p>
        <Header/>
        <main id="content" tabindex="-1">{children()}</main>
        // Outside the routed area: keeps playing from page to page.
        {move || view! { <AudioPlayer lang=lang.get()/> }}
        <Footer/>
    }
}
