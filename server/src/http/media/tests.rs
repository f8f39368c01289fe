//! `/media/` files as readers' PDF viewers and audio players ask for them: whole, or in
//! byte ranges.

use super::media_files;
use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

async fn get(router: &Router, range: Option<&str>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get("/media/books/report.pdf");
    if let Some(range) = range {
        request = request.header(header::RANGE, range);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, headers, body.to_vec())
}

#[tokio::test]
async fn media_answer_byte_ranges() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("books")).unwrap();
    let pdf = content::library::pdf::document("Rapport", &[], "Texte.", 6);
    std::fs::write(dir.path().join("books/report.pdf"), &pdf).unwrap();
    let router = Router::new().nest_service("/media", media_files(dir.path()));
    let size = pdf.len();

    let (status, headers, body) = get(&router, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(headers[header::CONTENT_LENGTH], size.to_string().as_str());
    assert_eq!(headers[header::ACCEPT_RANGES], "bytes");
    assert_eq!(body, pdf);

    let (status, headers, body) = get(&router, Some("bytes=0-9")).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        headers[header::CONTENT_RANGE],
        format!("bytes 0-9/{size}").as_str()
    );
    assert_eq!(body, &pdf[..10]);

    let (status, _, body) = get(&router, Some("bytes=100-199")).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(body, &pdf[100..200]);

    // The last bytes (where a PDF viewer looks for the cross-reference table first).
    let (status, headers, body) = get(&router, Some("bytes=-6")).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        headers[header::CONTENT_RANGE],
        format!("bytes {}-{}/{size}", size - 6, size - 1).as_str()
    );
    assert_eq!(body, b"%%EOF\n");

    for bad in [
        format!("bytes={size}-"),
        format!("bytes={}-{}", size + 10, size + 20),
    ] {
        let (status, headers, _) = get(&router, Some(&bad)).await;
        assert_eq!(status, StatusCode::RANGE_NOT_SATISFIABLE, "{bad}");
        assert_eq!(
            headers[header::CONTENT_RANGE],
            format!("bytes */{size}").as_str()
        );
    }
}
