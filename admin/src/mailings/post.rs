//! The posts of the issues' screens: starting an issue (any role), changing its words
//! and stories while it is a draft (any role), a test to oneself (any role), and
//! scheduling, sending, pausing, resuming and cancelling (editors and administrators:
//! 403 for authors). Each answers with a redirect to the issue's page and a notice.

use crate::routes::{signed_in, AdminServices};
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};
use content::lang::Lang;
use content::mail_queue::{self, Mail};
use content::mailings::{self, UNSUBSCRIBE_SLOT};
use content::model::{List, Role, SessionUser};
use content::Db;
use serde::Deserialize;

/// What the issues' handlers read of the server's state.
#[derive(Clone)]
pub struct MailingState {
    pub pool: Db,
    /// Links in the mails.
    pub site_url: String,
}

impl FromRef<AdminServices> for MailingState {
    fn from_ref(services: &AdminServices) -> MailingState {
        MailingState {
            pool: services.pool.clone(),
            site_url: services.site_url.clone(),
        }
    }
}

/// The issues' routes.
pub fn routes() -> Router<AdminServices> {
    Router::new()
        .route("/admin/mailings", post(create))
        .route("/admin/mailings/{id}", post(act))
}

/// A subject as stored: trimmed, 1 to 200 characters; `None` otherwise.
fn subject_of(typed: &str) -> Option<&str> {
    let subject = typed.trim();
    (!subject.is_empty() && subject.chars().count() <= 200).then_some(subject)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewIssue {
    list: String,
    lang: String,
    subject: String,
}

async fn create(
    State(state): State<MailingState>,
    user: Option<Extension<SessionUser>>,
    Form(posted): Form<NewIssue>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(refused) => return refused.into_response(),
    };
    let (Some(list), Some(lang)) = (List::from_code(&posted.list), Lang::from_code(&posted.lang))
    else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let Some(subject) = subject_of(&posted.subject) else {
        return Redirect::to("/admin/mailings?error=subject").into_response();
    };
    match mailings::create(&state.pool, list, lang, subject, Some(user.id)).await {
        Ok(id) => Redirect::to(&format!("/admin/mailings/{id}")).into_response(),
        Err(err) => failed(err, &user),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Acted {
    action: String,
    subject: String,
    intro: String,
    story: String,
    send_at: String,
}

async fn act(
    State(state): State<MailingState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
    Form(posted): Form<Acted>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(refused) => return refused.into_response(),
    };
    let back = |query: &str| Redirect::to(&format!("/admin/mailings/{id}?{query}")).into_response();
    let sends = matches!(
        posted.action.as_str(),
        "schedule" | "unschedule" | "send" | "pause" | "resume" | "cancel"
    );
    if sends && !user.role.allows(Role::Editor) {
        return back("error=role");
    }
    let pool = &state.pool;
    let done = match posted.action.as_str() {
        "save" => match subject_of(&posted.subject) {
            None => return back("error=subject"),
            Some(subject) => mailings::update(pool, id, subject, &posted.intro).await,
        },
        "add" => match posted.story.parse::<i64>() {
            Ok(story) => reorder(pool, id, |ids| ids.push(story)).await,
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        },
        "test" => return test(&state, id, &user).await,
        "schedule" => match schedule_time(&posted.send_at) {
            Some(at) => mailings::schedule(pool, id, Some(&at)).await,
            None => return back("error=time"),
        },
        "unschedule" => mailings::schedule(pool, id, None).await,
        "send" => app::forms::issue_letter::start(pool, &state.site_url, id)
            .await
            .map(|started| started.is_some()),
        "pause" => mailings::pause(pool, id).await,
        "resume" => mailings::resume(pool, id).await,
        "cancel" => mailings::cancel(pool, id).await,
        moved => match moved
            .split_once(':')
            .and_then(|(how, s)| Some((how, s.parse::<i64>().ok()?)))
        {
            Some(("up", story)) => reorder(pool, id, |ids| shift(ids, story, -1)).await,
            Some(("down", story)) => reorder(pool, id, |ids| shift(ids, story, 1)).await,
            Some(("remove", story)) => reorder(pool, id, |ids| ids.retain(|s| *s != story)).await,
            _ => return StatusCode::BAD_REQUEST.into_response(),
        },
    };
    match done {
        Ok(true) => back("done=saved"),
        // The issue has left the draft (or never existed): nothing changed.
        Ok(false) => back("error=frozen"),
        Err(err) => failed(err, &user),
    }
}

/// Changes the order of an issue's stories with `change`.
async fn reorder(
    pool: &Db,
    id: i64,
    change: impl FnOnce(&mut Vec<i64>),
) -> Result<bool, content::DataError> {
    let mut ids: Vec<i64> = mailings::stories(pool, id)
        .await?
        .iter()
        .map(|s| s.story_id)
        .collect();
    change(&mut ids);
    mailings::set_stories(pool, id, &ids).await
}

/// Moves `story` one place up (`-1`) or down (`1`).
fn shift(ids: &mut [i64], story: i64, by: isize) {
    if let Some(at) = ids.iter().position(|s| *s == story) {
        let to = at as isize + by;
        if (0..ids.len() as isize).contains(&to) {
            ids.swap(at, to as usize);
        }
    }
}

/// A time typed in the form (`2026-12-04T07:00`, UTC) as stored, if it is in the future.
fn schedule_time(typed: &str) -> Option<String> {
    let at = chrono::NaiveDateTime::parse_from_str(typed.trim(), "%Y-%m-%dT%H:%M").ok()?;
    (at.and_utc() > chrono::Utc::now()).then(|| at.format("%Y-%m-%dT%H:%M:00Z").to_string())
}

/// Mails the issue as it is now to the editor's own address, marked as a test; its
/// unsubscribe link leads to the list's page (an editor's test unsubscribes no one).
async fn test(state: &MailingState, id: i64, user: &SessionUser) -> Response {
    let issue = match mailings::get(&state.pool, id).await {
        Ok(Some(issue)) => issue,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return failed(err, user),
    };
    let stories = match mailings::stories(&state.pool, id).await {
        Ok(stories) => stories,
        Err(err) => return failed(err, user),
    };
    let rendered = app::forms::issue_letter::render(&state.site_url, &issue, &stories);
    let page = format!("{}/{}/newsletter", state.site_url, issue.lang.code());
    let mail = Mail {
        to_addr: user.email.clone(),
        subject: format!("[test] {}", rendered.subject),
        text_body: rendered.text.replace(UNSUBSCRIBE_SLOT, &page),
        html_body: rendered.html.replace(UNSUBSCRIBE_SLOT, &page),
        unsubscribe_url: None,
        reply_to: None,
        attachment_of: None,
    };
    match mail_queue::enqueue(&state.pool, &mail).await {
        Ok(_) => Redirect::to(&format!("/admin/mailings/{id}?done=test")).into_response(),
        Err(err) => failed(err, user),
    }
}

fn failed(err: content::DataError, user: &SessionUser) -> Response {
    crate::unsaved::failed(err, "newsletter issue", user.lang)
}
