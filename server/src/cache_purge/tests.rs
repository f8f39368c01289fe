//! The purge job against a real HTTP listener on loopback that records the purges it
//! is sent (the Varnish journey, end2end/tests/varnish.spec.ts, tests the real cache).

use super::*;
use crate::http::page_cache::PageCache;
use axum::http::HeaderMap;
use axum::routing::any;
use std::sync::{Arc, Mutex};

#[test]
fn purge_addresses_are_checked_at_start() {
    assert_eq!(parse_targets("").unwrap(), Vec::<String>::new());
    assert_eq!(
        parse_targets("http://127.0.0.1:6081/, http://10.0.0.2/").unwrap(),
        ["http://127.0.0.1:6081/", "http://10.0.0.2/"]
    );
    let refused = parse_targets("varnish:6081").unwrap_err();
    assert!(refused.contains("CACHE_PURGE_URLS"), "{refused}");
    assert!(parse_targets("https://cdn.example/purge").is_err());
}

/// A cache on `listener` that keeps the tags of each purge it is sent.
fn cache_on(listener: tokio::net::TcpListener) -> Arc<Mutex<Vec<String>>> {
    let purges = Arc::new(Mutex::new(Vec::new()));
    let kept = purges.clone();
    let app = axum::Router::new().route(
        "/",
        any(move |method: Method, headers: HeaderMap| {
            let kept = kept.clone();
            async move {
                assert_eq!(method.as_str(), "PURGE");
                let tags = headers[PURGE_HEADER].to_str().unwrap().to_owned();
                kept.lock().unwrap().push(tags);
                "Purged"
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    purges
}

/// Waits (up to 15 s) until `purges` holds `count` purges.
async fn until_purged(purges: &Arc<Mutex<Vec<String>>>, count: usize) -> Vec<String> {
    for _ in 0..150 {
        if purges.lock().unwrap().len() >= count {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    purges.lock().unwrap().clone()
}

/// A migrated database in a temporary folder (kept as long as the first value).
async fn database() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("site.db").display());
    (dir, content::connect(&url).await.unwrap())
}

/// Queues `tags` as one write does: in one statement.
async fn queue(pool: &Db, tags: &str) {
    content::sql::query("INSERT INTO cache_purges (tag) SELECT value FROM json_each(?)")
        .bind(serde_json::to_string(&tags.split(' ').collect::<Vec<_>>()).unwrap())
        .execute(pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_cache_that_was_down_gets_what_it_missed_and_the_one_that_was_up_gets_it_once() {
    let (_dir, pool) = database().await;
    let up_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    // The second cache's port, with nothing listening on it yet.
    let down_port = {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        taken.local_addr().unwrap().port()
    };
    let up = format!("http://{}/", up_listener.local_addr().unwrap());
    let down = format!("http://127.0.0.1:{down_port}/");
    let up_purges = cache_on(up_listener);
    spawn(
        pool.clone(),
        vec![up.clone(), down.clone()],
        PageCache::off(),
    );

    queue(&pool, "story-1 edition-fr").await;
    assert_eq!(until_purged(&up_purges, 1).await, ["edition-fr story-1"]);
    // The same round then asks the second cache, refused at once; it is asked again in
    // two seconds.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The second cache starts: what it missed comes, with the later purge.
    queue(&pool, "story-2").await;
    let down_purges = cache_on(
        tokio::net::TcpListener::bind(("127.0.0.1", down_port))
            .await
            .unwrap(),
    );
    assert_eq!(
        until_purged(&down_purges, 1).await,
        ["edition-fr story-1 story-2"]
    );
    assert_eq!(
        until_purged(&up_purges, 2).await,
        ["edition-fr story-1", "story-2"]
    );
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(up_purges.lock().unwrap().len(), 2, "each purge once");
    let left: i64 = content::sql::query_scalar("SELECT count(*) FROM cache_purges")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(left, 0, "every cache has them: forgotten");
}

#[tokio::test]
async fn a_write_is_answered_once_the_caches_forgot_what_it_changed() {
    let (_dir, pool) = database().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/", listener.local_addr().unwrap());
    let purges = cache_on(listener);
    let purger = spawn(pool.clone(), vec![target], PageCache::off());
    purger.after_write(&pool).await;
    assert!(purges.lock().unwrap().is_empty(), "nothing was queued");

    queue(&pool, "story-9").await;
    purger.after_write(&pool).await;
    assert_eq!(
        *purges.lock().unwrap(),
        ["story-9"],
        "sent before the answer"
    );
}
