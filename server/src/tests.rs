//! Feeds, sitemaps and old addresses over HTTP, on a real SQLite file with the demo
//! content (plus a story whose title needs escaping), through the same routers the
//! server mounts.

use crate::http::syndication::Syndication;
use crate::http::{legacy_redirect, syndication_routes};
use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use axum::Router;
use content::lang::Lang;
use content::write::{insert_story, NewStory, NewTranslation};
use quick_xml::events::Event;
use rss::validation::Validate;
use std::collections::{BTreeMap, BTreeSet};
use tower::ServiceExt;

const SITE: &str = "https://ccme.example";
const TRICKY_TITLE: &str = "Maroc & Europe : <migrations> en 2026";
const ARABIC_TITLE: &str = "المغرب وأوروبا: الهجرة في 2026";

struct Site {
    router: Router,
    pool: content::Db,
    _dir: tempfile::TempDir,
}

async fn site(sitemap_limit: u32) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("site.db").display());
    let pool = content::connect(&url).await.unwrap();
    content::seed::seed_demo(&pool, &dir.path().join("media"))
        .await
        .unwrap();
    // A story published an hour ago in French and Arabic: newest in feeds, in the news sitemap.
    let now = chrono::Utc::now() - chrono::Duration::hours(1);
    let date = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let section: i64 = content::sql::query_scalar(
        "SELECT section_id FROM section_translations WHERE slug = 'actualites'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let mut conn = content::write_tx(&pool).await.unwrap();
    let body = "<p>Texte &amp; <em>analyse</em> &lt;fin&gt;</p><p><a href=\"/fr/section/actualites\">lien</a></p>";
    insert_story(
        &mut conn,
        &NewStory {
            kind: content::model::StoryKind::Article,
            section_id: Some(section),
            featured: false,
            source_key: None,
        },
        &[
            NewTranslation {
                signature: "Karima & Co",
                ..NewTranslation::published(
                    Lang::Fr,
                    "maroc-europe-2026",
                    TRICKY_TITLE,
                    "Résumé & <détails>",
                    body,
                    &date,
                )
            },
            NewTranslation::published(
                Lang::Ar,
                "المغرب-وأوروبا",
                ARABIC_TITLE,
                "ملخص",
                "<p>نص عربي</p>",
                &date,
            ),
        ],
    )
    .await
    .unwrap();
    conn.commit().await.unwrap();
    let router = syndication_routes()
        .with_state(Syndication {
            pool: pool.clone(),
            site_url: SITE.into(),
            sitemap_limit,
        })
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(axum::middleware::from_fn_with_state(
            pool.clone(),
            legacy_redirect,
        ));
    Site {
        router,
        pool,
        _dir: dir,
    }
}

async fn get(router: &Router, path: &str) -> (StatusCode, String, axum::http::HeaderMap) {
    let response = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 64 << 20).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap(), headers)
}

#[tokio::test]
async fn rss_feeds_validate_and_carry_whole_articles() {
    let site = site(50_000).await;
    let (status, xml, headers) = get(&site.router, "/fr/feed.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/rss+xml"));
    let channel = rss::Channel::read_from(xml.as_bytes()).expect("RSS parses");
    channel.validate().expect("RSS validates");
    assert_eq!(channel.language(), Some("fr"));
    assert_eq!(channel.link(), format!("{SITE}/fr/"));
    assert!(
        channel.items().len() <= crate::http::feeds::FEED_LENGTH as usize
            && channel.items().len() >= 10
    );
    let newest = &channel.items()[0];
    assert_eq!(
        newest.title(),
        Some(TRICKY_TITLE),
        "& and < survive the round trip"
    );
    assert_eq!(
        newest.link(),
        Some(format!("{SITE}/fr/article/maroc-europe-2026").as_str())
    );
    assert_eq!(newest.guid().unwrap().value(), newest.link().unwrap());
    chrono::DateTime::parse_from_rfc2822(newest.pub_date().unwrap()).expect("RFC 2822 date");
    let content = newest.content().unwrap();
    assert!(
        content.contains("<em>analyse</em>") && content.contains("&lt;fin&gt;"),
        "{content}"
    );
    assert!(
        content.contains(&format!("href=\"{SITE}/fr/section/actualites\"")),
        "links made absolute"
    );
    assert_eq!(
        newest.dublin_core_ext().unwrap().creators(),
        ["Karima & Co"]
    );
    let dates: Vec<_> = channel
        .items()
        .iter()
        .map(|i| chrono::DateTime::parse_from_rfc2822(i.pub_date().unwrap()).unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    // Every kind of story is news, each at its own address.
    let kinds: std::collections::BTreeSet<&str> = channel
        .items()
        .iter()
        .map(|i| {
            let path = i.link().unwrap().strip_prefix(SITE).unwrap();
            path.trim_start_matches("/fr/").split('/').next().unwrap()
        })
        .collect();
    assert!(kinds.contains("article") && kinds.len() > 1, "{kinds:?}");

    let (_, xml, _) = get(&site.router, "/ar/feed.xml").await;
    let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
    channel.validate().unwrap();
    assert_eq!(channel.language(), Some("ar"));
    assert_eq!(channel.items()[0].title(), Some(ARABIC_TITLE));
    assert!(channel.items()[0]
        .link()
        .unwrap()
        .starts_with(&format!("{SITE}/ar/article/%D8%A7")));

    let (status, xml, _) = get(&site.router, "/fr/section/archives-du-ccme/feed.xml").await;
    assert_eq!(status, StatusCode::OK);
    let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
    channel.validate().unwrap();
    assert!(channel.title().starts_with("Archives du CCME"));
    assert!(!channel.items().is_empty());
    for missing in [
        "/es/feed.xml",
        "/fr/section/nope/feed.xml",
        "/fr/section/nope/atom.xml",
    ] {
        assert_eq!(
            get(&site.router, missing).await.0,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn atom_feeds_parse_with_ids_dates_and_language() {
    let site = site(50_000).await;
    let (status, xml, headers) = get(&site.router, "/ar/atom.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).expect("Atom parses");
    assert_eq!(feed.lang(), Some("ar"));
    assert_eq!(feed.id(), format!("{SITE}/ar/atom.xml"));
    assert!(feed.links().iter().any(|l| l.rel() == "self"));
    let entry = &feed.entries()[0];
    assert_eq!(entry.title().as_str(), ARABIC_TITLE);
    assert!(entry.published().is_some() && !entry.authors().is_empty());
    assert_eq!(entry.content().unwrap().content_type(), Some("html"));
    let (_, xml, _) = get(&site.router, "/fr/section/actualites/atom.xml").await;
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries()[0].title().as_str(), TRICKY_TITLE);
}

/// Every `<loc>` of an XML document, checking it is well-formed on the way, and the
/// `xhtml:link` alternates of each.
/// (hreflang, href) pairs of one address.
type Alternates = BTreeSet<(String, String)>;

fn read_sitemap(xml: &str) -> (String, Vec<(String, Alternates)>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut root = String::new();
    let mut urls: Vec<(String, Alternates)> = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if root.is_empty() {
                    root = name.clone();
                }
                in_loc = name == "loc";
                if name == "url" || name == "sitemap" {
                    urls.push((String::new(), BTreeSet::new()));
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"xhtml:link" => {
                let attr = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == key.as_bytes())
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap()
                };
                urls.last_mut()
                    .unwrap()
                    .1
                    .insert((attr("hreflang"), attr("href").replace("&amp;", "&")));
            }
            Event::Text(t) if in_loc => {
                urls.last_mut().unwrap().0 = t.decode().unwrap().into_owned()
            }
            Event::End(_) => in_loc = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (root, urls)
}

#[tokio::test]
async fn sitemaps_split_list_every_page_with_reciprocal_alternates() {
    // Small files (40 addresses) so that the demo content spans several.
    let site = site(40).await;
    let (status, xml, _) = get(&site.router, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    let (root, files) = read_sitemap(&xml);
    assert_eq!(root, "sitemapindex");
    let published: i64 = content::sql::query_scalar(
        "SELECT count(*) FROM story_translations WHERE status = 'published'",
    )
    .fetch_one(&site.pool)
    .await
    .unwrap();
    let story_files = files
        .iter()
        .filter(|(loc, _)| loc.contains("/sitemaps/stories-"))
        .count();
    assert_eq!(story_files as i64, (published + 39) / 40);
    let mut all: BTreeMap<String, Alternates> = BTreeMap::new();
    for (loc, _) in &files {
        let path = loc.strip_prefix(SITE).expect("absolute");
        let (status, xml, _) = get(&site.router, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let (root, urls) = read_sitemap(&xml);
        assert_eq!(root, "urlset");
        if path.contains("stories-") {
            assert!(
                urls.len() <= 40 && !urls.is_empty(),
                "{path}: {}",
                urls.len()
            );
        }
        if path.ends_with("news.xml") {
            assert!(xml.contains(
                "<news:title>Maroc &amp; Europe : &lt;migrations&gt; en 2026</news:title>"
            ));
            assert!(xml.contains("<news:language>ar</news:language>"));
            continue;
        }
        for (url, alternates) in urls {
            assert!(
                all.insert(url.clone(), alternates).is_none(),
                "{url} listed twice"
            );
        }
    }
    // Every published story translation, each home page and section edition.
    // Stories of every kind: all addresses but home and section pages.
    let stories = all
        .keys()
        .filter(|u| !u.contains("/section/") && u.matches('/').count() > 4)
        .count();
    assert_eq!(stories as i64, published);
    assert!(all.contains_key(&format!("{SITE}/ar/")));
    for listing in ["interviews", "faces", "publications", "podcasts"] {
        let url = format!("{SITE}/ar/{listing}");
        assert_eq!(
            all.get(&url).map(BTreeSet::len),
            Some(3),
            "{url} and its editions"
        );
    }
    // Reciprocal: each alternate lists the same set, itself included.
    for (url, alternates) in &all {
        if alternates.is_empty() {
            continue;
        }
        assert!(
            alternates.iter().any(|(_, href)| href == url),
            "{url} is in its own set"
        );
        for (_, href) in alternates {
            assert_eq!(all.get(href), Some(alternates), "{href} answers {url}");
        }
    }
    assert_eq!(
        get(&site.router, "/sitemaps/stories-999.xml").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&site.router, "/sitemaps/other.xml").await.0,
        StatusCode::NOT_FOUND
    );
    let (_, robots, _) = get(&site.router, "/robots.txt").await;
    assert!(robots.contains(&format!("Sitemap: {SITE}/sitemap.xml")));
}

#[tokio::test]
async fn wordpress_addresses_answer_301_to_the_imported_pages() {
    let path = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/wordpress/themeunittestdata.wordpress.xml"
    ));
    if !path.exists() {
        assert!(
            std::env::var("CI").is_err(),
            "{} is absent: CI must have the shared/ test data",
            path.display()
        );
        eprintln!("SKIPPED: {} is absent", path.display());
        return;
    }
    let site = site(50_000).await;
    let options = content::wxr::ImportOptions {
        lang: None,
        media_dir: site._dir.path().join("media"),
    };
    content::wxr::import_file(&site.pool, &path, &options, &mut |_, _| {}, &mut |_, _| {})
        .await
        .unwrap();
    for (old, new) in [
        (
            "/2013/01/11/markup-html-tags-and-formatting/",
            "/en/article/markup-html-tags-and-formatting",
        ),
        (
            "/2013/01/11/markup-html-tags-and-formatting",
            "/en/article/markup-html-tags-and-formatting",
        ),
        ("/?p=1178", "/en/article/markup-html-tags-and-formatting"),
        ("/?page_id=2", "/en/page/about"),
        ("/category/parent/child-1/", "/en/section/child-1"),
    ] {
        let (status, _, headers) = get(&site.router, old).await;
        assert_eq!(status, StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(headers["location"], new, "{old}");
    }
    assert_eq!(
        get(&site.router, "/2013/01/11/never-existed/").await.0,
        StatusCode::NOT_FOUND
    );
}
