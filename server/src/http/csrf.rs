//! Cross-site request forgery guard for every state-changing request (server functions,
//! forms): a browser always says where a POST comes from (`Sec-Fetch-Site`, `Origin`),
//! and one that comes from another site is refused. Requests that carry neither header
//! (mail providers' one-click unsubscribe, `curl`) are not from a browser page and pass.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether a request's headers show it was sent by a page of another site.
pub fn is_cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // same-origin, same-site (a subdomain of ours) and none (typed by the reader).
        return site == "cross-site";
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    origin == "null" || !origin_host.eq_ignore_ascii_case(host)
}

/// Refuses state-changing requests sent by pages of other sites.
pub async fn same_site_only(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(&request) {
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

    async fn status(method: &str, headers: &[(&str, &str)]) -> StatusCode {
        let router = Router::new()
            .route(
                "/api/subscribe",
                post(|| async { "ok" }).get(|| async { "ok" }),
            )
            .layer(axum::middleware::from_fn(same_site_only));
        let mut request = Request::builder().method(method).uri("/api/subscribe");
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
    async fn posts_from_other_sites_are_refused() {
        let host = ("host", "ccme.example");
        assert_eq!(
            status("POST", &[host, ("sec-fetch-site", "same-origin")]).await,
            StatusCode::OK
        );
        assert_eq!(
            status("POST", &[host, ("origin", "https://ccme.example")]).await,
            StatusCode::OK
        );
        assert_eq!(
            status("POST", &[host]).await,
            StatusCode::OK,
            "no browser headers: a mail provider or a script"
        );
        assert_eq!(
            status("POST", &[host, ("sec-fetch-site", "cross-site")]).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status("POST", &[host, ("origin", "https://evil.example")]).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status("POST", &[host, ("origin", "null")]).await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            status("GET", &[host, ("sec-fetch-site", "cross-site")]).await,
            StatusCode::OK,
            "links from other sites work"
        );
    }
}
