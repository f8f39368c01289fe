//! `POST /admin/media/{id}`: a library item's form — `action=save` stores its
//! descriptions (any back-office account), `action=delete` removes it with its files
//! (editors and administrators, refused while a story uses it). The data layer checks
//! the role. Done → `303` (back to the item, or to the library after a deletion);
//! refused → the item's page again with what was typed and the problem.

use crate::routes::{signed_in, AdminServices};
use crate::structure::post::{answer, field, Fields};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use axum::{Extension, Form};
use content::lang::Lang;
use content::media_edit;
use content::model::{Role, SessionUser};

/// The media library's POST route (uploads are the editor's: `stories::post`).
pub fn routes() -> Router<AdminServices> {
    Router::new().route("/admin/media/{id}", post(media_item))
}

/// The item's form, posted.
async fn media_item(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let page = format!("/admin/media/{id}");
    if field(&fields, "action") == "delete" {
        let outcome = media_edit::delete(&state.pool, &state.media_dir, &user, id).await;
        let done = |()| "/admin/media?done=deleted".to_owned();
        return answer(&state, user, &page, fields, outcome, done).await;
    }
    // Only the languages the form carries: a partial post never blanks the others.
    let descriptions: Vec<(Lang, String)> = Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let name = format!("alt_{}", lang.code());
            let (_, text) = fields.iter().find(|(n, _)| *n == name)?;
            Some((lang, text.clone()))
        })
        .collect();
    let outcome = media_edit::describe(&state.pool, &user, id, &descriptions).await;
    let done = |()| format!("/admin/media/{id}?done=saved");
    answer(&state, user, &page, fields, outcome, done).await
}
