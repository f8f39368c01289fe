//! The publications library: the filtered listing and one book.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{LibraryFilters, LibraryPage, PublicationPage};
use leptos::prelude::*;

/// Page `page` of the library of `lang` with `filters`.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_library(
    lang: Lang,
    filters: LibraryFilters,
    page: u32,
) -> Result<LibraryPage, ServerFnError> {
    use super::server_only::{internal, reader};
    content::library::library(&reader()?, lang, &filters, page)
        .await
        .map_err(internal)
}

/// The book at `slug` in `lang`, `None` when there is none (the page answers 404).
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_publication(
    lang: Lang,
    slug: String,
) -> Result<Option<PublicationPage>, ServerFnError> {
    use super::server_only::{internal, reader};
    content::library::publication(&reader()?, lang, &slug)
        .await
        .map_err(internal)
}
