use super::*;
use axum::body::{to_bytes, Body};
use axum::routing::get;
use axum::Router;
use content::Db;
use std::sync::atomic::{AtomicUsize, Ordering};
use tower::ServiceExt;

/// Costly addresses whose handler holds a database connection a while (as a sitemap
/// does while it reads its rows), and a reader's page that needs one too.
fn site(costly: CostlyReads, pool: Db, running: Arc<AtomicUsize>) -> Router {
    // The connection is taken while the body is written, after the handler has
    // returned, as a sitemap file's rows are read.
    let busy = move || {
        let (pool, running) = (pool.clone(), running.clone());
        async move {
            Body::from_stream(futures_util::stream::once(async move {
                let _connection = pool.sqlite_pool().unwrap().acquire().await.unwrap();
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                tokio::time::sleep(Duration::from_millis(300)).await;
                running.fetch_sub(1, Ordering::SeqCst);
                Ok::<_, std::io::Error>(now.to_string())
            }))
        }
    };
    Router::new()
        .route("/{lang}/search", get(busy.clone()))
        .route("/sitemaps/{file}", get(busy))
        .route(
            "/{lang}/article/{slug}",
            get(
                |axum::extract::Path((_, slug)): axum::extract::Path<(String, String)>| async move {
                    // A story the database is slow to give.
                    if slug.starts_with("slow") {
                        tokio::time::sleep(Duration::from_millis(1500)).await;
                    }
                    "a story"
                },
            ),
        )
        .layer(axum::middleware::from_fn_with_state(costly, bounded))
}

/// A migrated database file in a folder of its own (kept as long as the folder).
async fn database() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/site.db", dir.path().display());
    (dir, content::connect(&url).await.unwrap())
}

async fn ask(router: &Router, path: &str, from: &str) -> (StatusCode, Option<String>, String) {
    let request = Request::get(path)
        .header("x-forwarded-for", from)
        .body(Body::empty())
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let retry = response
        .headers()
        .get(header::RETRY_AFTER)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, retry, String::from_utf8(body.to_vec()).unwrap())
}

#[test]
fn search_feeds_and_sitemaps_are_costly_and_stories_are_not() {
    use app::api::search::QuickSearch;
    for costly in [
        "/fr/search",
        "/ar/search",
        QuickSearch::PATH,
        "/sitemap.xml",
        "/sitemaps/stories-1.xml",
        "/en/feed.xml",
        "/fr/section/culture/atom.xml",
    ] {
        assert!(is_costly(costly), "{costly}");
    }
    for cheap in [
        "/fr/",
        "/fr/article/search",
        "/xx/search",
        "/fr/search/x",
        "/robots.txt",
    ] {
        assert!(!is_costly(cheap), "{cheap}");
    }
}

#[tokio::test]
async fn costly_reads_beyond_an_addresss_budget_are_told_to_come_back() {
    let (_db, pool) = database().await;
    let router = site(CostlyReads::new(3, true), pool, Arc::default());
    for _ in 0..3 {
        assert_eq!(
            ask(&router, "/ar/search?q=x", "2001:db8:1::1").await.0,
            StatusCode::OK
        );
    }
    // Another address of the same /64 shares its budget.
    let (status, retry, text) = ask(&router, "/ar/search?q=x", "2001:db8:1::2").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry.as_deref(), Some("60"));
    assert_eq!(
        text,
        Lang::Ar.t().try_again_soon,
        "said in the edition's language"
    );
    // Reading stories is not counted; other addresses keep their own budget.
    for _ in 0..10 {
        let story = ask(&router, "/ar/article/x", "2001:db8:1::1").await;
        assert_eq!(story.0, StatusCode::OK);
    }
    let other = ask(&router, "/sitemaps/stories-1.xml", "192.0.2.7").await;
    assert_eq!(other.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_costly_reads_leaves_connections_for_readers() {
    let (_db, pool) = database().await;
    let running = Arc::new(AtomicUsize::new(0));
    let router = site(CostlyReads::new(100, true), pool.clone(), running.clone());
    // Thirty sitemap and search requests at once, from thirty addresses.
    let flood: Vec<_> = (0..30)
        .map(|n| {
            let router = router.clone();
            let path = if n % 2 == 0 {
                "/sitemaps/stories-1.xml"
            } else {
                "/fr/search?q=x"
            };
            tokio::spawn(async move { ask(&router, path, &format!("203.0.113.{n}")).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Meanwhile a reader's page gets a connection at once.
    let reader = tokio::time::timeout(
        Duration::from_millis(100),
        pool.sqlite_pool().unwrap().acquire(),
    )
    .await;
    assert!(reader.is_ok(), "a connection was free for a reader");
    drop(reader);
    let mut most = 0;
    for answer in flood {
        let (status, _, body) = answer.await.unwrap();
        assert_eq!(status, StatusCode::OK, "each waits its turn: {body}");
        most = most.max(body.parse::<usize>().unwrap());
    }
    assert_eq!(most, AT_ONCE, "at most {AT_ONCE} costly reads at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn beyond_the_renders_at_once_a_request_is_told_to_come_back_soon() {
    let (_db, pool) = database().await;
    let router = site(CostlyReads::new(1000, true), pool, Arc::default());
    // Twice as many slow requests as there are turns: a second of waiting is not
    // enough for those at the back, which get a fast 503 saying when to come back.
    let slow = (0..2 * RENDERS_AT_ONCE).map(|n| {
        let router = router.clone();
        tokio::spawn(async move {
            let path = format!("/fr/article/slow-{n}");
            ask(&router, &path, &format!("198.51.100.{}", n % 250)).await
        })
    });
    let answers = futures_util::future::join_all(slow).await;
    let refused: Vec<_> = answers
        .iter()
        .map(|answer| answer.as_ref().unwrap())
        .filter(|(status, _, _)| *status == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    assert!(!refused.is_empty(), "some were refused");
    assert!(
        refused.len() <= RENDERS_AT_ONCE,
        "{} refused",
        refused.len()
    );
    assert!(refused.iter().all(
        |(_, retry, text)| retry.as_deref() == Some("1") && text == Lang::Fr.t().try_again_soon
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn costly_reads_waiting_for_their_turn_take_none_of_the_readers() {
    let (_db, pool) = database().await;
    let router = site(CostlyReads::new(1000, true), pool, Arc::default());
    // More sitemap requests than there are turns for everyone, all waiting at once.
    let flood: Vec<_> = (0..RENDERS_AT_ONCE + 16)
        .map(|n| {
            let router = router.clone();
            let from = format!("203.0.113.{}", n % 250);
            tokio::spawn(async move { ask(&router, "/sitemaps/stories-1.xml", &from).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    let (status, _, _) = ask(&router, "/fr/article/a-story", "192.0.2.9").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
    for answer in flood {
        answer.await.unwrap();
    }
}
