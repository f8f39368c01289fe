//! What the server's handlers and the back office's share of HTTP (server only): reading
//! a request (a cookie, the visitor's language, the address it comes from) and
//! rendering a page outside Leptos's own routes, as a refused form is answered: its page
//! again, with what was typed put in the page's context.

use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use content::lang::Lang;
use leptos::prelude::*;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

/// Puts what a page renders with into its Leptos context (pool, site URL, ticket key):
/// the same for routed pages, the 404 fallback and the pages a form post answers with.
pub type PageContext = Arc<dyn Fn() + Send + Sync>;

/// The cookie holding the edition a visitor last read (set by the server as pages are
/// served), which `/` and the back office's log-in page follow.
pub const LANG_COOKIE: &str = "lang";

/// Renders `request` with the document `shell` (which holds its app), `value` in the
/// page's context.
pub async fn render_with<T, IV>(
    shell: impl Fn() -> IV + Clone + Send + Sync + 'static,
    context: &PageContext,
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

/// The language a visitor prefers: the `lang` cookie (last edition read), then the
/// browser's `Accept-Language`, else French. The `/` redirect and the back office's
/// log-in page both ask this.
pub fn preferred_lang(headers: &HeaderMap) -> Lang {
    let from_header = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    cookie(headers, LANG_COOKIE)
        .and_then(|value| Lang::from_code(&value))
        .or_else(from_header)
        .unwrap_or_default()
}

/// The value of cookie `name` in a request's headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// Where a request comes from, for rate limits: the last `X-Forwarded-For` hop when the
/// site runs behind its own proxy (`trust_proxy`), else the connection's address.
pub fn client_ip(request: &Request, trust_proxy: bool) -> IpAddr {
    let forwarded = trust_proxy
        .then(|| request.headers().get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|value| value.rsplit(',').next()?.trim().parse().ok());
    forwarded
        .or_else(|| {
            request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip())
        })
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}
