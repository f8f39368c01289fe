//! The server's copy of pages, through the site's whole router on a real SQLite file
//! with the demo content and the real purge job: what it keeps, what it never keeps,
//! and that a change in the database is read at once, not five minutes later.

use super::*;
use crate::http::back_office::site_with;
use crate::http::caching::tests::{demo_with, fetch};
use std::time::Duration;

/// The demo site keeping pages, once its purge job forgot the demo's own writes, and
/// the address of one of its French articles.
async fn demo(pages: &PageCache) -> (crate::http::back_office::Site, String) {
    let (site, article) = demo_with(site_with(pages.clone()).await).await;
    site.purger.after_write(&site.pool).await;
    (site, article)
}

const GZIP: (header::HeaderName, &str) = (header::ACCEPT_ENCODING, "gzip, deflate, br, zstd");

/// Whether an answer came from the copy of pages (only those carry an `Age`).
fn from_memory(headers: &HeaderMap) -> bool {
    headers.contains_key(header::AGE)
}

#[tokio::test]
async fn a_page_read_again_comes_from_memory_until_what_it_shows_is_edited() {
    let pages = PageCache::new(8 << 20);
    let (site, article) = demo(&pages).await;
    let other: String = content::sql::query_scalar(
        "SELECT '/fr/article/' || slug FROM story_translations
         WHERE lang = 'fr' AND kind = 'article' AND status = 'published' AND '/fr/article/' || slug != ?
         LIMIT 1",
    )
    .bind(&article)
    .fetch_one(&site.pool)
    .await
    .unwrap();
    let (_, rendered, first) = fetch(&site, &article, &[]).await;
    assert!(!from_memory(&rendered));
    fetch(&site, &other, &[GZIP]).await;
    let (status, kept, again) = fetch(&site, &article, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(from_memory(&kept), "{kept:?}");
    assert_eq!(again, first);
    assert_eq!(kept[header::ETAG], rendered[header::ETAG]);
    assert_eq!(kept[header::CACHE_CONTROL], rendered[header::CACHE_CONTROL]);

    // An editor's correction, written however it is (here by hand): the purge job
    // reads it from the queue and the next readers get the new page.
    let slug = article.trim_start_matches("/fr/article/");
    content::sql::query(
        "UPDATE story_translations SET title = 'Titre corrigé en mémoire'
         WHERE lang = 'fr' AND slug = ?",
    )
    .bind(slug)
    .execute(&site.pool)
    .await
    .unwrap();
    site.purger.after_write(&site.pool).await;
    let (_, headers, body) = fetch(&site, &article, &[]).await;
    assert!(!from_memory(&headers));
    assert!(body.contains("Titre corrigé en mémoire"));
    // Another story's page shows nothing of it: still kept.
    let (_, headers, _) = fetch(&site, &other, &[GZIP]).await;
    assert!(from_memory(&headers), "{other} was forgotten too");
}

#[tokio::test]
async fn a_kept_page_is_not_modified_for_who_holds_it_and_kept_apart_per_encoding() {
    let (site, article) = demo(&PageCache::new(8 << 20)).await;
    let (_, headers, _) = fetch(&site, &article, &[GZIP]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    let tag = headers[header::ETAG].to_str().unwrap().to_owned();
    let (status, headers, body) =
        fetch(&site, &article, &[GZIP, (header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(from_memory(&headers));
    assert_eq!(headers[header::ETAG], tag.as_str());
    assert!(headers.contains_key(content::cache::HEADER));
    assert!(body.is_empty());
    // Or since it last changed (a story's page says when).
    let changed = headers[header::LAST_MODIFIED].to_str().unwrap().to_owned();
    let (status, headers, _) = fetch(
        &site,
        &article,
        &[GZIP, (header::IF_MODIFIED_SINCE, &changed)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(from_memory(&headers));
    // A reader who takes no compression is not sent the compressed copy...
    let (_, headers, body) = fetch(&site, &article, &[]).await;
    assert!(!from_memory(&headers));
    assert!(!headers.contains_key(header::CONTENT_ENCODING));
    assert!(body.contains("<html"));
    // ...and has one of their own.
    let (_, headers, again) = fetch(&site, &article, &[]).await;
    assert!(from_memory(&headers));
    assert_eq!(again, body);
}

#[tokio::test]
async fn personal_missing_and_back_office_answers_are_never_kept() {
    let pages = PageCache::new(8 << 20);
    let (site, _) = demo(&pages).await;
    for path in [
        "/",
        "/fr/nulle-part",
        "/fr/newsletter/confirm?token=abc",
        "/admin/login",
        "/pwa.js",
    ] {
        for _ in 0..2 {
            let (_, headers, _) = fetch(&site, path, &[GZIP]).await;
            assert!(!from_memory(&headers), "{path} was kept");
        }
    }
    assert_eq!(pages.usage(), (0, 0));
    // A search is kept (briefly, as in a shared cache: a spike's queries).
    fetch(&site, "/fr/search?q=maroc", &[GZIP]).await;
    let (_, headers, _) = fetch(&site, "/fr/search?q=maroc", &[GZIP]).await;
    assert!(from_memory(&headers));
}

/// A kept answer of `size` body bytes that shows `tags`, lasting `lifetime`.
fn page(size: usize, tags: &[&str], lifetime: Duration) -> Kept {
    Kept {
        status: StatusCode::OK,
        headers: HeaderMap::new(),
        body: Bytes::from(vec![b'x'; size]),
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        rendered: Instant::now(),
        lifetime,
    }
}

/// The number of purges so far, as a lookup of an address not kept finds it.
fn purges(cache: &PageCache) -> u64 {
    match cache.find(cache.store.as_ref().unwrap(), "(nothing)") {
        Found::Missing { purges } => purges,
        Found::Page(_) => unreachable!(),
    }
}

fn kept(cache: &PageCache, key: &str) -> bool {
    matches!(
        cache.find(cache.store.as_ref().unwrap(), key),
        Found::Page(_)
    )
}

#[test]
fn the_least_recently_read_pages_go_first_when_the_budget_is_spent() {
    let cache = PageCache::new(32 * 1024);
    let store = cache.store.clone().unwrap();
    let minute = Duration::from_secs(60);
    // "a" is read after each new page: the most recently read.
    let keep_reading_a = |keys: &[&str]| {
        for key in keys {
            cache.keep(
                &store,
                key.to_string(),
                page(1500, &["site"], minute),
                purges(&cache),
            );
            assert!(kept(&cache, "a"));
        }
    };
    keep_reading_a(&["a", "b", "c", "d", "e"]);
    let (count, bytes) = cache.usage();
    assert_eq!(count, 5);
    assert!(bytes <= 32 * 1024);
    // Each new page takes what the least recently read ones left.
    keep_reading_a(&[
        "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    ]);
    let (count, bytes) = cache.usage();
    assert!(bytes <= 32 * 1024, "{bytes}");
    assert!(count < 20, "{count}");
    assert!(kept(&cache, "a") && kept(&cache, "t"));
    assert!(
        !kept(&cache, "b"),
        "the least recently read page is still kept"
    );
    // One answer larger than its share of the budget is not kept at all.
    cache.keep(
        &store,
        "huge".into(),
        page(4000, &["site"], minute),
        purges(&cache),
    );
    assert!(!kept(&cache, "huge"));
}

#[test]
fn purges_forget_what_shows_their_tags_and_what_was_rendered_meanwhile() {
    let cache = PageCache::new(1 << 20);
    let store = cache.store.clone().unwrap();
    let minute = Duration::from_secs(60);
    let before = purges(&cache);
    cache.keep(
        &store,
        "/fr/article/a".into(),
        page(10, &["site", "story-1"], minute),
        before,
    );
    cache.keep(
        &store,
        "/fr/article/b".into(),
        page(10, &["site", "story-2"], minute),
        before,
    );
    cache.keep(
        &store,
        "/fr/".into(),
        page(10, &["site", "edition-fr"], minute),
        before,
    );
    cache.forget(&["story-1".into(), "edition-fr".into()]);
    assert!(!kept(&cache, "/fr/article/a") && !kept(&cache, "/fr/"));
    assert!(kept(&cache, "/fr/article/b"));
    // A page rendered before that purge and finished after it may show the old story.
    cache.keep(
        &store,
        "/fr/article/a".into(),
        page(10, &["story-1"], minute),
        before,
    );
    assert!(!kept(&cache, "/fr/article/a"));
    // Past its lifetime, a page is rendered again.
    let now = purges(&cache);
    cache.keep(
        &store,
        "/en/".into(),
        page(10, &["site"], Duration::ZERO),
        now,
    );
    assert!(!kept(&cache, "/en/"));
    // `site`: everything.
    cache.forget(&["site".into()]);
    assert_eq!(cache.usage(), (0, 0));
}

#[tokio::test]
async fn an_answer_too_large_to_keep_streams_on_without_being_read_whole() {
    let chunks = || {
        futures_util::stream::iter(
            ["<urlset>", "<url/>", "<url/>", "</urlset>"]
                .map(|chunk| Ok::<_, std::io::Error>(chunk.to_owned())),
        )
    };
    let Ok(Whole(whole)) = read_up_to(Body::from_stream(chunks()), 1 << 20).await else {
        panic!("small enough to keep");
    };
    assert_eq!(whole, "<urlset><url/><url/></urlset>");
    // Past the limit, what was read goes first and the rest follows.
    let Ok(Larger(body)) = read_up_to(Body::from_stream(chunks()), 10).await else {
        panic!("too large to keep");
    };
    let sent = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    assert_eq!(sent, "<urlset><url/><url/></urlset>");
}
