//! `/admin/mailings`: the issues of the newsletter and of the press review (issue 20) —
//! the list with where each stands, and a form to start one; `issue.rs` is one issue's
//! page (words, stories, preview, test, sending and its progress), `post.rs` its posts.
//! Authors prepare issues; editors and administrators send them.

pub mod issue;
pub mod post;

use crate::i18n::{AdminTexts, MailingStrings};
use crate::session::{loaded, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::format_date;
use content::lang::Lang;
use content::model::{List, Mailing, MailingProgress, MailingStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// An issue in the list, with how far its send is.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IssueRow {
    pub issue: Mailing,
    pub progress: MailingProgress,
}

/// The latest issues, newest first (every role of the back office).
#[server(prefix = "/api/admin", endpoint = "mailings", output = JsonReply)]
pub async fn get_issues() -> Result<Vec<IssueRow>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    app::api::access::require(content::model::Role::Author)?;
    let pool = pool()?;
    let mut rows = Vec::new();
    for issue in content::mailings::issues(&pool, None, 100)
        .await
        .map_err(internal)?
    {
        let progress = content::mailings::progress(&pool, issue.id)
            .await
            .map_err(internal)?;
        rows.push(IssueRow { issue, progress });
    }
    Ok(rows)
}

/// The name of a list in the back office's language.
pub(crate) fn list_name(m: &MailingStrings, list: List) -> &'static str {
    match list {
        List::Newsletter => m.lists[0],
        List::PressReview => m.lists[1],
    }
}

/// The name of a status in the back office's language.
pub(crate) fn status_name(m: &MailingStrings, status: MailingStatus) -> &'static str {
    let index = match status {
        MailingStatus::Draft => 0,
        MailingStatus::Scheduled => 1,
        MailingStatus::Sending => 2,
        MailingStatus::Paused => 3,
        MailingStatus::Sent => 4,
        MailingStatus::Cancelled => 5,
    };
    m.statuses[index]
}

/// The list of issues and the form that starts one.
#[component]
pub fn MailingsPage() -> impl IntoView {
    let m = use_admin_session().lang.mailings();
    let error = use_query_map().get_untracked().get("error").is_some();
    let data = Resource::new(|| (), |_| get_issues());
    view! {
        <Title text=format!("{} — CCME", m.title)/>
        <h1>{m.title}</h1>
        <section class="admin-card">
            <h2>{m.new_issue}</h2>
            {error.then(|| view! { <p class="notice notice-error" role="alert" id="issue-problem">{m.subject_missing}</p> })}
            <form method="post" action="/admin/mailings" class="editor-form">
                <label for="issue-list">{m.list}</label>
                <select id="issue-list" name="list">
                    <option value="press_review">{m.lists[1]}</option>
                    <option value="newsletter">{m.lists[0]}</option>
                </select>
                <label for="issue-lang">{m.edition}</label>
                <select id="issue-lang" name="lang">
                    {Lang::ALL.iter().map(|l| view! { <option value=l.code()>{l.native_name()}</option> }).collect_view()}
                </select>
                <label for="issue-subject">{m.subject}</label>
                <input id="issue-subject" name="subject" required maxlength="200" dir="auto"
                    aria-invalid=error.then_some("true") aria-describedby=error.then_some("issue-problem")/>
                <div class="editor-actions">
                    <button type="submit" class="button">{m.create}</button>
                </div>
            </form>
        </section>
        {loaded(data, m.editors_send, |rows: Vec<IssueRow>| view! { <Issues rows/> })}
    }
}

#[component]
fn Issues(rows: Vec<IssueRow>) -> impl IntoView {
    let lang = use_admin_session().lang;
    let m = lang.mailings();
    if rows.is_empty() {
        return view! { <p class="notice">{m.empty}</p> }.into_any();
    }
    view! {
        <ul class="admin-stories mailing-issues">
            {rows.into_iter().map(|IssueRow { issue, progress }| {
                let total = progress.waiting + progress.queued + progress.sent + progress.failed + progress.skipped;
                view! {
                    <li class="admin-story">
                        <a class="admin-story-title" href=format!("/admin/mailings/{}", issue.id) lang=issue.lang.code() dir="auto">{issue.subject.clone()}</a>
                        <span class="admin-story-meta">
                            {list_name(m, issue.list)}" · "{issue.lang.native_name()}" · "{format_date(lang, &issue.created_at)}
                            {(total > 0).then(|| format!(" · {} {}/{total}", m.progress[2], progress.sent))}
                        </span>
                        <span class=format!("version-badge mailing-{}", issue.status.code())>{status_name(m, issue.status)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
