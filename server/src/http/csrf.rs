//! Cross-site request forgery guard for every state-changing request (server functions,
//! forms). A browser always says where a POST comes from: `Sec-Fetch-Site` (modern
//! browsers) or at least `Origin`. Only the site's own pages may post: `Sec-Fetch-Site`
//! must be `same-origin` (or `none`, typed by the reader), and `Origin` must be the
//! origin of `SITE_URL`, scheme included, never compared with the request's own `Host`
//! (which the sender chooses). `same-site` is refused: a sibling subdomain is another
//! site. A request with neither header is refused too, except at the one address a
//! standard posts to without them: RFC 8058 one-click unsubscribe.

use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use content::lang::Lang;
use std::sync::Arc;

/// The origin of the site's own pages (`https://ccme.ma`), as browsers write `Origin`.
#[derive(Clone, Debug)]
pub struct SiteOrigin(Arc<str>);

impl SiteOrigin {
    /// The origin of `site_url`, serialised by the WHATWG rules browsers follow
    /// (lower-case host, no default port).
    pub fn of(site_url: &str) -> SiteOrigin {
        let origin = url::Url::parse(site_url)
            .map(|url| url.origin().ascii_serialization())
            .unwrap_or_else(|_| site_url.trim_end_matches('/').to_ascii_lowercase());
        SiteOrigin(origin.into())
    }
}

/// Whether a state-changing request may go on: sent by one of the site's own pages,
/// or header-less at the one-click unsubscribe address.
fn is_from_the_site(request: &Request, site: &SiteOrigin) -> bool {
    let headers = request.headers();
    if let Some(fetch_site) = headers.get("sec-fetch-site") {
        return fetch_site == "same-origin" || fetch_site == "none";
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin
            .to_str()
            .is_ok_and(|origin| origin.eq_ignore_ascii_case(&site.0));
    }
    is_one_click_unsubscribe(request.uri().path())
}

/// The address mail providers post to without browser headers (RFC 8058): the
/// `List-Unsubscribe` link of every list mail, `/{lang}/newsletter/unsubscribe`
/// (`app::forms::letters::subscription_url`). What it does needs the mail's token.
fn is_one_click_unsubscribe(path: &str) -> bool {
    Lang::split_path(path).is_some_and(|(_, page)| page == "newsletter/unsubscribe")
}

/// Refuses state-changing requests not sent by the site's own pages.
pub async fn same_origin_only(
    State(site): State<SiteOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !is_from_the_site(&request, &site) {
        // The path only: a query string may hold a reader's token (`?t=`).
        tracing::warn!(path = request.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::routing::post;
    use axum::Router;
    use tower::ServiceExt;

    const SITE: &str = "https://ccme.example";

    async fn status(method: &str, path: &str, headers: &[(&str, &str)]) -> StatusCode {
        let router = Router::new()
            .route("/{*path}", post(|| async { "ok" }).get(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(
                SiteOrigin::of(&format!("{SITE}/")),
                same_origin_only,
            ));
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = router
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        response.status()
    }

    #[tokio::test]
    async fn only_the_sites_own_pages_may_post() {
        let host = ("host", "ccme.example");
        for path in ["/api/subscribe", "/fr/contact", "/admin/login"] {
            let accepted = [
                vec![host, ("sec-fetch-site", "same-origin")],
                vec![("sec-fetch-site", "none")],
                vec![host, ("origin", SITE)],
                vec![("origin", "HTTPS://CCME.example")],
            ];
            for headers in accepted {
                assert_eq!(
                    status("POST", path, &headers).await,
                    StatusCode::OK,
                    "{path} {headers:?}"
                );
            }
            let refused = [
                vec![host],
                vec![host, ("sec-fetch-site", "cross-site")],
                vec![host, ("sec-fetch-site", "same-site"), ("origin", SITE)],
                vec![host, ("origin", "https://evil.example")],
                vec![host, ("origin", "https://news.ccme.example")],
                vec![host, ("origin", "http://ccme.example")],
                vec![host, ("origin", "https://ccme.example:8443")],
                vec![("host", "evil.example"), ("origin", "https://evil.example")],
                vec![host, ("origin", "null")],
                vec![host, ("cookie", "ccme_session=abc")],
            ];
            for headers in refused {
                assert_eq!(
                    status("POST", path, &headers).await,
                    StatusCode::FORBIDDEN,
                    "{path} {headers:?}"
                );
            }
        }
        assert_eq!(
            status("GET", "/fr/", &[host, ("sec-fetch-site", "cross-site")]).await,
            StatusCode::OK,
            "links from other sites work"
        );
    }

    #[tokio::test]
    async fn mail_providers_one_click_unsubscribe_needs_no_browser_headers() {
        for lang in Lang::ALL {
            let link = app::forms::letters::subscription_url(SITE, lang, "unsubscribe", "t0k");
            let path = link.trim_start_matches(SITE);
            assert_eq!(status("POST", path, &[]).await, StatusCode::OK, "{path}");
            // A page of another site still may not post there.
            let forged = [("origin", "https://evil.example")];
            assert_eq!(status("POST", path, &forged).await, StatusCode::FORBIDDEN);
        }
        for path in [
            "/fr/newsletter",
            "/xx/newsletter/unsubscribe",
            "/fr/newsletter/unsubscribe/x",
        ] {
            assert_eq!(
                status("POST", path, &[]).await,
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
    }
}
