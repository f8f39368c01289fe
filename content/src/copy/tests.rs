//! The demo site to PostgreSQL and back: every table's rows, equal pages, ids that go on.

use super::*;
use crate::lang::Lang;
use crate::test_db;

/// What readers get from `db`: the home page, a section, an article and a search in
/// every edition, as the data layer hands them to the pages.
async fn pages(db: &Db) -> Vec<String> {
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        let home = crate::pages::home(db, lang).await.unwrap();
        let slug = home.latest[0].slug.clone();
        let section = home.blocks[0].section.slug.clone();
        pages.push(format!("{home:?}"));
        pages.push(format!(
            "{:?}",
            crate::pages::section(db, lang, &section, 2).await.unwrap()
        ));
        pages.push(format!(
            "{:?}",
            crate::pages::story(db, lang, &slug, false).await.unwrap()
        ));
        let words = crate::search::SearchRequest::new("maroc", lang);
        let found = crate::search::search(db, &words).await.unwrap();
        pages.push(format!("{} {:?}", found.total, found.hits));
    }
    pages
}

#[tokio::test]
async fn the_demo_goes_to_postgresql_and_back_with_every_row_and_the_same_pages() {
    let sqlite = test_db::sqlite().await;
    crate::seed::seed_demo(&sqlite.pool, &sqlite._dir.path().join("media"))
        .await
        .unwrap();
    let postgres = test_db::postgres_empty().await;
    let mut reported = std::collections::BTreeSet::new();
    let there = copy_database(&sqlite.pool, &postgres, |table, _, _| {
        reported.insert(table.to_owned());
    })
    .await
    .unwrap();
    assert_eq!(there.source, there.target);
    assert_eq!(
        reported.len(),
        TABLES.len(),
        "progress told for every table"
    );
    let rows = |counts: &Counts, table: &str| counts.iter().find(|c| c.0 == table).unwrap().1;
    assert!(rows(&there.source, "story_translations") > 150);
    assert!(rows(&there.source, "media") > 10);
    assert_eq!(there.indexed as i64, {
        let published: i64 =
            query_scalar("SELECT count(*) FROM story_translations WHERE status = 'published'")
                .fetch_one(&postgres)
                .await
                .unwrap();
        published
    });
    let on_sqlite = pages(&sqlite.pool).await;
    assert_eq!(on_sqlite, pages(&postgres).await);

    // Again: the same target, not twice the rows.
    let again = copy_database(&sqlite.pool, &postgres, |_, _, _| {})
        .await
        .unwrap();
    assert_eq!(again.target, there.target);

    // And back, into a new SQLite file.
    let back = test_db::sqlite().await;
    let returned = copy_database(&postgres, &back.pool, |_, _, _| {})
        .await
        .unwrap();
    assert_eq!(returned.target, there.source);
    assert_eq!(pages(&back.pool).await, on_sqlite);

    // New rows on the target get ids after the copied ones.
    let before: i64 = query_scalar("SELECT max(id) FROM stories")
        .fetch_one(&postgres)
        .await
        .unwrap();
    let new: Vec<i64> =
        crate::sql::query_scalar("INSERT INTO stories (kind) VALUES ('article') RETURNING id")
            .fetch_all(&postgres)
            .await
            .unwrap();
    assert!(new[0] > before);
}

#[tokio::test]
async fn every_table_of_the_schema_is_copied_or_rebuilt() {
    let db = test_db::empty().await;
    let tables: Vec<String> = match db.pool.backend() {
        Backend::Sqlite => query_scalar(
            "SELECT name FROM sqlite_schema WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%'
               AND name NOT LIKE 'search_index%'",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap(),
        Backend::Postgres => query_scalar(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
               AND table_name NOT LIKE '\\_sqlx%' AND table_name <> 'search_index'",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap(),
    };
    let mut expected: Vec<&str> = TABLES.to_vec();
    expected.push("search_terms");
    expected.sort_unstable();
    let mut tables: Vec<&str> = tables.iter().map(String::as_str).collect();
    tables.sort_unstable();
    assert_eq!(tables, expected);
}
