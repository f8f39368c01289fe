//! `/{lang}/search?q=…&section=…&year=…&all=1&page=N`: ranked results rendered on the
//! server (shareable, works without JavaScript), with filters. The query stays in the
//! input; the overlay (components::search_overlay) leads here for "all results".

use crate::api::search::get_search;
use crate::components::icons::{Icon, IconKind};
use crate::components::layout::{use_lang, use_lang_known};
use crate::components::meta::PageMeta;
use crate::components::pagination::Pagination;
use crate::components::search_hits::SearchHitList;
use crate::components::status::{LoadError, Loading, NotFound};
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::use_page_param;
use content::address::{encode_segment, Named, Page};
use content::lang::Lang;
use content::model::{SearchFilters, SearchResults, SEARCH_WINDOW};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

crate::page_route!(
    /// The search results page.
    SearchRoute => SearchPage, Page::Named(Named::Search)
);

/// The URL of a search (page 1), for links that change the query or the filters.
pub fn search_url(lang: Lang, query: &str, filters: &SearchFilters) -> String {
    let mut url = format!("/{}/search?q={}", lang.code(), encode_segment(query));
    if let Some(section) = filters.section.as_deref().filter(|s| !s.is_empty()) {
        url.push_str(&format!("&section={}", encode_segment(section)));
    }
    if let Some(year) = filters.year {
        url.push_str(&format!("&year={year}"));
    }
    if filters.all_languages {
        url.push_str("&all=1");
    }
    url
}

/// The search page of an edition.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    let params = use_query_map();
    let text = move || params.read().get("q").unwrap_or_default();
    let filters = move || {
        let params = params.read();
        SearchFilters {
            section: params.get("section").filter(|s| !s.is_empty()),
            year: params.get("year").and_then(|y| y.parse().ok()),
            all_languages: params.get("all").as_deref() == Some("1"),
        }
    };
    let page = use_page_param();
    let results = Resource::new(
        move || (lang.get(), text(), page(), filters()),
        |(lang, q, page, filters)| get_search(lang, q, page, filters),
    );
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t = lang.get().t();
        view! {
            <PageMeta
                title=format!("{} — {}", t.search_title, t.site_name)
                description=t.description.to_owned()
                path=Page::Named(Named::Search).path(lang.get())
                translated=false
            />
            // Result pages are endless variations of one page: kept out of search engines.
            <Meta name="robots" content="noindex, follow"/>
            <div class="container search-page">
                <h1>{t.search_title}</h1>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        match results.await {
                            Ok(found) => view! { <SearchBody found query=text() filters=filters()/> }.into_any(),
                            Err(_) => view! { <LoadError/> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        }
        .into_any()
    }
}

/// Form, status line, results, pagination and, when nothing matched, suggestions.
#[component]
fn SearchBody(found: SearchResults, query: String, filters: SearchFilters) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.t();
    let shown: String = query.chars().take(200).collect();
    let searched = !query.trim().is_empty();
    let status = if !searched {
        t.search_empty.to_owned()
    } else if found.total == 0 {
        Strings::fill(t.no_results, &[("query", shown.clone())])
    } else if found.capped {
        Strings::fill(
            t.results_capped,
            &[("count", SEARCH_WINDOW.to_string()), ("query", shown)],
        )
    } else {
        Strings::fill(
            t.results_for,
            &[("count", found.total.to_string()), ("query", shown)],
        )
    };
    let base = search_url(lang, &query, &filters);
    let empty = searched && found.total == 0;
    view! {
        <SearchForm query=query.clone() filters=filters.clone() sections=found.sections years=found.years/>
        {found.truncated.then(|| view! { <p class="notice">{t.query_truncated}</p> })}
        <p class="search-status" role="status">{status}</p>
        <SearchHitList hits=found.hits/>
        <Pagination base page=found.page total_pages=found.total_pages/>
        {empty.then(|| view! { <NoResultTips query filters elsewhere=found.elsewhere/> })}
    }
}

/// The query input with the section, year and language filters. A plain GET form:
/// without JavaScript it loads the results page; with it, /nav.js loads it in place.
#[component]
fn SearchForm(
    query: String,
    filters: SearchFilters,
    sections: Vec<content::model::SectionChoice>,
    years: Vec<i32>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.t();
    let current_section = filters.section.clone().unwrap_or_default();
    view! {
        <Form method="get" action=Page::Named(Named::Search).path(lang)>
            <div class="search-form" role="search">
                <label class="visually-hidden" for="search-input">{t.search}</label>
                <input id="search-input" type="search" name="q" maxlength="500" value=query
                    placeholder=t.search_placeholder autocomplete="off"/>
                <button type="submit" class="button"><Icon kind=IconKind::Search/><span>{t.search}</span></button>
            </div>
            <div class="search-filters">
                <label>
                    <span>{t.filter_section}</span>
                    <select name="section">
                        <option value="">{t.all_sections}</option>
                        {sections.into_iter().map(|s| {
                            let selected = s.slug == current_section;
                            let name = if s.depth > 0 { format!("— {}", s.name) } else { s.name };
                            view! { <option value=s.slug selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t.filter_year}</span>
                    <select name="year">
                        <option value="">{t.all_years}</option>
                        {years.into_iter().map(|y| view! {
                            <option value=y.to_string() selected=filters.year == Some(y)>{y.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="search-all">
                    <input type="checkbox" name="all" value="1" checked=filters.all_languages/>
                    <span>{t.all_languages}</span>
                </label>
            </div>
        </Form>
    }
}

/// What to try when nothing matched: spelling, fewer words, the other editions, no
/// filters, or the latest news.
#[component]
fn NoResultTips(query: String, filters: SearchFilters, elsewhere: u32) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = lang.t();
    let filtered = filters.section.is_some() || filters.year.is_some();
    let everywhere = SearchFilters {
        all_languages: true,
        ..filters.clone()
    };
    view! {
        <section class="search-tips">
            <h2>{t.search_tips}</h2>
            <ul>
                {(elsewhere > 0).then(|| view! {
                    <li><a href=search_url(lang, &query, &everywhere)>
                        {Strings::fill(t.results_elsewhere, &[("count", elsewhere.to_string())])}
                    </a></li>
                })}
                {filtered.then(|| view! {
                    <li><a href=search_url(lang, &query, &SearchFilters { all_languages: filters.all_languages, ..SearchFilters::default() })>
                        {t.remove_filters}
                    </a></li>
                })}
                <li>{t.tip_spelling}</li>
                <li>{t.tip_fewer_words}</li>
                <li><a href=Page::Home.path(lang)>{t.browse_latest}</a></li>
            </ul>
        </section>
    }
}
