//! The answer to a back-office post that failed in the data layer. When the storage
//! refuses writes (a full disk, a read-only database: issue 18, point 7), the editor is
//! told so in their language with `503` and `Retry-After`, and the site goes on serving
//! reads; any other failure stays a plain `500`. Both are logged.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use content::lang::Lang;
use content::DataError;

use crate::i18n::AdminTexts;

/// How long to wait before trying again, as told to clients (seconds).
const RETRY_AFTER_SECONDS: &str = "300";

/// The answer to a post whose write failed with `err` while `doing` (for the log), for
/// an editor reading the back office in `lang`.
pub(crate) fn failed(err: DataError, doing: &'static str, lang: Lang) -> Response {
    tracing::error!(%err, doing, "back office");
    if !err.refuses_writes() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let a = lang.admin();
    let page = format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{title}</h1>\
         <p role=\"alert\">{message}</p><p><a href=\"/admin\">{back}</a></p></main></body></html>",
        code = lang.code(),
        dir = lang.dir(),
        title = a.title,
        message = a.cannot_write,
        back = a.go_to_dashboard,
    );
    with_retry_after((StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response())
}

/// `response` (a page shown again because nothing could be saved) as `503` with
/// `Retry-After`.
pub(crate) fn with_retry_after(mut response: Response) -> Response {
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    response.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_static(RETRY_AFTER_SECONDS),
    );
    response
}
