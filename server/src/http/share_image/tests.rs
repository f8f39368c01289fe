//! Share cards: cut once, a few at a time, from pictures inside the media folder only.

use super::{checked, rendition, ShareImages};
use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use tower::ServiceExt;

/// The status and headers of `path`'s answer.
async fn get(router: &Router, path: &str) -> (StatusCode, axum::http::HeaderMap) {
    let response = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    (response.status(), response.headers().clone())
}

#[test]
fn only_raster_files_inside_the_media_folder() {
    assert_eq!(checked("wp/2011/07/a.JPG"), Some("wp/2011/07/a.JPG"));
    assert_eq!(checked("demo/cover.svg"), None);
    assert_eq!(checked("../secret.png"), None);
    assert_eq!(checked("wp/../../x.png"), None);
    assert_eq!(checked("/etc/x.png"), None);
    assert_eq!(checked("og-cache/a.png"), None);
}

#[tokio::test]
async fn share_cards_are_1200_by_630_crops_of_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().to_path_buf();
    std::fs::create_dir_all(media.join("wp/2015/04")).unwrap();
    let picture =
        image::RgbImage::from_fn(2000, 1000, |x, _| image::Rgb([(x % 256) as u8, 90, 60]));
    picture.save(media.join("wp/2015/04/photo.png")).unwrap();
    let router = Router::new()
        .route("/og/{*path}", axum::routing::get(rendition))
        .with_state(ShareImages::new(media.clone()));
    let response = router
        .clone()
        .oneshot(
            Request::get("/og/wp/2015/04/photo.png")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    let bytes = to_bytes(response.into_body(), 16 << 20).await.unwrap();
    let card = image::load_from_memory(&bytes).unwrap();
    assert_eq!((card.width(), card.height()), (1200, 630));
    assert!(
        media.join("og-cache/wp/2015/04/photo.png.jpg").exists(),
        "kept for the next reader"
    );
    let (status, headers) = get(&router, "/og/wp/2015/04/missing.jpg").await;
    assert_eq!(status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(headers["location"], "/og-default.png");
    std::fs::write(media.join("wp/broken.jpg"), b"not a picture").unwrap();
    assert_eq!(
        get(&router, "/og/wp/broken.jpg").await.0,
        StatusCode::TEMPORARY_REDIRECT
    );
    assert_eq!(
        get(&router, "/og/demo/cover.svg").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&router, "/og/wp/../../etc/x.png").await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_share_card_requests_makes_each_card_once() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().to_path_buf();
    std::fs::create_dir_all(media.join("wp")).unwrap();
    let picture = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 60])
    });
    picture.save(media.join("wp/big.png")).unwrap();
    std::fs::write(media.join("wp/broken.jpg"), b"not a picture").unwrap();
    let cards = ShareImages::new(media.clone());
    let router = Router::new()
        .route("/og/{*path}", axum::routing::get(rendition))
        .with_state(cards.clone());
    // A hundred readers (or a bot) at once on one new card: it is made once, and each
    // gets the whole of it.
    let asks = (0..100).map(|_| {
        let router = router.clone();
        tokio::spawn(async move {
            let response = router
                .oneshot(Request::get("/og/wp/big.png").body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            (
                status,
                to_bytes(response.into_body(), 16 << 20).await.unwrap(),
            )
        })
    });
    let answers = futures_util::future::join_all(asks).await;
    let first = answers[0].as_ref().unwrap().1.clone();
    let whole = answers.iter().all(|answer| {
        let (status, body) = answer.as_ref().unwrap();
        *status == StatusCode::OK && *body == first
    });
    assert!(whole, "every reader gets the same card");
    assert_eq!(cards.made(), 1, "decoded once");
    // A picture that cannot be made into a card is tried once, then remembered.
    for _ in 0..5 {
        let (status, _) = get(&router, "/og/wp/broken.jpg").await;
        assert_eq!(status, StatusCode::TEMPORARY_REDIRECT);
    }
    assert_eq!(cards.made(), 2, "the broken one was decoded once");
    assert!(
        !media.join("og-cache/wp/big.png.jpg.partial").exists(),
        "written beside, then renamed"
    );
}
