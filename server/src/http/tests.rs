//! The `lang` cookie over HTTP: pages the reader opens are remembered, the service
//! worker's background fetches are not (they finish late and used to overwrite the
//! edition just chosen, so `/` sent an English reader to Arabic).

use crate::http::remember_language;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;

/// A page in any edition, behind the same layer the site has.
fn site() -> Router {
    Router::new()
        .route("/{lang}/", get(|| async { Html("<p>page</p>") }))
        .route("/{lang}/gone", get(|| async { StatusCode::NOT_FOUND }))
        .layer(axum::middleware::from_fn(remember_language))
}

/// The `lang` cookie a request to `path` sets, if any.
async fn remembered(path: &str, fetch_mode: Option<&str>) -> Option<String> {
    let mut request = Request::get(path);
    if let Some(mode) = fetch_mode {
        request = request.header("sec-fetch-mode", mode);
    }
    let response = site()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    response
        .headers()
        .get(header::SET_COOKIE)
        .map(|value| value.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn pages_opened_by_the_reader_are_remembered() {
    let cookie = remembered("/ar/", Some("navigate")).await.unwrap();
    assert!(cookie.starts_with("lang=ar;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
    // Clients that do not say how they fetch (crawlers, curl, older browsers).
    assert!(remembered("/en/", None)
        .await
        .unwrap()
        .starts_with("lang=en;"));
}

#[tokio::test]
async fn background_fetches_and_missing_pages_are_not_remembered() {
    for mode in ["cors", "same-origin", "no-cors"] {
        assert_eq!(remembered("/ar/", Some(mode)).await, None, "{mode}");
    }
    assert_eq!(remembered("/ar/gone", Some("navigate")).await, None);
    assert_eq!(remembered("/xx/", Some("navigate")).await, None);
}
