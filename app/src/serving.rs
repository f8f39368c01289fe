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
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
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

/// The edition a request names by its first `lang=` query parameter: the back office's
/// log-in page links, the reader app's server functions.
pub fn lang_in_query(request: &Request) -> Option<Lang> {
    request
        .uri()
        .query()?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "lang")
        .and_then(|(_, value)| Lang::from_code(value))
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
/// site runs behind its own proxy (`trust_proxy`), else the connection's address; an
/// IPv6 address counts by its network ([`limit_key`]).
pub fn client_ip(request: &Request, trust_proxy: bool) -> IpAddr {
    limit_key(sender_address(request, trust_proxy))
}

/// The address rate limits count a client by: its IPv4 address, or the /64 of its IPv6
/// one. A home or a phone gets a whole /64 and may send from any of its 2^64
/// addresses: counted one by one, it would never meet a limit.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let [a, b, c, d, ..] = v6.segments();
                IpAddr::V6(Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

fn sender_address(request: &Request, trust_proxy: bool) -> IpAddr {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn from(address: &str) -> IpAddr {
        let request = Request::builder()
            .header("x-forwarded-for", format!("198.51.100.7, {address}"))
            .body(Body::empty())
            .unwrap();
        client_ip(&request, true)
    }

    #[test]
    fn limits_count_an_ipv6_client_by_its_network_and_an_ipv4_one_by_its_address() {
        let one_home = from("2001:db8:1:2:aaaa::1");
        assert_eq!(one_home, from("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assert_eq!(one_home, "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        assert_ne!(one_home, from("2001:db8:1:3::1"), "the next network");
        assert_eq!(from("::ffff:192.0.2.1"), from("192.0.2.1"));
        assert_ne!(from("192.0.2.1"), from("192.0.2.2"));
    }
}
