//! The importer on real SQLite files: the WordPress theme test data (shared/), small
//! hand-made exports for Polylang, hostile content and missing languages.

use super::*;
use crate::{pages, redirects, test_db};
use std::path::{Path, PathBuf};

const THEME_TEST_DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/wordpress/themeunittestdata.wordpress.xml"
);

fn theme_file() -> Option<PathBuf> {
    let path = PathBuf::from(THEME_TEST_DATA);
    if path.exists() {
        Some(path)
    } else {
        assert!(
            std::env::var("CI").is_err(),
            "{THEME_TEST_DATA} is absent: CI must have the shared/ test data"
        );
        eprintln!("SKIPPED: {THEME_TEST_DATA} is absent (shared/ test data not laid out)");
        None
    }
}

fn options(db: &test_db::TestDb, lang: Option<Lang>) -> ImportOptions {
    ImportOptions {
        lang,
        media_dir: db._dir.path().join("media"),
    }
}

async fn import(
    db: &test_db::TestDb,
    path: &Path,
    lang: Option<Lang>,
) -> Result<ImportReport, ImportError> {
    import_file(
        &db.pool,
        path,
        &options(db, lang),
        &mut |_, _| {},
        &mut |_, _| {},
    )
    .await
}

async fn count(db: &test_db::TestDb, sql: &str) -> i64 {
    crate::sql::query_scalar(sql)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

fn count_in_file(text: &str, needle: &str) -> usize {
    text.matches(needle).count()
}

#[tokio::test]
async fn theme_test_data_imports_completely_and_idempotently() {
    let Some(path) = theme_file() else { return };
    let text = std::fs::read_to_string(&path).unwrap();
    let db = test_db::empty().await;
    let report = import(&db, &path, None).await.expect("import");
    eprintln!("{}", report.summary());

    // Counts match the file: every post and page, category and tag.
    let posts = count_in_file(&text, "<wp:post_type>post</wp:post_type>")
        + count_in_file(&text, "<wp:post_type><![CDATA[post]]></wp:post_type>");
    let pages = count_in_file(&text, "<wp:post_type>page</wp:post_type>")
        + count_in_file(&text, "<wp:post_type><![CDATA[page]]></wp:post_type>");
    let categories = count_in_file(&text, "<wp:category>");
    assert_eq!(
        (posts, pages, categories),
        (58, 21, 68),
        "the file as known"
    );
    assert_eq!(report.stories.created as usize, posts + pages);
    assert_eq!(
        count(&db, "SELECT count(*) FROM stories WHERE kind = 'article'").await as usize,
        posts
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM stories WHERE kind = 'page'").await as usize,
        pages
    );
    assert_eq!(report.sections.created as usize, categories);
    assert_eq!(
        count(&db, "SELECT count(*) FROM sections").await as usize,
        categories
    );
    assert_eq!(
        report.tags.created as usize,
        count_in_file(&text, "<wp:tag>")
    );
    assert_eq!(report.authors.created, 2);
    assert_eq!(report.media.created, 37);
    assert_eq!(
        report.comments as usize,
        count_in_file(&text, "<wp:comment>")
    );
    assert_eq!(
        report
            .skipped
            .get("menu entries (rebuild menus in the menu editor)"),
        Some(&70)
    );

    // Hierarchy kept: parent > child-1 > child-2.
    let chain: Vec<String> = crate::sql::query_scalar(
        "WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT id, parent_id, 0 FROM sections WHERE key LIKE '%:cat:child-2'
           UNION ALL SELECT s.id, s.parent_id, depth + 1 FROM sections s JOIN up ON s.id = up.parent_id)
         SELECT st.slug FROM up JOIN section_translations st ON st.section_id = up.id ORDER BY depth DESC",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(chain, ["parent", "child-1", "child-2"]);

    // An imported post renders, in the export's language, sanitised and with paragraphs.
    let story = pages::story(&db.pool, Lang::En, "markup-html-tags-and-formatting", false)
        .await
        .unwrap()
        .expect("imported post is readable");
    assert_eq!(story.card.title, "Markup: HTML Tags and Formatting");
    assert_eq!(
        story.card.published_at, "2013-01-12T03:22:19Z",
        "UTC date kept"
    );
    assert_eq!(story.card.section.as_ref().unwrap().slug, "classic");
    assert!(story.body_html.contains("<blockquote>"), "markup kept");
    assert!(!story.body_html.contains("<script"), "no script survives");
    // No shortcode is shown raw anywhere.
    let bodies: Vec<String> = crate::sql::query_scalar("SELECT body_html FROM story_translations")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    for tag in [
        "[gallery",
        "[caption",
        "[audio",
        "[video",
        "[embed",
        "[/caption]",
    ] {
        assert!(bodies.iter().all(|b| !b.contains(tag)), "{tag} left raw");
    }
    assert!(
        bodies.iter().any(|b| b.contains("<figcaption>")),
        "captions became figures"
    );
    assert!(
        bodies.iter().any(|b| b.contains("<audio controls")),
        "audio players"
    );

    // Its old permalink and ?p= lead to it.
    for old in [
        "https://wpthemetestdata.wordpress.com/2013/01/11/markup-html-tags-and-formatting/",
        "/?p=1178",
    ] {
        let target = redirects::resolve(&db.pool, &redirects::normalize(old).unwrap())
            .await
            .unwrap();
        assert_eq!(
            target.as_deref(),
            Some("/en/article/markup-html-tags-and-formatting"),
            "{old}"
        );
    }
    let category = redirects::resolve(&db.pool, "/category/parent/child-1")
        .await
        .unwrap();
    assert_eq!(category.as_deref(), Some("/en/section/child-1"));

    // Re-import: nothing new, nothing changed.
    let again = import(&db, &path, None).await.expect("re-import");
    assert_eq!(
        again.stories.created + again.stories.updated,
        0,
        "{}",
        again.summary()
    );
    assert_eq!(
        again.sections.created + again.sections.updated,
        0,
        "{}",
        again.summary()
    );
    assert_eq!(
        again.tags.created + again.media.created + again.authors.created,
        0
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM stories").await as usize,
        posts + pages
    );
}

#[tokio::test]
async fn a_broken_file_is_refused_and_nothing_is_written() {
    let Some(path) = theme_file() else { return };
    let db = test_db::empty().await;
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = db._dir.path().join("cut.xml");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    let err = import(&db, &cut, None).await.unwrap_err();
    assert!(matches!(err, ImportError::Parse(_)), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM stories").await, 0);
    assert_eq!(count(&db, "SELECT count(*) FROM sections").await, 0);
}

fn mini_export(channel_language: &str, items: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>CCME</title><language>{channel_language}</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://www.ccme.org.ma</wp:base_blog_url>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>actualites-wp</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Actualités]]></wp:cat_name></wp:category>
{items}
</channel></rss>"#
    )
}

fn mini_item(
    id: i64,
    slug: &str,
    title: &str,
    lang: Option<&str>,
    group: Option<&str>,
    content: &str,
) -> String {
    let lang = lang.map_or(String::new(), |l| {
        format!(r#"<category domain="language" nicename="{l}"><![CDATA[{l}]]></category>"#)
    });
    let group = group.map_or(String::new(), |g| {
        format!(r#"<category domain="post_translations" nicename="{g}"><![CDATA[{g}]]></category>"#)
    });
    format!(
        r#"<item><title>{title}</title><link>https://www.ccme.org.ma/{slug}/</link><dc:creator>admin</dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{id}</wp:post_id><wp:post_date>2024-05-02 10:00:00</wp:post_date><wp:post_date_gmt>2024-05-02 09:00:00</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="actualites-wp"><![CDATA[Actualités]]></category>{lang}{group}</item>"#
    )
}

#[tokio::test]
async fn polylang_groups_become_one_story_in_two_editions() {
    let db = test_db::empty().await;
    let file = db._dir.path().join("pll.xml");
    let items = mini_item(
        10,
        "forum-fr",
        "Forum de la diaspora",
        Some("fr"),
        Some("pll_abc"),
        "Texte français",
    ) + &mini_item(
        11,
        "%d9%85%d9%86%d8%aa%d8%af%d9%89",
        "منتدى الجالية",
        Some("ar"),
        Some("pll_abc"),
        "نص عربي",
    ) + &mini_item(12, "foro", "Foro", Some("es"), None, "texto");
    std::fs::write(&file, mini_export("fr-FR", &items)).unwrap();
    let report = import(&db, &file, None).await.unwrap();
    assert_eq!(report.stories.created, 2, "{}", report.summary());
    assert_eq!(count(&db, "SELECT count(*) FROM stories").await, 1);
    assert_eq!(
        report.skipped.len(),
        1,
        "the Spanish post is skipped with a reason"
    );
    let ar = pages::story(&db.pool, Lang::Ar, "منتدى", false)
        .await
        .unwrap()
        .expect("Arabic slug decoded");
    assert_eq!(ar.card.title, "منتدى الجالية");
    assert_eq!(
        ar.card.section.expect("section named in Arabic too").name,
        "Actualités"
    );
    assert_eq!(
        ar.card.summary, "نص عربي",
        "summary from the text when no excerpt"
    );
    let alternates = crate::stories::translations(&db.pool, {
        let id: i64 = crate::sql::query_scalar("SELECT id FROM stories")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        id
    })
    .await
    .unwrap();
    assert_eq!(alternates.len(), 2);
}

#[tokio::test]
async fn hostile_content_is_cleaned_and_missing_language_refused() {
    let db = test_db::empty().await;
    let file = db._dir.path().join("hostile.xml");
    let items = mini_item(
        20,
        "hostile",
        "Hostile &lt;b&gt;",
        None,
        None,
        r#"<p onclick="steal()">Hi</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>[contact-form-7 id="1"]<a href="javascript:alert(1)">x</a>"#,
    );
    // A channel in Spanish and no --lang: refused before anything is written.
    std::fs::write(&file, mini_export("es-ES", &items)).unwrap();
    let err = import(&db, &file, None).await.unwrap_err().to_string();
    assert!(err.contains("--lang"), "{err}");
    assert_eq!(count(&db, "SELECT count(*) FROM sections").await, 0);

    let report = import(&db, &file, Some(Lang::Fr)).await.unwrap();
    assert_eq!(report.dropped_shortcodes.get("contact-form-7"), Some(&1));
    let story = pages::story(&db.pool, Lang::Fr, "hostile", false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        story.card.title, "Hostile <b>",
        "a title is text, escaped when shown"
    );
    for bad in [
        "<script",
        "onclick",
        "<iframe",
        "javascript:",
        "[contact-form",
    ] {
        assert!(
            !story.body_html.contains(bad),
            "{bad} in {}",
            story.body_html
        );
    }
    assert!(story.body_html.contains("<p>Hi</p>"));
}
