//! Searching the archive of an edition.

use crate::i18n::Lang;
use crate::model::SearchResults;
use leptos::prelude::*;

/// Page `page` of the stories of `lang` matching `query` (any text is accepted).
#[server]
pub async fn get_search(
    lang: Lang,
    query: String,
    page: u32,
) -> Result<SearchResults, ServerFnError> {
    use super::server_only::{internal, pool};
    use crate::data::search::{search, MAX_QUERY_CHARS};
    use crate::model::PAGE_SIZE;
    let page = page.max(1);
    let (stories, total) = search(&pool()?, lang, &query, page, PAGE_SIZE)
        .await
        .map_err(internal)?;
    Ok(SearchResults {
        stories,
        total,
        page,
        total_pages: total.div_ceil(PAGE_SIZE).max(1),
        truncated: query.chars().count() > MAX_QUERY_CHARS,
    })
}
