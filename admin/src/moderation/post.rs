//! Moderation's server side: an editor's decision on a reader message (reply by
//! e-mail, accept an op-ed as a draft, reject), the message's attachment, and the CSV
//! export of a subscriber list. Editors and administrators only (403 for authors; the
//! guard has already refused anyone without a session).

use crate::routes::{signed_in, AdminServices};
use app::forms::letters;
use axum::extract::{FromRef, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use content::model::{Role, SessionUser};
use content::moderation::{self, Decision};
use content::Db;
use serde::Deserialize;

/// What moderation's handlers read of the server's state.
#[derive(Clone)]
pub struct ModerationState {
    pub pool: Db,
    /// Where readers' answers to an editor's reply go.
    pub editors: String,
}

impl FromRef<AdminServices> for ModerationState {
    fn from_ref(services: &AdminServices) -> ModerationState {
        ModerationState {
            pool: services.pool.clone(),
            editors: services.editors_email.clone(),
        }
    }
}

/// Moderation's routes.
pub fn routes() -> Router<AdminServices> {
    Router::new()
        .route("/admin/messages/{id}", post(decide))
        .route("/admin/messages/{id}/attachment", get(attachment))
        .route("/admin/subscribers/{file}", get(export))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Posted {
    action: String,
    reply: String,
}

async fn decide(
    State(state): State<ModerationState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
    Form(posted): Form<Posted>,
) -> Response {
    let user = match signed_in(user, Role::Editor) {
        Ok(user) => user,
        Err(refused) => return refused.into_response(),
    };
    let back = format!("/admin/messages/{id}");
    let decision = match posted.action.as_str() {
        "reply" if posted.reply.trim().is_empty() => {
            return Redirect::to(&format!("{back}?error=empty")).into_response()
        }
        "reply" => Decision::Reply(posted.reply.trim().chars().take(20_000).collect()),
        "accept" => Decision::Accept,
        "reject" => Decision::Reject,
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let write_reply = |to: moderation::ReplyTo<'_>| {
        letters::editorial_reply(to.lang, to.email, to.subject, to.text, &state.editors)
    };
    match moderation::decide(&state.pool, &user, id, &decision, write_reply).await {
        Ok(Some(Some((story, lang)))) => Redirect::to(&format!(
            "/admin/stories/{story}/{}?saved=save",
            lang.code()
        ))
        .into_response(),
        Ok(Some(_)) => Redirect::to(&format!("{back}?done={}", posted.action)).into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => crate::unsaved::failed(err, "moderation", user.lang),
    }
}

async fn attachment(
    State(state): State<ModerationState>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
) -> Response {
    if let Err(refused) = signed_in(user, Role::Editor) {
        return refused.into_response();
    }
    match moderation::attachment(&state.pool, id).await {
        Ok(Some((name, kind, bytes))) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_str(&kind)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            );
            // Always a download, never shown in the back office's own origin.
            let ascii: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || ".-_".contains(*c))
                .collect();
            let disposition = format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                content::address::encode_segment(&name)
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );
            response
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(%err, "attachment");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn export(
    State(state): State<ModerationState>,
    user: Option<Extension<SessionUser>>,
    Path(file): Path<String>,
) -> Response {
    let user = match signed_in(user, Role::Editor) {
        Ok(user) => user,
        Err(refused) => return refused.into_response(),
    };
    let list = match file.as_str() {
        "newsletter.csv" => "newsletter",
        "press_review.csv" => "press_review",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match moderation::subscribers_csv(&state.pool, &user, list).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"ccme-{list}.csv\""),
                ),
            ],
            csv,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(%err, "subscriber export");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
