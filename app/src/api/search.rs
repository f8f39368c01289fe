//! Searching the archive: the results page and the overlay's answers while typing.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{QuickResults, SearchFilters, SearchResults};
use leptos::prelude::*;

/// Results shown in the overlay while typing.
pub const QUICK_HITS: u32 = 6;

/// Page `page` of the stories matching `query` (any text is accepted), narrowed by
/// `filters`, with what the filters can offer.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_search(
    lang: Lang,
    query: String,
    page: u32,
    filters: SearchFilters,
) -> Result<SearchResults, ServerFnError> {
    use super::server_only::{internal, reader};
    use content::model::PAGE_SIZE;
    use content::search::{search, section_choices, years, SearchRequest};
    use content::sections;
    let pool = reader()?;
    let page = page.max(1);
    let section_id = match filters.section.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => sections::by_slug(&pool, lang, slug)
            .await
            .map_err(internal)?
            .map(|s| s.id),
        None => None,
    };
    let request = SearchRequest {
        all_languages: filters.all_languages,
        section_id,
        year: filters.year,
        page,
        ..SearchRequest::new(&query, lang)
    };
    let found = search(&pool, &request).await.map_err(internal)?;
    // Nothing here: say whether the other editions have something.
    let elsewhere = if found.total == 0 && !filters.all_languages {
        let everywhere = SearchRequest {
            all_languages: true,
            per_page: 0,
            ..request.clone()
        };
        search(&pool, &everywhere).await.map_err(internal)?.total
    } else {
        0
    };
    Ok(SearchResults {
        total_pages: found.total.div_ceil(PAGE_SIZE).max(1),
        hits: found.hits,
        total: found.total,
        capped: found.capped,
        page,
        truncated: found.truncated,
        sections: section_choices(&pool, lang).await.map_err(internal)?,
        years: years(&pool, (!filters.all_languages).then_some(lang))
            .await
            .map_err(internal)?,
        elsewhere,
    })
}

/// The best few matches of `query` in the `lang` edition, for the search overlay.
#[server(input = GetUrl, output = JsonReply)]
pub async fn quick_search(lang: Lang, query: String) -> Result<QuickResults, ServerFnError> {
    use super::server_only::{internal, reader};
    use content::search::{search, SearchRequest};
    let request = SearchRequest {
        per_page: QUICK_HITS,
        excerpt_words: 18,
        ..SearchRequest::new(&query, lang)
    };
    let found = search(&reader()?, &request).await.map_err(internal)?;
    Ok(QuickResults {
        hits: found.hits,
        total: found.total,
        capped: found.capped,
    })
}
