//! Who may keep each kind of answer, through the site's whole router on a real SQLite
//! file with the demo content: the `Cache-Control` of every kind of address, no cookie
//! on anything a cache may keep, and `ETag` / `304 Not Modified`.

use super::{FEED, MISSING, NEVER, PAGE, SEARCH};
use crate::http::back_office::{send, site, Site};
use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};

/// The demo site, and the address of one of its French articles.
async fn demo() -> (Site, String) {
    demo_with(site().await).await
}

/// `site` with the demo content, and the address of one of its French articles.
pub(crate) async fn demo_with(site: Site) -> (Site, String) {
    let media = tempfile::tempdir().unwrap();
    content::seed::seed_demo(&site.pool, media.path())
        .await
        .unwrap();
    let slug: String = content::sql::query_scalar(
        "SELECT slug FROM story_translations
         WHERE lang = 'fr' AND kind = 'article' AND status = 'published' LIMIT 1",
    )
    .fetch_one(&site.pool)
    .await
    .unwrap();
    (site, format!("/fr/article/{slug}"))
}

/// GET `path` with these request headers: its status, headers and body (as text).
pub(crate) async fn fetch(
    site: &Site,
    path: &str,
    with: &[(header::HeaderName, &str)],
) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::get(path);
    for (name, value) in with {
        request = request.header(name, *value);
    }
    send(site, request.body(Body::empty()).unwrap()).await
}

fn cache_control(headers: &HeaderMap) -> &str {
    headers
        .get(header::CACHE_CONTROL)
        .map_or("(none)", |v| v.to_str().unwrap())
}

#[tokio::test]
async fn each_kind_of_answer_says_who_may_keep_it_and_none_that_may_sets_a_cookie() {
    let (site, article) = demo().await;
    let kept = [
        ("/fr/", PAGE),
        (article.as_str(), PAGE),
        ("/fr/section/actualites", PAGE),
        ("/ar/newsletter", PAGE),
        ("/en/contact", PAGE),
        ("/fr/search?q=maroc", SEARCH),
        ("/fr/feed.xml", FEED),
        ("/ar/atom.xml", FEED),
        ("/sitemap.xml", FEED),
        ("/robots.txt", FEED),
        ("/fr/nulle-part", MISSING),
    ];
    for (path, expected) in kept {
        let (status, headers, _) = fetch(&site, path, &[]).await;
        assert!(
            status == StatusCode::OK || expected == MISSING,
            "{path}: {status}"
        );
        assert_eq!(cache_control(&headers), expected, "{path}");
        assert!(
            headers.get(header::SET_COOKIE).is_none(),
            "{path} sets a cookie"
        );
        assert!(
            headers.contains_key(header::ETAG) || expected == MISSING,
            "{path}: no ETag"
        );
    }
    // Personal: chosen by the visitor's cookie and languages, a reader's token, a draft.
    for path in [
        "/",
        "/fr/newsletter/confirm?t=0123abcd",
        "/fr/newsletter/unsubscribe?t=0123abcd",
    ] {
        let (_, headers, _) = fetch(&site, path, &[]).await;
        assert_eq!(cache_control(&headers), NEVER, "{path}");
    }
    for path in ["/fr/preview/1", "/admin/login", "/admin/stories"] {
        let (_, headers, _) = fetch(&site, path, &[]).await;
        assert!(cache_control(&headers).contains("no-store"), "{path}");
    }
    // A form answered with what the reader typed.
    let (_, headers, _) = send(
        &site,
        crate::http::back_office::form("/fr/contact", "name=A&email=a%40example.org", "10.9.0.1"),
    )
    .await;
    assert_eq!(cache_control(&headers), NEVER, "a form's answer");
}

#[tokio::test]
async fn a_page_read_again_is_not_modified_until_it_changes() {
    let (site, article) = demo().await;
    // The same page a second later: its form's ticket differs, its ETag does not.
    let (_, first, first_body) = fetch(&site, "/en/contact", &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (_, second, second_body) = fetch(&site, "/en/contact", &[]).await;
    assert_ne!(first_body, second_body, "each render has its own ticket");

    assert_eq!(first[header::ETAG], second[header::ETAG]);

    let (status, headers, body) = fetch(&site, &article, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let tag = headers[header::ETAG].to_str().unwrap().to_owned();
    assert!(
        tag.starts_with('"') && tag.len() == 34,
        "a strong tag: {tag}"
    );
    assert!(!body.is_empty());
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        policy.contains("'sha256-"),
        "the page's own scripts: {policy}"
    );
    let hash = tag.trim_matches('"');
    for held in [
        tag.clone(),
        format!("\"{hash}-br\""),
        format!("W/\"{hash}-gzip\""),
        format!("\"other\", {tag}"),
    ] {
        let (status, headers, body) =
            fetch(&site, &article, &[(header::IF_NONE_MATCH, &held)]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{held}");
        assert!(body.is_empty());
        assert_eq!(headers[header::ETAG], tag.as_str());
        assert_eq!(cache_control(&headers), PAGE);
        // A browser's cache takes the headers of a 304 over those of the page it kept:
        // the page's own script policy must stay.
        assert!(headers.get(header::CONTENT_SECURITY_POLICY).is_none());
    }
    // Compressed, the tag names its encoding.
    let (_, headers, _) = fetch(&site, &article, &[(header::ACCEPT_ENCODING, "br")]).await;
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(headers[header::ETAG], format!("\"{hash}-br\"").as_str());

    // An editor's correction: the held copy is no longer the page.
    content::sql::query(
        "UPDATE story_translations SET title = title || ' (corrigé)' WHERE slug = ?",
    )
    .bind(article.trim_start_matches("/fr/article/"))
    .execute(&site.pool)
    .await
    .unwrap();
    let (status, headers, body) = fetch(&site, &article, &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(headers[header::ETAG], tag.as_str());
    assert!(body.contains("(corrigé)"));
}

#[tokio::test]
async fn each_kept_answer_names_what_it_shows_and_no_personal_one_does() {
    let (site, article) = demo().await;
    let story_id: i64 =
        content::sql::query_scalar("SELECT story_id FROM story_translations WHERE slug = ?")
            .bind(article.trim_start_matches("/fr/article/"))
            .fetch_one(&site.pool)
            .await
            .unwrap();
    let xkey = |headers: &HeaderMap| {
        headers
            .get(content::cache::HEADER)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let story_tag = format!("site {}", content::cache::story(story_id));
    for (path, expected) in [
        (article.as_str(), story_tag.as_str()),
        ("/fr/", "site edition-fr"),
        ("/ar/", "site edition-ar"),
        ("/en/feed.xml", "site edition-en"),
        ("/fr/search?q=maroc", "site edition-fr"),
        ("/fr/nulle-part", "site edition-fr"),
        ("/sitemap.xml", "site sitemaps"),
        ("/robots.txt", "site"),
    ] {
        let (_, headers, _) = fetch(&site, path, &[]).await;
        assert_eq!(xkey(&headers).as_deref(), Some(expected), "{path}");
    }
    // The page's 304 still says it, for a cache that revalidates.
    let (_, headers, _) = fetch(&site, &article, &[]).await;
    let tag = headers[header::ETAG].to_str().unwrap().to_owned();
    let (status, headers, _) = fetch(&site, &article, &[(header::IF_NONE_MATCH, &tag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(xkey(&headers).as_deref(), Some(story_tag.as_str()));
    // Nothing personal is named (the article's preview names its story in the page).
    for path in ["/", &format!("/fr/preview/{story_id}"), "/admin/login"] {
        let (_, headers, _) = fetch(&site, path, &[]).await;
        assert_eq!(xkey(&headers), None, "{path}");
    }
    // The article's data from its server function (a GET): kept like its page, named
    // by its story; a section's by its edition.
    use leptos::server_fn::ServerFn;
    let slug = article.trim_start_matches("/fr/article/");
    let data = format!(
        "{}?lang=fr&slug={slug}&page_kind=false",
        app::api::stories::GetStory::PATH
    );
    let (status, headers, body) = fetch(&site, &data, &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(cache_control(&headers), PAGE);
    assert_eq!(xkey(&headers).as_deref(), Some(story_tag.as_str()));
    assert!(headers.contains_key(header::ETAG));
    let home = format!("{}?lang=ar", app::api::stories::GetHome::PATH);
    let (status, headers, _) = fetch(&site, &home, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(xkey(&headers).as_deref(), Some("site edition-ar"));
    let search = format!(
        "{}?lang=fr&query=maroc",
        app::api::search::QuickSearch::PATH
    );
    let (status, headers, _) = fetch(&site, &search, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache_control(&headers), SEARCH);
    // What stays personal is a POST: a form's ticket, never kept, never named.
    let (status, headers, _) = send(
        &site,
        Request::post(app::api::forms::FormTicket::PATH)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache_control(&headers), NEVER);
    assert_eq!(xkey(&headers), None);
}

#[tokio::test]
async fn a_story_and_a_feed_say_when_they_changed_and_are_not_modified_since() {
    let (site, article) = demo().await;
    let slug = article.trim_start_matches("/fr/article/");
    let updated: String = content::sql::query_scalar(
        "SELECT updated_at FROM story_translations WHERE lang = 'fr' AND slug = ?",
    )
    .bind(slug)
    .fetch_one(&site.pool)
    .await
    .unwrap();
    let changed = content::cache::http_date(&updated).unwrap();
    let (_, headers, _) = fetch(&site, &article, &[]).await;
    assert_eq!(headers[header::LAST_MODIFIED], changed.as_str());
    let tag = headers[header::ETAG].to_str().unwrap().to_owned();

    let (status, headers, _) =
        fetch(&site, &article, &[(header::IF_MODIFIED_SINCE, &changed)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(headers[header::ETAG], tag.as_str());
    // Changed since a day before: sent again.
    let day_before = content::cache::http_date(
        &(chrono::DateTime::parse_from_rfc3339(&updated).unwrap() - chrono::Duration::days(1))
            .to_rfc3339(),
    )
    .unwrap();
    let (status, _, _) = fetch(&site, &article, &[(header::IF_MODIFIED_SINCE, &day_before)]).await;
    assert_eq!(status, StatusCode::OK);
    // The entity tag decides when there is one: another tag is another page.
    let (status, _, _) = fetch(
        &site,
        &article,
        &[
            (header::IF_NONE_MATCH, "\"other\""),
            (header::IF_MODIFIED_SINCE, &changed),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // A feed: when its newest entry changed.
    let (_, headers, _) = fetch(&site, "/fr/feed.xml", &[]).await;
    let feed_changed = headers[header::LAST_MODIFIED].to_str().unwrap().to_owned();
    let (status, _, body) = fetch(
        &site,
        "/fr/feed.xml",
        &[(header::IF_MODIFIED_SINCE, &feed_changed)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
    // Pages without a date of their own say none.
    let (_, headers, _) = fetch(&site, "/fr/", &[]).await;
    assert!(!headers.contains_key(header::LAST_MODIFIED));
}
