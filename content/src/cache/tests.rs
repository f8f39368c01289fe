use super::*;
use crate::model::StoryKind;
use crate::test_db::{empty, with_demo};
use crate::write::{self, NewStory, NewTranslation};
use crate::Db;

/// Everything queued, each tag once, in order.
async fn queued(pool: &Db) -> Vec<String> {
    crate::sql::query_scalar("SELECT DISTINCT tag FROM cache_purges ORDER BY tag")
        .fetch_all(pool)
        .await
        .unwrap()
}

/// `UPDATE story_translations SET {assignments}` on story `id`'s versions.
async fn set_versions(pool: &Db, id: i64, assignments: &str) {
    crate::sql::query(&format!(
        "UPDATE story_translations SET {assignments} WHERE story_id = ?"
    ))
    .bind(id)
    .execute(pool)
    .await
    .unwrap();
}

async fn forget_everything(pool: &Db) {
    forget_confirmed(pool, &[]).await.unwrap();
}

/// A story of one French version with `status`; its id.
async fn story_in(pool: &Db, status: &str) -> i64 {
    let mut conn = crate::write_tx(pool).await.unwrap();
    let story = NewStory {
        kind: StoryKind::Article,
        section_id: None,
        featured: false,
        source_key: None,
    };
    let version = NewTranslation {
        status,
        ..NewTranslation::published(
            Lang::Fr,
            "une-histoire",
            "Une histoire",
            "",
            "<p>Texte</p>",
            "2026-01-01T00:00:00Z",
        )
    };
    let (story, _) = write::insert_story(&mut conn, &story, &[version])
        .await
        .unwrap();
    conn.commit().await.unwrap();
    story
}

#[test]
fn a_response_is_named_by_its_story_or_its_edition_and_always_by_the_site() {
    assert_eq!(
        of_response("/fr/article/x", None, Some("story-7")),
        "site story-7"
    );
    assert_eq!(
        of_response("/ar/section/y", Some("page=2"), None),
        "site edition-ar"
    );
    assert_eq!(
        of_response("/en/feed.xml", None, Some("  ")),
        "site edition-en"
    );
    assert_eq!(of_response("/sitemap.xml", None, None), "site sitemaps");
    assert_eq!(
        of_response("/sitemaps/fr-1.xml", None, None),
        "site sitemaps"
    );
    assert_eq!(of_response("/robots.txt", None, None), "site");
    assert_eq!(of_response("/2019/05/old-post/", None, None), "site");
    // A reader's server function: its `lang` argument, or the story it names.
    assert_eq!(
        of_response("/api/get_home1", Some("lang=ar"), None),
        "site edition-ar"
    );
    assert_eq!(
        of_response("/api/get_story1", Some("lang=fr&slug=x"), Some("story-3")),
        "site story-3"
    );
    assert_eq!(story(12), "story-12");
    assert_eq!(edition(Lang::Ar), "edition-ar");
}

#[tokio::test]
async fn a_draft_changes_nothing_readers_see_and_publishing_it_purges_its_page_and_edition() {
    let db = empty().await;
    let id = story_in(&db.pool, "draft").await;
    set_versions(&db.pool, id, "title = 'Autre titre'").await;
    assert!(queued(&db.pool).await.is_empty(), "a draft is nobody's");

    set_versions(&db.pool, id, "status = 'published'").await;
    assert_eq!(
        queued(&db.pool).await,
        ["edition-fr", "sitemaps", &story(id)],
        "the forms the pages name (`story`, `edition`, SITEMAPS)"
    );
    forget_everything(&db.pool).await;

    // Unpublishing purges the same; the search index's own column does not.
    set_versions(&db.pool, id, "search_rowid = 99").await;
    assert!(queued(&db.pool).await.is_empty());
    set_versions(&db.pool, id, "status = 'archived'").await;
    assert_eq!(
        queued(&db.pool).await,
        ["edition-fr", "sitemaps", &story(id)]
    );
}

#[tokio::test]
async fn a_scheduled_version_going_live_purges_like_a_publication() {
    let db = empty().await;
    let id = story_in(&db.pool, "scheduled").await;
    assert!(queued(&db.pool).await.is_empty());
    assert_eq!(crate::editorial::publish_due(&db.pool).await.unwrap(), 1);
    assert!(queued(&db.pool).await.contains(&story(id)));
}

#[tokio::test]
async fn the_sites_structure_and_a_published_storys_details_purge_what_shows_them() {
    let db = with_demo().await;
    forget_everything(&db.pool).await;
    // A menu's label is on every page.
    crate::sql::query(
        "UPDATE menu_item_labels SET label = label || '!'
         WHERE menu_item_id = (SELECT min(menu_item_id) FROM menu_item_labels)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(queued(&db.pool).await, [SITE]);
    forget_everything(&db.pool).await;

    // A published story gets a tag: its page and its editions' listings.
    let (id, langs): (i64, String) = crate::sql::query_as(
        "SELECT story_id, string_agg(lang, ',') FROM story_translations
         WHERE status = 'published' GROUP BY story_id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let tag_id: i64 =
        crate::sql::query_scalar("INSERT INTO tags (key) VALUES ('migration') RETURNING id")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    crate::sql::query("INSERT INTO story_tags (story_id, tag_id) VALUES (?, ?)")
        .bind(id)
        .bind(tag_id)
        .execute(&db.pool)
        .await
        .unwrap();
    let mut expected: Vec<String> = langs.split(',').map(|l| format!("edition-{l}")).collect();
    expected.push(story(id));
    expected.sort();
    assert_eq!(queued(&db.pool).await, expected);
}

#[tokio::test]
async fn each_cache_is_told_what_it_missed_once_and_rows_go_when_all_have_them() {
    let db = empty().await;
    let (up, down) = ("http://a/".to_owned(), "http://b/".to_owned());
    let targets = [up.clone(), down.clone()];
    let first = story_in(&db.pool, "published").await;
    let purge = pending(&db.pool, &up)
        .await
        .unwrap()
        .expect("something to purge");
    assert_eq!(purge.tags, ["edition-fr", "sitemaps", &story(first)]);
    confirm(&db.pool, &up, purge.up_to).await.unwrap();
    assert_eq!(pending(&db.pool, &up).await.unwrap(), None, "told once");
    forget_confirmed(&db.pool, &targets).await.unwrap();
    assert!(!queued(&db.pool).await.is_empty(), "b has not had them");

    // b was down meanwhile; a second story: b gets both, a only the second.
    crate::sql::query(
        "UPDATE story_translations SET slug = 'autre', story_id = story_id WHERE story_id = ?",
    )
    .bind(first)
    .execute(&db.pool)
    .await
    .unwrap();
    let for_up = pending(&db.pool, &up).await.unwrap().unwrap();
    let for_down = pending(&db.pool, &down).await.unwrap().unwrap();
    assert_eq!(for_up.up_to, for_down.up_to);
    assert_eq!(
        for_down.tags, for_up.tags,
        "each tag once, however often queued"
    );
    confirm(&db.pool, &up, for_up.up_to).await.unwrap();
    confirm(&db.pool, &down, for_down.up_to).await.unwrap();
    forget_confirmed(&db.pool, &targets).await.unwrap();
    assert!(queued(&db.pool).await.is_empty(), "all have them");
}

#[tokio::test]
async fn too_many_tags_at_once_purge_the_whole_site() {
    let db = empty().await;
    for n in 0..=MOST_TAGS_AT_ONCE {
        crate::sql::query("INSERT INTO cache_purges (tag) VALUES (?)")
            .bind(story(n as i64))
            .execute(&db.pool)
            .await
            .unwrap();
    }
    let purge = pending(&db.pool, "http://a/").await.unwrap().unwrap();
    assert_eq!(purge.tags, [SITE]);
}

#[test]
fn stored_dates_are_written_and_read_as_http_dates() {
    assert_eq!(
        http_date("2015-04-19T09:00:00Z").as_deref(),
        Some("Sun, 19 Apr 2015 09:00:00 GMT")
    );
    assert_eq!(
        http_date("2015-04-19T11:00:00+02:00").as_deref(),
        Some("Sun, 19 Apr 2015 09:00:00 GMT")
    );
    assert_eq!(http_date("yesterday"), None);
    assert_eq!(
        http_date_seconds("Sun, 19 Apr 2015 09:00:00 GMT"),
        Some(1_429_434_000)
    );
    assert_eq!(http_date_seconds("not a date"), None);
}
