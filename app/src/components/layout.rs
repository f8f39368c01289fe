//! The frame around every page: language from the URL, `<html lang dir>`, header,
//! main content and footer. Menus are loaded once per language and shared.

use crate::api::navigation::{get_alternates, get_navigation};
use crate::components::audio_player::{provide_player, AudioPlayer};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::i18n::Texts;
use content::lang::Lang;
use content::model::{Alternate, Navigation};
use leptos::prelude::*;
use leptos_meta::{Html, Link};
use leptos_router::hooks::use_location;

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

/// Whether the URL names a real edition.
pub fn use_lang_known() -> Memo<bool> {
    expect_context::<CurrentLang>().known
}

/// The menus of the current edition, shared by header and footer.
#[derive(Clone, Copy)]
pub struct NavResource(pub Resource<Result<Navigation, ServerFnError>>);

/// Where each edition of the current page is (language switcher, hreflang links).
#[derive(Clone, Copy)]
pub struct AlternatesResource(pub Resource<Result<Vec<Alternate>, ServerFnError>>);

/// The current page's editions, loaded once per address and shared.
pub fn use_alternates() -> Resource<Result<Vec<Alternate>, ServerFnError>> {
    expect_context::<AlternatesResource>().0
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
    let alternates = Resource::new(move || location.pathname.get(), get_alternates);
    provide_context(AlternatesResource(alternates));
    provide_player();

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
        <AudioPlayer/>
        <Footer/>
    }
}
