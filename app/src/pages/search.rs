//! `/{lang}/search?q=…&page=N`: search results, rendered on the server (shareable,
//! works without JavaScript). The query stays in the input.

use crate::api::search::get_search;
use crate::components::cards::{CardList, CardStyle};
use crate::components::icons::{Icon, IconKind};
use crate::components::layout::{use_lang, use_lang_known};
use crate::components::pagination::Pagination;
use crate::components::status::{LoadError, Loading, NotFound};
use crate::i18n::{encode_segment, Strings};
use crate::pages::use_page_param;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The search page of an edition.
#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    let query = use_query_map();
    let text = move || query.read().get("q").unwrap_or_default();
    let page = use_page_param();
    let results = Resource::new(
        move || (lang.get(), text(), page()),
        |(lang, q, page)| get_search(lang, q, page),
    );
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t = lang.get().t();
        let code = lang.get().code();
        view! {
            <Title text=format!("{} — {}", t.search_title, t.site_name)/>
            <Meta name="robots" content="noindex"/>
            <div class="container search-page">
                <h1>{t.search_title}</h1>
                <form class="search-form" action=format!("/{code}/search") method="get" role="search">
                    <label class="visually-hidden" for="search-input">{t.search}</label>
                    <input id="search-input" type="search" name="q" maxlength="500" value=text() placeholder=t.search_placeholder/>
                    <button type="submit" class="button"><Icon kind=IconKind::Search/><span>{t.search}</span></button>
                </form>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        let q = text();
                        let Ok(found) = results.await else { return view! { <LoadError/> }.into_any() };
                        if q.trim().is_empty() {
                            return view! { <p class="search-status">{t.search_empty}</p> }.into_any();
                        }
                        let shown: String = q.chars().take(200).collect();
                        let status = if found.total == 0 {
                            Strings::fill(t.no_results, &[("query", shown)])
                        } else {
                            Strings::fill(t.results_for, &[("count", found.total.to_string()), ("query", shown)])
                        };
                        let base = format!("/{code}/search?q={}", encode_segment(&q));
                        view! {
                            {found.truncated.then(|| view! { <p class="notice">{t.query_truncated}</p> })}
                            <p class="search-status" role="status">{status}</p>
                            <CardList cards=found.stories style=CardStyle::Standard class="card-list card-list-standard"/>
                            <Pagination base page=found.page total_pages=found.total_pages/>
                        }.into_any()
                    })}
                </Transition>
            </div>
        }
        .into_any()
    }
}
