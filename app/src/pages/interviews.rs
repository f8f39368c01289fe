//! `/{lang}/interviews`: interviews newest first, filtered by the interviewee's country
//! of residence (a GET form: shareable, works without JavaScript). Each interview opens
//! at `/{lang}/interviews/{slug}` in the article layout, its questions set apart.

use crate::api::interviews::get_interviews;
use crate::components::cards::{Cover, DateLine};
use crate::components::filters::FilterSelect;
use crate::components::layout::use_lang;
use crate::i18n::Texts;
use crate::pages::listing_page;
use content::address::{story_path, Named, Page};
use content::model::{InterviewCard, InterviewsPage};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

crate::page_route!(
    /// The interviews list.
    InterviewsRoute => InterviewsListPage, Page::Named(Named::Interviews)
);

/// `/{lang}/interviews`.
#[component]
pub fn InterviewsListPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let country = move || query.read().get("country").filter(|c| !c.is_empty());
    let data = Resource::new(
        move || (lang.get(), country()),
        |(lang, country)| get_interviews(lang, country),
    );
    listing_page(
        "interviews",
        |lang| (lang.interviews().title, lang.interviews().intro),
        data,
        move |page| view! { <InterviewsView page country=country()/> }.into_any(),
    )
}

#[component]
fn InterviewsView(page: InterviewsPage, country: Option<String>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let i = lang.interviews();
    view! {
        <Form method="get" action=Page::Named(Named::Interviews).path(lang) attr:class="library-filters">
            <FilterSelect name="country" label=i.country all=i.all_countries selected=country
                choices=page.countries.iter().map(|(code, name, count)| (code.clone(), format!("{name} ({count})"))).collect()/>
            <button type="submit" class="button">{i.filter}</button>
        </Form>
        <p class="count" role="status">{i.count.count(lang, page.items.len())}</p>
        <ul class="interview-list">
            {page.items.into_iter().map(|item| view! { <li><InterviewItem item/></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn InterviewItem(item: InterviewCard) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let href = story_path(lang, item.card.kind, &item.card.slug);
    view! {
        <article class="interview-card">
            {item.portrait.clone().or(item.card.cover.clone()).map(|image| view! { <a href=href.clone() tabindex="-1" aria-hidden="true"><Cover image sizes="12rem"/></a> })}
            <div>
                <p class="interviewee"><strong>{item.interviewee}</strong>{format!(" · {} · {}", item.role, item.country)}</p>
                <h2><a href=href>{item.card.title}</a></h2>
                <p>{item.card.summary}</p>
                <p class="episode-meta"><DateLine iso=item.card.published_at/></p>
            </div>
        </article>
    }
}
