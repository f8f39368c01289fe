//! The web archive of the newsletter and the press review (issue 20):
//! `/{lang}/newsletter/archive/{id}` shows a sent issue as its mail said it (the mail's
//! "read in the browser" link opens it), and the newsletter page lists the edition's
//! past issues ([`IssueArchive`]).

use crate::api::issues::{get_archived_issue, get_issue_archive};
use crate::components::cards::DateLine;
use crate::components::layout::use_lang;
use crate::components::meta::PageMeta;
use crate::components::status::loaded_page;
use crate::i18n::{list_name, Strings, Texts};
use crate::pages::load_item;
use content::address::{story_path, Page};
use content::model::{ArchivedIssue, Mailing, MailingStory, StoryKind};
use leptos::prelude::*;

crate::page_route!(
    /// One sent issue.
    IssueRoute => IssueDetailPage, loads ArchivedIssue = load_item(get_archived_issue)
);

/// `/{lang}/newsletter/archive/{id}`.
#[component]
pub fn IssueDetailPage(
    data: Resource<Result<Option<ArchivedIssue>, ServerFnError>>,
) -> impl IntoView {
    loaded_page(data, move |archived| {
        view! { <IssueView archived/> }.into_any()
    })
}

#[component]
fn IssueView(archived: ArchivedIssue) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let f = lang.forms();
    let ArchivedIssue {
        issue,
        intro_html,
        stories,
        ..
    } = archived;
    let sent = issue.started_at.clone().unwrap_or_default();
    view! {
        <PageMeta
            title=format!("{} — {}", issue.subject, lang.t().site_name)
            description=format!("{} — {}", list_name(lang, issue.list), issue.subject)
            path=Page::Issue(issue.id).path(lang)
            og_type="article"
        />
        <article class="container issue-page">
            <header class="page-head">
                <p class="kicker"><a href=Page::Named(content::address::Named::Newsletter).path(lang)>{list_name(lang, issue.list)}</a></p>
                <h1>{issue.subject.clone()}</h1>
                <p class="issue-sent">{Strings::fill(f.issue_sent, &[("date", crate::i18n::format_date(lang, &sent))])}</p>
            </header>
            <div class="article-body issue-intro" inner_html=intro_html></div>
            <ol class="issue-stories">
                {stories.into_iter().map(|story| view! { <IssueStory story/> }).collect_view()}
            </ol>
        </article>
    }
}

/// A story of an issue: title linked to it, source and date, summary.
#[component]
fn IssueStory(story: MailingStory) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let f = lang.forms();
    let href = StoryKind::from_code(&story.kind).map(|kind| story_path(lang, kind, &story.slug));
    view! {
        <li class="issue-story">
            <h2><a href=href.clone()>{story.title.clone()}</a></h2>
            <p class="issue-credit">
                {(!story.source.is_empty()).then(|| format!("{} : {} · ", f.issue_source, story.source))}
                {story.published_at.clone().map(|iso| view! { <DateLine iso/> })}
            </p>
            <p>{story.summary.clone()}</p>
            <p><a href=href>{f.issue_read}</a></p>
        </li>
    }
}

/// The edition's past issues, newest first, under the newsletter page's form.
#[component]
pub fn IssueArchive() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(move || lang.get(), get_issue_archive);
    view! {
        <section class="issue-archive" aria-labelledby="issue-archive-title">
            <h2 id="issue-archive-title">{move || lang.get().forms().archive_title}</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let lang = lang.get_untracked();
                    match data.await {
                        Ok(list) if list.is_empty() => view! { <p>{lang.forms().archive_empty}</p> }.into_any(),
                        Ok(list) => view! { <ul class="issue-list">{list.into_iter().map(|issue| view! { <IssueItem issue/> }).collect_view()}</ul> }.into_any(),
                        Err(_) => view! { <crate::components::status::LoadError/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn IssueItem(issue: Mailing) -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <li>
            <a href=Page::Issue(issue.id).path(lang)>{issue.subject.clone()}</a>
            " · "{list_name(lang, issue.list)}
            {issue.started_at.clone().map(|iso| view! { " · "<DateLine iso/> })}
        </li>
    }
}
