//! POST handlers of the back office's editor (`/admin/stories/new`,
//! `/admin/stories/{id}/{lang}`). The guard has already refused anyone without a
//! session; the data layer checks what the account's role allows. Saved → `303` back
//! to the editor with `?saved=<action>` (a reload never posts twice); refused → the
//! editor rendered again with what was typed and the translated problems (422).

use crate::routes::{page_again, signed_in, AdminServices};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};
use chrono::{Duration, NaiveDateTime};
use content::editorial::save::{new_kind, save, EditorInput, Saved};
use content::lang::Lang;
use content::media_edit::MAX_DESCRIPTION_CHARS;
use content::media_files::{looks_like_a_file, store_file, MAX_AUDIO_BYTES};
use content::media_library::{store_image, UploadProblem, MAX_IMAGE_BYTES};
use content::model::{
    EditorAction, EditorDraft, EditorProblem, EditorRefused, Role, SessionUser, StoryFields,
};
use serde::Deserialize;

/// Largest editor post: a 200,000-character body in any script, with room to spare.
const EDITOR_BYTES: usize = 2 * 1024 * 1024;

/// Largest upload post: the largest file the library takes (a sound) and the form's
/// other fields; each kind's own limit is checked once its type is known.
const UPLOAD_BYTES: usize = max(MAX_AUDIO_BYTES, MAX_IMAGE_BYTES) + 64 * 1024;

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

/// The editor's POST routes.
pub fn routes() -> Router<AdminServices> {
    Router::new()
        .route("/admin/stories/new", post(save_new))
        .route("/admin/stories/{id}/{lang}", post(save_version))
        .layer(DefaultBodyLimit::max(EDITOR_BYTES))
        .route(
            "/admin/media",
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_BYTES)),
        )
}

/// The editor form's fields (all optional: a missing field is an empty one).
#[derive(Deserialize, Default)]
#[serde(default)]
struct Posted {
    lang: String,
    kind: String,
    section: String,
    cover: String,
    title: String,
    slug: String,
    summary: String,
    body: String,
    signature: String,
    source: String,
    tags: String,
    attachment: String,
    duration: String,
    /// The kind's own details, posted as `detail_<name>`.
    #[serde(flatten)]
    rest: std::collections::HashMap<String, String>,
    publish_at: String,
    tz_offset: String,
    action: String,
}

/// The UTC time of a `datetime-local` value typed `offset_minutes` east of UTC:
/// `Ok(None)` when empty, `Err(())` when it is not a time.
fn utc_time(typed: &str, offset_minutes: &str) -> Result<Option<String>, ()> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let local = NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(typed, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| ())?;
    let offset: i64 = offset_minutes.trim().parse().unwrap_or(0);
    let utc = local - Duration::minutes(offset.clamp(-14 * 60, 14 * 60));
    Ok(Some(utc.format("%Y-%m-%dT%H:%M:%SZ").to_string()))
}

async fn save_new(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Form(posted): Form<Posted>,
) -> Response {
    let lang = Lang::from_code(&posted.lang).unwrap_or_default();
    handle(state, user, None, lang, posted).await
}

async fn save_version(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Path((id, lang)): Path<(i64, String)>,
    Form(posted): Form<Posted>,
) -> Response {
    let Some(lang) = Lang::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    handle(state, user, Some(id), lang, posted).await
}

async fn handle(
    state: AdminServices,
    user: Option<Extension<SessionUser>>,
    story: Option<i64>,
    lang: Lang,
    posted: Posted,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let fields = StoryFields {
        title: posted.title,
        slug: posted.slug,
        summary: posted.summary,
        body: posted.body,
        signature: posted.signature,
        source: posted.source,
        tags: posted.tags,
        attachment: posted.attachment,
        duration: posted.duration,
        details: posted
            .rest
            .into_iter()
            .filter_map(|(key, value)| Some((key.strip_prefix("detail_")?.to_owned(), value)))
            .collect(),
    };
    let section_id = posted.section.trim().parse().ok();
    let cover_id = posted.cover.trim().parse().ok();
    let kind = new_kind(&posted.kind);
    let input = EditorInput {
        kind,
        section_id,
        cover_id,
        fields: fields.clone(),
        action: EditorAction::from_code(&posted.action).unwrap_or(EditorAction::Save),
        publish_at: utc_time(&posted.publish_at, &posted.tz_offset),
    };
    let saved = match save(&state.pool, &user, story, lang, &input).await {
        // Nothing is wrong with the draft: the storage refused it. Shown again, kept.
        Err(err) if err.refuses_writes() => {
            tracing::error!(%err, "saving a story");
            Ok(Saved::Refused(vec![(
                "action".to_owned(),
                EditorProblem::NotSaved,
            )]))
        }
        saved => saved,
    };
    match saved {
        Ok(Saved::Done { story_id, .. }) => Redirect::to(&format!(
            "/admin/stories/{story_id}/{}?saved={}",
            lang.code(),
            input.action.code()
        ))
        .into_response(),
        Ok(Saved::Missing) => StatusCode::NOT_FOUND.into_response(),
        Ok(Saved::Refused(problems)) => {
            let draft = EditorDraft {
                fields,
                kind,
                section_id,
                cover_id,
                publish_at: posted.publish_at,
            };
            let path = match story {
                Some(id) => format!("/admin/stories/{id}/{}", lang.code()),
                None => format!("/admin/stories/new?lang={}&kind={}", lang.code(), kind),
            };
            // The form's action: where the editor's form posts (the page of a new
            // story is also asked for its language and kind).
            let form = match story {
                Some(_) => path.clone(),
                None => "/admin/stories/new".to_owned(),
            };
            let again = EditorRefused {
                form,
                values: draft,
                problems,
                notice: None,
            };
            let not_saved = again.problem("action") == Some(EditorProblem::NotSaved);
            let mut response = page_again(&state, &path, user, again).await;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            if not_saved {
                return crate::unsaved::with_retry_after(response);
            }
            response
        }
        Err(err) => {
            tracing::error!(%err, "saving a story");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `POST /admin/media` (multipart: `file`, `alt_fr`, `alt_ar`, `alt_en`): a picture into
/// the library, then back to it with `?uploaded=<id>` or `?error=<problem>`.
async fn upload(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    mut form: Multipart,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut alts = Vec::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            // Cut off at the size limit, or not multipart at all.
            Err(_) => return back_to_library(Err(UploadProblem::TooBig), ""),
        };
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field.file_name().unwrap_or("").to_owned();
        let Ok(bytes) = field.bytes().await else {
            return back_to_library(Err(UploadProblem::TooBig), "");
        };
        match name.as_str() {
            "file" => file = Some((file_name, bytes.to_vec())),
            alt => {
                if let Some(lang) = alt.strip_prefix("alt_").and_then(Lang::from_code) {
                    let text: String = String::from_utf8_lossy(&bytes)
                        .chars()
                        .take(MAX_DESCRIPTION_CHARS)
                        .collect();
                    alts.push((lang, text));
                }
            }
        }
    }
    let Some((name, bytes)) = file else {
        return back_to_library(Err(UploadProblem::Empty), "");
    };
    // Documents and sounds by their content; anything else must be a picture.
    let (stored, kind) = if looks_like_a_file(&bytes) {
        let stored = store_file(&state.pool, &state.media_dir, bytes, &name, &alts, user.id);
        (stored.await, "&kind=file")
    } else {
        let stored = store_image(&state.pool, &state.media_dir, bytes, &name, &alts, user.id);
        (stored.await, "")
    };
    match stored {
        Ok(outcome) => back_to_library(outcome, kind),
        Err(err) if err.refuses_writes() => {
            tracing::error!(%err, "storing an upload");
            back_to_library(Err(UploadProblem::NotSaved), kind)
        }
        Err(err) => {
            tracing::error!(%err, "storing an upload");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn back_to_library(outcome: Result<i64, UploadProblem>, kind: &str) -> Response {
    let query = match outcome {
        Ok(id) => format!("uploaded={id}{kind}"),
        Err(problem) => format!("error={}", problem.code()),
    };
    Redirect::to(&format!("/admin/media?{query}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::utc_time;

    #[test]
    fn typed_times_become_utc() {
        assert_eq!(utc_time("", "60"), Ok(None));
        assert_eq!(
            utc_time("2026-12-01T10:30", "60"),
            Ok(Some("2026-12-01T09:30:00Z".into()))
        );
        assert_eq!(
            utc_time("2026-12-01T10:30", "0"),
            Ok(Some("2026-12-01T10:30:00Z".into()))
        );
        assert_eq!(
            utc_time("2026-12-01T00:30", "-300"),
            Ok(Some("2026-12-01T05:30:00Z".into()))
        );
        assert_eq!(utc_time("tomorrow", "0"), Err(()));
        assert_eq!(
            utc_time("2026-12-01T10:30", "junk"),
            Ok(Some("2026-12-01T10:30:00Z".into()))
        );
    }
}
