//! Server-side rendering of a page outside Leptos's own routes: a plain form that was
//! refused is answered with its page rendered again, carrying what was typed (a value
//! put in the page's context) — so the reader or editor never loses their work.

use crate::http::forms::AppContext;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use content::model::{AdminLang, SessionUser};
use leptos::prelude::*;

/// Renders the app's page at `path` with `value` in its context and `extensions` (the
/// session's account and language, for back-office pages) in its request.
pub async fn page_with<T: Clone + Send + Sync + 'static>(
    options: &LeptosOptions,
    context: &AppContext,
    path: &str,
    extensions: impl FnOnce(axum::http::request::Builder) -> axum::http::request::Builder,
    value: T,
) -> Response {
    let context = context.clone();
    let options = options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(value.clone());
        },
        move || app::shell(options.clone()),
    );
    let request = extensions(Request::builder().uri(path))
        .body(Body::empty())
        .expect("a path is a valid URI");
    handler(request).await.into_response()
}

/// Renders the back-office page at `path` for `user` with a refused post (`posted`)
/// shown again.
pub async fn admin_page<T: Clone + Send + Sync + 'static>(
    options: &LeptosOptions,
    context: &AppContext,
    path: &str,
    user: SessionUser,
    posted: T,
) -> Response {
    let lang = AdminLang(user.lang);
    page_with(
        options,
        context,
        path,
        |r| r.extension(user).extension(lang),
        posted,
    )
    .await
}
