//! Menus of an edition, and where the language switcher leads from the current page.

use crate::api::reply::JsonReply;
use content::address::Page;
use content::lang::Lang;
use content::model::{Alternate, Navigation};
use leptos::prelude::*;

/// Header and footer menus of `lang`.
#[server(output = JsonReply)]
pub async fn get_navigation(lang: Lang) -> Result<Navigation, ServerFnError> {
    use super::server_only::{internal, pool};
    content::menus::navigation(&pool()?, lang)
        .await
        .map_err(internal)
}

/// For the page at `path`, the page to open in each language: its translation where
/// one exists, else the nearest page that does (the article's section, the home page),
/// marked `exact: false` and carrying `?notice=untranslated` so that page explains.
#[server(output = JsonReply)]
pub async fn get_alternates(path: String) -> Result<Vec<Alternate>, ServerFnError> {
    use super::server_only::{internal, pool};
    content::alternates::for_path(&pool()?, &path)
        .await
        .map_err(internal)
}

/// Fallback switcher targets while the real ones load: each edition's home page.
pub fn home_alternates() -> Vec<Alternate> {
    Lang::ALL
        .iter()
        .map(|&lang| Alternate {
            lang,
            href: Page::Home.path(lang),
            exact: true,
        })
        .collect()
}
