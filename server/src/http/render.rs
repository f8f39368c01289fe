//! Server-side rendering of a page outside Leptos's own routes: a plain form that was
//! refused is answered with its page rendered again, carrying what was typed (a value
//! put in the page's context) — so the reader or editor never loses their work.

use crate::state::AppContext;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use content::model::{AdminLang, SessionUser};
use leptos::prelude::*;

/// Renders the reader app's page at `path` with `value` in its context.
pub async fn page_with<T: Clone + Send + Sync + 'static>(
    options: &LeptosOptions,
    context: &AppContext,
    path: &str,
    value: T,
) -> Response {
    let options = options.clone();
    let request = Request::builder().uri(path);
    render(move || app::shell(options.clone()), context, request, value).await
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
    let options = options.clone();
    let lang = AdminLang(user.lang);
    let request = Request::builder().uri(path).extension(user).extension(lang);
    render(
        move || ::admin::shell(options.clone()),
        context,
        request,
        posted,
    )
    .await
}

/// Renders `request` with the document `shell` (which holds its app), `value` in the
/// page's context.
async fn render<T, IV>(
    shell: impl Fn() -> IV + Clone + Send + Sync + 'static,
    context: &AppContext,
    request: axum::http::request::Builder,
    value: T,
) -> Response
where
    T: Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let context = context.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            context();
            provide_context(value.clone());
        },
        shell,
    );
    let request = request.body(Body::empty()).expect("a path is a valid URI");
    handler(request).await.into_response()
}
