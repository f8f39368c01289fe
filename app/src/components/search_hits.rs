//! How a search result reads, on the results page and in the overlay alike.

use crate::components::cards::DateLine;
use crate::components::layout::use_lang;
use content::address::Page;
use content::model::SearchHit;
use leptos::prelude::*;

/// Section, date and (for a story of another edition) its language, under a result's
/// title. Section links stay in the result's own edition; `plain` leaves the section
/// unlinked where the whole result is one choice (the overlay's listbox options).
#[component]
pub fn HitMeta(hit: SearchHit, #[prop(optional)] plain: bool) -> impl IntoView {
    let lang = use_lang();
    let foreign = hit.lang != lang.get_untracked();
    view! {
        <p class="hit-meta">
            {hit.section.map(|s| if plain {
                view! { <span class="hit-section">{s.name}</span> }.into_any()
            } else {
                view! { <a class="hit-section" href=Page::section(&s.slug).path(hit.lang)>{s.name}</a> }.into_any()
            })}
            {(!hit.published_at.is_empty()).then(|| view! { <DateLine iso=hit.published_at/> })}
            {foreign.then(|| view! {
                <span class="hit-lang" lang=hit.lang.code()>{hit.lang.native_name()}</span>
            })}
        </p>
    }
}

/// A ranked list of results with marked titles and excerpts. The marked HTML is built
/// by the server from escaped text and `<mark>` only (data::search::excerpt).
#[component]
pub fn SearchHitList(hits: Vec<SearchHit>) -> impl IntoView {
    view! {
        <ol class="search-results">
            {hits.into_iter().map(|hit| view! {
                <li class="search-hit" lang=hit.lang.code() dir=hit.lang.dir()>
                    <h2 class="hit-title"><a href=hit.href.clone() inner_html=hit.title_html.clone()></a></h2>
                    <HitMeta hit=hit.clone()/>
                    <p class="hit-excerpt" inner_html=hit.excerpt_html.clone()></p>
                </li>
            }).collect_view()}
        </ol>
    }
}
