//! `/admin/mailings/{id}`: one issue — its subject and introduction, its stories in
//! order (up, down, remove, add), the mail exactly as it will go out (HTML in a sandboxed
//! frame, and the plain text), a test to oneself, then scheduling or sending, and while it
//! goes out, its progress with pause, resume and cancel.

use super::{list_name, status_name};
use crate::i18n::{AdminTexts, MailingStrings};
use crate::session::{by_route_id, loaded, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::{format_date, Strings};
use content::model::{Mailing, MailingProgress, MailingStatus, MailingStory, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// Everything an issue's page shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IssueView {
    pub issue: Mailing,
    pub stories: Vec<MailingStory>,
    /// Published stories of its edition it could take.
    pub candidates: Vec<MailingStory>,
    pub progress: MailingProgress,
    /// Confirmed subscribers it would go to now.
    pub recipients: i64,
    /// The mail as it will go out: HTML and plain text.
    pub preview_html: String,
    pub preview_text: String,
}

/// One issue with its preview (every role of the back office).
#[server(prefix = "/api/admin", endpoint = "mailing", output = JsonReply)]
pub async fn get_issue(id: i64) -> Result<Option<IssueView>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    use content::mailings;
    app::api::access::require(Role::Author)?;
    let pool = pool()?;
    let Some(issue) = mailings::get(&pool, id).await.map_err(internal)? else {
        return Ok(None);
    };
    let stories = mailings::stories(&pool, id).await.map_err(internal)?;
    let candidates = if issue.status.is_editable() {
        mailings::candidates(&pool, id, 40)
            .await
            .map_err(internal)?
    } else {
        Vec::new()
    };
    let progress = mailings::progress(&pool, id).await.map_err(internal)?;
    let recipients = mailings::recipient_count(&pool, issue.list, issue.lang)
        .await
        .map_err(internal)?;
    let site = app::components::meta::site_url();
    let rendered = app::forms::issue_letter::render(&site, &issue, &stories);
    Ok(Some(IssueView {
        issue,
        stories,
        candidates,
        progress,
        recipients,
        preview_html: rendered.html,
        preview_text: rendered.text,
    }))
}

/// One issue's page.
#[component]
pub fn IssuePage() -> impl IntoView {
    let data = by_route_id(get_issue);
    let m = use_admin_session().lang.mailings();
    loaded(
        data,
        m.editors_send,
        |found: Option<IssueView>| match found {
            Some(view) => view! { <Issue view/> }.into_any(),
            None => {
                let m = use_admin_session().lang.mailings();
                view! { <p class="notice notice-error">{m.not_found}</p> }.into_any()
            }
        },
    )
}

/// The notice a post came back with (`?done=` or `?error=`).
fn notice(m: &'static MailingStrings, email: &str) -> Option<(bool, String)> {
    let query = use_query_map().get_untracked();
    if let Some(done) = query.get("done") {
        let text = match done.as_str() {
            "test" => Strings::fill(m.test_sent, &[("email", email.to_owned())]),
            _ => m.saved.to_owned(),
        };
        return Some((true, text));
    }
    let text = match query.get("error")?.as_str() {
        "subject" => m.subject_missing,
        "time" => m.bad_time,
        "role" => m.editors_send,
        _ => m.frozen,
    };
    Some((false, text.to_owned()))
}

#[component]
fn Issue(view: IssueView) -> impl IntoView {
    let session = use_admin_session();
    let lang = session.lang;
    let m = lang.mailings();
    let email = session
        .user
        .as_ref()
        .map(|u| u.email.clone())
        .unwrap_or_default();
    let may_send = session
        .user
        .as_ref()
        .is_some_and(|u| u.role.allows(Role::Editor));
    let IssueView {
        issue,
        stories,
        candidates,
        progress,
        recipients,
        preview_html,
        preview_text,
    } = view;
    let id = issue.id;
    let action = format!("/admin/mailings/{id}");
    let written = issue.lang;
    let editable = issue.status.is_editable();
    let count = stories.len();
    view! {
        <Title text=format!("{} — CCME", issue.subject)/>
        <div class="admin-heading">
            <h1 lang=written.code() dir="auto">{issue.subject.clone()}</h1>
            <a href="/admin/mailings">{m.back}</a>
        </div>
        <p class="admin-story-meta">
            {list_name(m, issue.list)}" · "{written.native_name()}" · "
            <span class=format!("version-badge mailing-{}", issue.status.code())>{status_name(m, issue.status)}</span>
            {issue.send_at.clone().map(|at| format!(" · {at}"))}
        </p>
        {notice(m, &email).map(|(ok, text)| if ok {
            view! { <p class="notice notice-success" role="status">{text}</p> }.into_any()
        } else {
            view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any()
        })}
        {(issue.status == MailingStatus::Sent).then(|| view! {
            <p><a href=content::address::Page::Issue(id).path(written)>{m.in_archive}</a></p>
        })}
        {(!editable).then(|| view! { <Progress progress/> })}
        {editable.then(|| view! {
            <form method="post" action=action.clone() class="editor-form">
                <label for="issue-subject">{m.subject}</label>
                <input id="issue-subject" name="subject" required maxlength="200" value=issue.subject.clone() lang=written.code() dir="auto"/>
                <label for="issue-intro">{m.intro}</label>
                <textarea id="issue-intro" name="intro" rows="6" lang=written.code() dir=written.dir() aria-describedby="issue-intro-hint">{issue.intro.clone()}</textarea>
                <p class="field-hint" id="issue-intro-hint">{m.intro_hint}</p>
                <div class="editor-actions">
                    <button type="submit" name="action" value="save" class="button">{m.save}</button>
                </div>
            </form>
        })}
        <section class="admin-card">
            <h2>{m.stories}</h2>
            {stories.is_empty().then(|| view! { <p class="notice">{m.no_stories}</p> })}
            <form method="post" action=action.clone()>
                <ol class="mailing-stories">
                    {stories.into_iter().enumerate().map(|(i, story)| view! {
                        <li>
                            <span class="mailing-story-title" lang=written.code() dir="auto">{story.title.clone()}</span>
                            <span class="admin-story-meta">
                                {story.source.clone()}
                                {story.published_at.clone().map(|d| format!(" · {}", format_date(lang, &d)))}
                            </span>
                            {editable.then(|| view! {
                                <span class="mailing-story-actions">
                                    {(i > 0).then(|| view! { <button type="submit" name="action" value=format!("up:{}", story.story_id) class="link-button">{m.up}</button> })}
                                    {(i + 1 < count).then(|| view! { <button type="submit" name="action" value=format!("down:{}", story.story_id) class="link-button">{m.down}</button> })}
                                    <button type="submit" name="action" value=format!("remove:{}", story.story_id) class="link-button">{m.remove}</button>
                                </span>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
                {(editable && !candidates.is_empty()).then(|| view! {
                    <label for="issue-add">{m.add_story}</label>
                    <select id="issue-add" name="story" lang=written.code() dir=written.dir()>
                        {candidates.into_iter().map(|c| view! { <option value=c.story_id.to_string()>{c.title}</option> }).collect_view()}
                    </select>
                    <button type="submit" name="action" value="add" class="button button-secondary">{m.add}</button>
                })}
            </form>
        </section>
        <section class="admin-card">
            <h2>{m.preview}</h2>
            <iframe class="mailing-preview" title=m.preview sandbox="" srcdoc=preview_html></iframe>
            <details>
                <summary>{m.preview_text}</summary>
                <pre class="mailing-preview-text" lang=written.code() dir=written.dir()>{preview_text}</pre>
            </details>
            <form method="post" action=action.clone()>
                <button type="submit" name="action" value="test" class="button button-secondary">{m.send_test}</button>
            </form>
        </section>
        <section class="admin-card">
            <p>{Strings::fill(m.recipients, &[("count", recipients.to_string())])}</p>
            {if !may_send {
                view! { <p class="field-hint">{m.editors_send}</p> }.into_any()
            } else {
                view! { <SendControls id status=issue.status send_at=issue.send_at.clone()/> }.into_any()
            }}
        </section>
    }
}

/// Scheduling and sending (editors and administrators), by where the issue stands.
#[component]
fn SendControls(id: i64, status: MailingStatus, send_at: Option<String>) -> impl IntoView {
    let m = use_admin_session().lang.mailings();
    let action = format!("/admin/mailings/{id}");
    let button = move |value: &'static str, label: &'static str, secondary: bool| {
        view! {
            <button type="submit" name="action" value=value class=if secondary { "button button-secondary" } else { "button" }>{label}</button>
        }
    };
    view! {
        <form method="post" action=action class="editor-form">
            {match status {
                MailingStatus::Draft | MailingStatus::Scheduled => view! {
                    <label for="issue-send-at">{m.schedule_at}</label>
                    <input id="issue-send-at" name="send_at" type="datetime-local" value=send_at.map(|at| at.trim_end_matches('Z').chars().take(16).collect::<String>()) aria-describedby="issue-send-at-hint"/>
                    <p class="field-hint" id="issue-send-at-hint">{m.schedule_hint}</p>
                    <div class="editor-actions">
                        {button("schedule", m.schedule, true)}
                        {(status == MailingStatus::Scheduled).then(|| button("unschedule", m.unschedule, true))}
                        {button("send", m.send_now, false)}
                    </div>
                }.into_any(),
                MailingStatus::Sending => view! { <div class="editor-actions">{button("pause", m.pause, true)}{button("cancel", m.cancel, true)}</div> }.into_any(),
                MailingStatus::Paused => view! { <div class="editor-actions">{button("resume", m.resume, false)}{button("cancel", m.cancel, true)}</div> }.into_any(),
                MailingStatus::Sent | MailingStatus::Cancelled => ().into_any(),
            }}
        </form>
    }
}

/// How far the send is: each state with its count.
#[component]
fn Progress(progress: MailingProgress) -> impl IntoView {
    let m = use_admin_session().lang.mailings();
    let counts = [
        progress.waiting,
        progress.queued,
        progress.sent,
        progress.failed,
        progress.skipped,
    ];
    view! {
        <dl class="mailing-progress">
            {m.progress.iter().zip(counts).enumerate().map(|(i, (label, count))| view! {
                <div data-state=["waiting", "queued", "sent", "failed", "skipped"][i]><dt>{*label}</dt><dd>{count}</dd></div>
            }).collect_view()}
        </dl>
    }
}
