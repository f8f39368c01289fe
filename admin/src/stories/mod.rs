//! `/admin/stories`: every story, newest first, with its three language versions (a
//! missing one links to writing it), filters in a GET form (status, language, section,
//! author, words of the title, missing translation) and pages; the editor and its
//! per-kind details below.

mod details;
pub mod editor;
pub mod post;

use crate::i18n::AdminTexts;
use crate::i18n::EditorStrings;
use crate::session::{admin_fallback, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::Strings;
use content::lang::Lang;
use content::model::{AdminStoryRow, StoryFilter, StoryKind, StoryList, StoryStatus, VersionState};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// A page of the story list.
#[server(prefix = "/api/admin", endpoint = "story_list", output = JsonReply)]
pub async fn get_story_list(filter: StoryFilter) -> Result<StoryList, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Author)?;
    content::editorial::list::list(&pool()?, user.lang, &filter)
        .await
        .map_err(internal)
}

/// The translated name of a kind of story.
pub fn kind_name(e: &EditorStrings, kind: StoryKind) -> &'static str {
    e.kinds[kind.position()]
}

/// The list page.
#[component]
pub fn StoriesPage() -> impl IntoView {
    let lang = use_admin_session().lang;
    let e = lang.editor();
    let query = use_query_map().get_untracked();
    let number = |key: &str| query.get(key).and_then(|v| v.parse::<i64>().ok());
    let text = |key: &str| query.get(key).filter(|v| !v.is_empty());
    let filter = StoryFilter {
        status: text("status"),
        lang: text("lang"),
        section: number("section"),
        author: number("author"),
        q: text("q"),
        missing: text("missing"),
        page: query.get("page").and_then(|v| v.parse().ok()),
    };
    let data = Resource::new(
        {
            let filter = filter.clone();
            move || filter.clone()
        },
        get_story_list,
    );
    view! {
        <Title text=format!("{} — CCME", e.stories)/>
        <div class="admin-heading">
            <h1>{e.stories}</h1>
            <a class="button" href=format!("/admin/stories/new?lang={}", lang.code())>{e.new_article}</a>
            <a class="button button-secondary" href=format!("/admin/stories/new?lang={}&kind={}", lang.code(), StoryKind::Page)>{e.new_page}</a>
        </div>
        <nav class="admin-new-kinds" aria-label=e.new_of_kind>
            {e.new_of_kind}" "
            {[StoryKind::Interview, StoryKind::Profile, StoryKind::Publication, StoryKind::Episode].into_iter().map(|kind| view! {
                <a href=format!("/admin/stories/new?lang={}&kind={kind}", lang.code())>{kind_name(e, kind)}</a>" "
            }).collect_view()}
        </nav>
        <Suspense fallback=admin_fallback>
            {move || {
                let filter = filter.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! { <ListView list filter/> }.into_any(),
                        Err(_) => view! { <p class="notice notice-error">{lang.admin().not_allowed}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ListView(list: StoryList, filter: StoryFilter) -> impl IntoView {
    let lang = use_admin_session().lang;
    let e = lang.editor();
    let selected = |value: &Option<String>, option: &str| value.as_deref() == Some(option);
    let lang_options = |current: Option<String>| {
        Lang::ALL
            .iter()
            .map(|l| view! { <option value=l.code() selected=selected(&current, l.code())>{l.native_name()}</option> })
            .collect_view()
    };
    let pager = Pager::new(&filter, list.page, list.pages);
    view! {
        <form method="get" action="/admin/stories" class="admin-filters">
            <label>{e.status}
                <select name="status">
                    <option value="">{e.any}</option>
                    {StoryStatus::ALL.iter().map(|s| view! {
                        <option value=s.code() selected=selected(&filter.status, s.code())>{e.statuses[s.index()]}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{e.language}
                <select name="lang"><option value="">{e.any}</option>{lang_options(filter.lang.clone())}</select>
            </label>
            <label>{e.section}
                <select name="section">
                    <option value="">{e.any}</option>
                    {list.sections.iter().map(|s| view! {
                        <option value=s.id selected=filter.section == Some(s.id)>{s.name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{e.author}
                <select name="author">
                    <option value="">{e.any}</option>
                    {list.authors.iter().map(|(id, name)| view! {
                        <option value=*id selected=filter.author == Some(*id)>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{e.missing_in}
                <select name="missing"><option value="">{e.any}</option>{lang_options(filter.missing.clone())}</select>
            </label>
            <label>{e.words}<input type="search" name="q" value=filter.q.clone().unwrap_or_default()/></label>
            <button type="submit" class="button">{e.filter}</button>
            <a href="/admin/stories">{e.reset}</a>
        </form>
        <p class="admin-total" role="status">{Strings::fill(e.total, &[("n", list.total.to_string())])}</p>
        {list.rows.is_empty().then(|| view! { <p class="notice">{e.nothing_found}</p> })}
        <ul class="admin-stories">
            {list.rows.into_iter().map(|row| view! { <StoryLine row/> }).collect_view()}
        </ul>
        {pager.view(e)}
    }
}

/// One story: its title in the back office's language when written, kind, section,
/// author, then a badge per language version leading to its editor.
#[component]
fn StoryLine(row: AdminStoryRow) -> impl IntoView {
    let e = use_admin_session().lang.editor();
    let id = row.id;
    view! {
        <li class="admin-story">
            <a class="admin-story-title" href=format!("/admin/stories/{id}/{}", row.title_lang.code())
                lang=row.title_lang.code() dir=row.title_lang.dir()>{row.title}</a>
            <span class="admin-story-meta">
                {kind_name(e, row.kind)}
                {row.section.map(|s| view! { " · "{s} })}
                {(!row.author.is_empty()).then(|| view! { " · "<span dir="auto">{row.author.clone()}</span> })}
            </span>
            <span class="admin-versions">
                {row.versions.into_iter().map(|v| view! { <VersionBadge id version=v/> }).collect_view()}
            </span>
        </li>
    }
}

/// A language version's state, linking to its editor (to write it, when missing).
#[component]
pub fn VersionBadge(id: i64, version: VersionState) -> impl IntoView {
    let e = use_admin_session().lang.editor();
    let label = match version.status {
        Some(status) => e.statuses[status.index()],
        None => e.missing,
    };
    let state = version.status.map_or("missing", |s| s.code());
    view! {
        <a class=format!("version-badge version-{state}") href=format!("/admin/stories/{id}/{}", version.lang.code())
            hreflang=version.lang.code()>
            <span class="version-lang">{version.lang.code().to_uppercase()}</span>" "{label}
        </a>
    }
}

/// Previous and next links keeping the filters.
struct Pager {
    previous: Option<String>,
    next: Option<String>,
    page: u32,
    pages: u32,
}

impl Pager {
    fn new(filter: &StoryFilter, page: u32, pages: u32) -> Self {
        let link = |to: u32| {
            let mut pairs: Vec<(&str, String)> = Vec::new();
            let mut add = |key, value: Option<String>| {
                if let Some(value) = value {
                    pairs.push((key, value));
                }
            };
            add("status", filter.status.clone());
            add("lang", filter.lang.clone());
            add("section", filter.section.map(|s| s.to_string()));
            add("author", filter.author.map(|a| a.to_string()));
            add("missing", filter.missing.clone());
            add("q", filter.q.clone());
            add("page", Some(to.to_string()));
            let query: Vec<String> = pairs
                .into_iter()
                .map(|(k, v)| format!("{k}={}", content::address::encode_segment(&v)))
                .collect();
            format!("/admin/stories?{}", query.join("&"))
        };
        Pager {
            previous: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
            page,
            pages,
        }
    }

    fn view(self, e: &'static EditorStrings) -> impl IntoView {
        view! {
            <nav class="pagination" aria-label=Strings::fill(e.page_of, &[("page", self.page.to_string()), ("pages", self.pages.to_string())])>
                {self.previous.map(|href| view! { <a rel="prev" href=href>{e.previous}</a> })}
                <span>{Strings::fill(e.page_of, &[("page", self.page.to_string()), ("pages", self.pages.to_string())])}</span>
                {self.next.map(|href| view! { <a rel="next" href=href>{e.next}</a> })}
            </nav>
        }
    }
}
