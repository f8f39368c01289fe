//! Home, section, article and static page data.

use crate::i18n::Lang;
use crate::model::{ArticlePage, HomePage, SectionPage};
use leptos::prelude::*;

/// Everything the home page of `lang` shows.
#[server]
pub async fn get_home(lang: Lang) -> Result<HomePage, ServerFnError> {
    use super::server_only::{internal, pool};
    crate::data::pages::home(&pool()?, lang)
        .await
        .map_err(internal)
}

/// Page `page` of a section; `None` when no section has this slug in `lang`.
#[server]
pub async fn get_section(
    lang: Lang,
    slug: String,
    page: u32,
) -> Result<Option<SectionPage>, ServerFnError> {
    use super::server_only::{internal, pool};
    crate::data::pages::section(&pool()?, lang, &slug, page.max(1))
        .await
        .map_err(internal)
}

/// An article (`page_kind = false`) or static page (`true`) by slug; `None` if absent.
#[server]
pub async fn get_story(
    lang: Lang,
    slug: String,
    page_kind: bool,
) -> Result<Option<ArticlePage>, ServerFnError> {
    use super::server_only::{internal, pool};
    crate::data::pages::story(&pool()?, lang, &slug, page_kind)
        .await
        .map_err(internal)
}
