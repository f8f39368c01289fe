//! The PostgreSQL schema is SQLite's: read back from both databases, compared item by
//! item, and the triggers made to write the same rows on both.

use super::super::test_db;
use crate::sql::{query, query_scalar, Db, Sql};
use sqlx::{PgPool, Row, SqlitePool};
use std::collections::{BTreeMap, BTreeSet};

/// Yes/no columns: `INTEGER CHECK (x IN (0, 1))` in SQLite, `BOOLEAN` here.
const BOOLEANS: &[(&str, &str)] = crate::sql::BOOLEAN_COLUMNS;

/// SQLite's full-text table has no twin: PostgreSQL indexes the same prepared words in a
/// table of its own (`search_index`, keyed as SQLite's rowids), which the search module
/// reads and writes its own way.
fn compared(table: &str) -> bool {
    !table.starts_with("search_index") && !table.starts_with("_sqlx") && table != "sqlite_sequence"
}

/// One table or view as both databases describe it, in words they share.
#[derive(Debug, Default, PartialEq)]
struct Table {
    /// Column → (type, not null, default).
    columns: BTreeMap<String, (String, bool, Option<String>)>,
    primary_key: Vec<String>,
    /// Column lists of UNIQUE constraints.
    unique: BTreeSet<Vec<String>>,
    /// Named indexes → (columns, unique, partial).
    indexes: BTreeMap<String, (Vec<String>, bool, bool)>,
    /// (column, table and column it refers to, on delete).
    foreign_keys: BTreeSet<(String, String, String, String)>,
    /// (event, the columns an UPDATE must name to fire it).
    triggers: BTreeSet<(String, Vec<String>)>,
}

/// A column default in the shared words: `now` for the site's time, literals unquoted
/// of their casts, booleans as SQLite's 0/1, `identity` for generated ids.
fn default_word(raw: &str) -> String {
    let raw = raw.trim();
    if raw.contains("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") || raw == "site_now()" {
        return "now".into();
    }
    match raw {
        "false" => "0".into(),
        "true" => "1".into(),
        _ => raw
            .trim_start_matches('(')
            .trim_end_matches(')')
            .split("::")
            .next()
            .unwrap_or(raw)
            .to_string(),
    }
}

async fn sqlite_schema(pool: &SqlitePool) -> BTreeMap<String, Table> {
    let mut schema = BTreeMap::new();
    let objects = sqlx::query(
        "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for object in objects {
        let name: String = object.get("name");
        let is_view = object.get::<String, _>("type") == "view";
        if !compared(&name) {
            continue;
        }
        let mut table = Table::default();
        let columns = sqlx::query(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1) ORDER BY pk",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        let sole_integer_key = columns.iter().filter(|c| c.get::<i64, _>("pk") > 0).count() == 1;
        for column in &columns {
            let column_name: String = column.get("name");
            let declared: String = column.get("type");
            let pk: i64 = column.get("pk");
            let ty = if is_view {
                "any"
            } else if BOOLEANS.contains(&(name.as_str(), column_name.as_str())) {
                "boolean"
            } else {
                match declared.as_str() {
                    "INTEGER" => "integer",
                    "TEXT" => "text",
                    "BLOB" => "bytes",
                    other => panic!("{name}.{column_name}: type {other} has no PostgreSQL twin"),
                }
            };
            let default = if pk > 0 && sole_integer_key && declared == "INTEGER" {
                Some("identity".to_string())
            } else {
                column
                    .get::<Option<String>, _>("dflt_value")
                    .map(|d| default_word(&d))
            };
            let not_null = column.get::<i64, _>("notnull") == 1 || pk > 0;
            table.columns.insert(
                column_name.clone(),
                (ty.into(), not_null && !is_view, default),
            );
            if pk > 0 {
                table.primary_key.push(column_name);
            }
        }
        let indexes =
            sqlx::query("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .bind(&name)
                .fetch_all(pool)
                .await
                .unwrap();
        for index in indexes {
            let index_name: String = index.get("name");
            let origin: String = index.get("origin");
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&index_name)
                    .fetch_all(pool)
                    .await
                    .unwrap();
            match origin.as_str() {
                "u" => {
                    table.unique.insert(columns);
                }
                "c" => {
                    let unique = index.get::<i64, _>("unique") == 1;
                    let partial = index.get::<i64, _>("partial") == 1;
                    table.indexes.insert(index_name, (columns, unique, partial));
                }
                _ => {}
            }
        }
        let keys = sqlx::query(
            "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list($1)",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for key in keys {
            table.foreign_keys.insert((
                key.get("from"),
                key.get("table"),
                key.get("to"),
                key.get("on_delete"),
            ));
        }
        // A key that refers to another table's (`episodes.story_id`) is given, not made.
        for (column, ..) in &table.foreign_keys {
            if let Some((_, _, default)) = table.columns.get_mut(column) {
                default.take_if(|d| d == "identity");
            }
        }
        schema.insert(name, table);
    }
    let triggers: Vec<(String, String)> =
        sqlx::query_as("SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'")
            .fetch_all(pool)
            .await
            .unwrap();
    for (table, sql) in triggers {
        let sql = sql
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_uppercase();
        let head = sql.split(" ON ").next().unwrap_or_default();
        let event = ["INSERT", "UPDATE", "DELETE"]
            .into_iter()
            .find(|e| head.contains(e))
            .expect("trigger event");
        let columns = match head.split_once("UPDATE OF ") {
            Some((_, list)) => {
                let mut columns: Vec<String> =
                    list.split(',').map(|c| c.trim().to_lowercase()).collect();
                columns.sort();
                columns
            }
            None => Vec::new(),
        };
        if let Some(t) = schema.get_mut(&table) {
            t.triggers.insert((event.to_string(), columns));
        }
    }
    schema
}

async fn postgres_schema(pool: &PgPool) -> BTreeMap<String, Table> {
    let mut schema = BTreeMap::new();
    let objects: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, table_type::text FROM information_schema.tables
         WHERE table_schema = current_schema()",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (name, kind) in objects {
        if !compared(&name) {
            continue;
        }
        let is_view = kind == "VIEW";
        let mut table = Table::default();
        let columns = sqlx::query(
            "SELECT column_name::text AS name, data_type::text AS ty, is_nullable::text AS nullable,
                    column_default::text AS dflt, is_identity::text AS identity
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = $1",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for column in columns {
            let ty = if is_view {
                "any"
            } else {
                match column.get::<String, _>("ty").as_str() {
                    "bigint" => "integer",
                    "boolean" => "boolean",
                    "text" => "text",
                    "bytea" => "bytes",
                    other => panic!("{name}: type {other} has no SQLite twin"),
                }
            };
            let default = if column.get::<String, _>("identity") == "YES" {
                Some("identity".to_string())
            } else {
                column
                    .get::<Option<String>, _>("dflt")
                    .map(|d| default_word(&d))
            };
            let not_null = column.get::<String, _>("nullable") == "NO";
            table.columns.insert(
                column.get("name"),
                (ty.into(), not_null && !is_view, default),
            );
        }
        let constraints = sqlx::query(
            "SELECT c.contype::text AS kind,
                    array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                          ORDER BY k.i) AS columns,
                    c.confrelid::regclass::text AS target,
                    (SELECT a.attname::text FROM pg_attribute a
                     WHERE a.attrelid = c.confrelid AND a.attnum = c.confkey[1]) AS target_column,
                    c.confdeltype::text AS on_delete
             FROM pg_constraint c WHERE c.conrelid = $1::regclass",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for constraint in constraints {
            let columns: Vec<String> = constraint.get("columns");
            match constraint.get::<String, _>("kind").as_str() {
                "p" => table.primary_key = columns,
                "u" => {
                    table.unique.insert(columns);
                }
                "f" => {
                    let on_delete = match constraint.get::<String, _>("on_delete").as_str() {
                        "c" => "CASCADE",
                        "n" => "SET NULL",
                        "r" => "RESTRICT",
                        "d" => "SET DEFAULT",
                        _ => "NO ACTION",
                    };
                    let [column] = columns.as_slice() else {
                        panic!("{name}: a foreign key of several columns")
                    };
                    table.foreign_keys.insert((
                        column.clone(),
                        constraint.get("target"),
                        constraint.get("target_column"),
                        on_delete.into(),
                    ));
                }
                _ => {}
            }
        }
        // Indexes made by CREATE INDEX (not those behind a key or UNIQUE constraint).
        let indexes = sqlx::query(
            "SELECT i.relname::text AS name, x.indisunique AS is_unique,
                    x.indpred IS NOT NULL AS partial,
                    array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n
                          ORDER BY k.o) AS columns
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
             WHERE x.indrelid = $1::regclass
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap_or_default();
        for index in indexes {
            table.indexes.insert(
                index.get("name"),
                (
                    index.get("columns"),
                    index.get("is_unique"),
                    index.get("partial"),
                ),
            );
        }
        schema.insert(name, table);
    }
    // One row per trigger and event; UPDATE OF columns are listed apart.
    let triggers: Vec<(String, String, String, Vec<String>)> = sqlx::query_as(
        "SELECT t.event_object_table::text, t.trigger_name::text, t.event_manipulation::text,
                array(SELECT u.event_object_column::text
                      FROM information_schema.triggered_update_columns u
                      WHERE u.trigger_name = t.trigger_name
                        AND u.event_object_table = t.event_object_table
                      ORDER BY 1)
         FROM information_schema.triggers t WHERE t.trigger_schema = current_schema()",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, _, event, columns) in triggers {
        let columns = if event == "UPDATE" {
            columns
        } else {
            Vec::new()
        };
        if let Some(t) = schema.get_mut(&table) {
            t.triggers.insert((event, columns));
        }
    }
    schema
}

#[tokio::test]
async fn postgres_schema_has_every_table_column_key_index_and_trigger_of_sqlite() {
    let sqlite = test_db::sqlite().await;
    let sqlite = sqlite_schema(sqlite.pool.sqlite_pool().unwrap()).await;
    let postgres = test_db::postgres_empty().await;
    let postgres = postgres_schema(postgres.postgres_pool().unwrap()).await;
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same tables and views"
    );
    assert!(sqlite.len() > 40, "only {} tables read", sqlite.len());
    for (name, table) in &sqlite {
        let twin = &postgres[name];
        assert_eq!(
            table.columns, twin.columns,
            "{name}: columns (type, not null, default)"
        );
        assert_eq!(table.primary_key, twin.primary_key, "{name}: primary key");
        assert_eq!(table.unique, twin.unique, "{name}: unique constraints");
        assert_eq!(table.indexes, twin.indexes, "{name}: indexes");
        assert_eq!(
            table.foreign_keys, twin.foreign_keys,
            "{name}: foreign keys"
        );
        assert_eq!(
            table.triggers, twin.triggers,
            "{name}: what fires a trigger"
        );
    }
}

#[tokio::test]
async fn postgres_migrations_twin_sqlite_ones() {
    // The PostgreSQL baseline stands for every SQLite migration up to its own version;
    // each later one has a twin of the same version.
    let versions = |dir: &str| -> BTreeSet<String> {
        std::fs::read_dir(format!(
            "{}/../migrations/{dir}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .map(|f| f.split('_').next().unwrap().to_string())
        .collect()
    };
    let (sqlite, postgres) = (versions("sqlite"), versions("postgres"));
    let baseline = postgres.first().expect("a PostgreSQL baseline").clone();
    assert!(
        sqlite.contains(&baseline),
        "the baseline is one of SQLite's versions"
    );
    let later: BTreeSet<String> = sqlite.into_iter().filter(|v| *v > baseline).collect();
    let twins: BTreeSet<String> = postgres.into_iter().filter(|v| *v > baseline).collect();
    assert_eq!(
        later, twins,
        "SQLite migrations without a PostgreSQL twin, or the reverse"
    );
}

#[tokio::test]
async fn postgres_migrations_rerun_cleanly_and_store_times_as_sqlite_does() {
    let db = test_db::postgres_empty().await;
    let pool = db.postgres_pool().unwrap();
    // Applying them again on the same database does nothing (and fails on nothing).
    sqlx::migrate!("../migrations/postgres")
        .run(pool)
        .await
        .unwrap();
    let langs: Vec<String> = sqlx::query_scalar("SELECT code FROM languages ORDER BY position")
        .fetch_all(pool)
        .await
        .unwrap();
    let codes: Vec<&str> = crate::lang::Lang::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(langs, codes);
    let sqlite = test_db::sqlite().await;
    let sqlite_now: String = query_scalar(&format!("SELECT {}", crate::sql::dialect::sqlite::NOW))
        .fetch_one(&sqlite.pool)
        .await
        .unwrap();
    let postgres_now: String = query_scalar("SELECT site_now()")
        .fetch_one(&db)
        .await
        .unwrap();
    let shape = |t: &str| {
        t.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect::<String>()
    };
    assert_eq!(shape(&postgres_now), "9999-99-99T99:99:99Z");
    assert_eq!(shape(&sqlite_now), shape(&postgres_now));
    // Both clocks are UTC: the two databases agree to within a few seconds.
    let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap().timestamp();
    assert!(
        (at(&sqlite_now) - at(&postgres_now)).abs() < 30,
        "{sqlite_now} vs {postgres_now}"
    );
}

#[tokio::test]
async fn a_postgresql_that_refuses_writes_says_so_and_a_conflict_does_not() {
    let db = test_db::postgres_empty().await;
    let mut tx = crate::write_tx(&db).await.unwrap();
    query("SET TRANSACTION READ ONLY")
        .execute(&mut tx)
        .await
        .unwrap();
    let refused = query("INSERT INTO stories (kind) VALUES ('article')")
        .execute(&mut tx)
        .await
        .map_err(crate::DataError::from)
        .unwrap_err();
    assert!(refused.refuses_writes(), "{refused}");
    drop(tx);
    let insert = "INSERT INTO authors (key, display_name) VALUES ('a', 'A')";
    query(insert).execute(&db).await.unwrap();
    let conflict = query(insert)
        .execute(&db)
        .await
        .map_err(crate::DataError::from)
        .unwrap_err();
    assert!(!conflict.refuses_writes(), "{conflict}");
}

#[tokio::test]
async fn one_app_server_at_a_time_gets_a_turn_of_a_job() {
    let db = test_db::postgres_empty().await;
    // Another app server is another session: any other connection of the pool is one.
    let other = db.clone();
    let turn = crate::claim_job_turn(&db, "scheduler").await.unwrap();
    assert!(turn.is_some());
    assert!(crate::claim_job_turn(&other, "scheduler")
        .await
        .unwrap()
        .is_none());
    assert!(
        crate::claim_job_turn(&other, "mail")
            .await
            .unwrap()
            .is_some(),
        "another job is not held up"
    );
    turn.unwrap().end().await.unwrap();
    assert!(crate::claim_job_turn(&other, "scheduler")
        .await
        .unwrap()
        .is_some());
    // On SQLite's one file there is one server: always its turn.
    let sqlite = test_db::sqlite().await;
    let first = crate::claim_job_turn(&sqlite.pool, "scheduler")
        .await
        .unwrap();
    assert!(first.is_some());
    assert!(crate::claim_job_turn(&sqlite.pool, "scheduler")
        .await
        .unwrap()
        .is_some());
}

/// Writes of every kind the triggers watch, in the SQL both databases take, with the
/// one statement that differs (filling the search index) given for each.
const WRITES: &[Sql<'static>] = &[
    same("INSERT INTO sections (id, key) VALUES (1, 'news'), (2, 'sub')"),
    same("INSERT INTO section_translations (section_id, lang, name, slug) VALUES (2, 'fr', 'Sub', 'sub')"),
    same("INSERT INTO stories (id, kind, section_id) VALUES (10, 'article', 2)"),
    same("INSERT INTO story_translations (id, story_id, lang, kind, section_id, status, published_at, slug, title)
          VALUES (100, 10, 'fr', 'article', 2, 'published', '2026-01-01T00:00:00Z', 'a', 'A'),
                 (101, 10, 'ar', 'article', 2, 'draft', NULL, 'b', 'B')"),
    same("UPDATE story_translations SET search_rowid = 7 WHERE id = 100"),
    Sql::each(
        "INSERT INTO search_index (rowid, title, summary, body, facets) VALUES (7, 'a', '', '', '')",
        "INSERT INTO search_index (key, title, summary, words) VALUES (7, 'a', '', 'a')",
    ),
    same("UPDATE story_translations SET summary = 'changed' WHERE id = 100"),
    same("UPDATE story_translations SET search_rowid = 8 WHERE id = 100"),
    same("UPDATE sections SET parent_id = 1 WHERE id = 2"),
    same("UPDATE stories SET featured = TRUE WHERE id = 10"),
    same("UPDATE stories SET section_id = 1 WHERE id = 10"),
    same("INSERT INTO tags (id, key) VALUES (5, 'tag')"),
    same("INSERT INTO tag_translations (tag_id, lang, name, slug) VALUES (5, 'fr', 'Tag', 'tag')"),
    same("INSERT INTO story_tags (story_id, tag_id) VALUES (10, 5)"),
    same("INSERT INTO media (id, kind, path, mime) VALUES (3, 'image', 'x.jpg', 'image/jpeg')"),
    same("UPDATE story_translations SET cover_media_id = 3 WHERE id = 100"),
    same("INSERT INTO media_translations (media_id, lang, alt) VALUES (3, 'fr', 'alt')"),
    same("UPDATE story_translations SET lang = 'en' WHERE id = 100"),
    same("INSERT INTO publications (story_id, year, languages) VALUES (10, 2024, 'fr')"),
    same("INSERT INTO profiles (story_id, country, field) VALUES (10, 'ma', 'arts')"),
    same("INSERT INTO profile_stories (profile_id, story_id) VALUES (10, 10)"),
    same("INSERT INTO menu_items (id, menu, target) VALUES (1, 'main', 'home')"),
    same("INSERT INTO programmes (id, key) VALUES (1, 'p')"),
    same("INSERT INTO mailings (id, list, lang, subject) VALUES (1, 'newsletter', 'ar', 'S')"),
    same("UPDATE mailings SET status = 'scheduled' WHERE id = 1"),
    same("UPDATE mailings SET status = 'sending' WHERE id = 1"),
    same("UPDATE mailings SET status = 'sent' WHERE id = 1"),
    same("DELETE FROM story_tags WHERE story_id = 10"),
    same("DELETE FROM story_translations WHERE id = 100"),
    same("DELETE FROM tag_translations WHERE tag_id = 5"),
    same("DELETE FROM tags WHERE id = 5"),
    same("DELETE FROM stories WHERE id = 10"),
];

const fn same(sql: &'static str) -> Sql<'static> {
    Sql::each(sql, sql)
}

/// What readers' pages look like after the writes: the translations' copies of their
/// story's kind and section, and what is left of the search index.
const STATE: &str = "SELECT 'translation ' || id || ': ' || kind || ' in ' || COALESCE(section_id, 0)
        || ', indexed as ' || COALESCE(search_rowid, 0) FROM story_translations
    UNION ALL SELECT 'still indexed: ' || COUNT(*) FROM story_translations WHERE search_rowid IS NOT NULL
    ORDER BY 1";

#[tokio::test]
async fn postgres_triggers_purge_sync_and_unindex_as_sqlite_ones_do() {
    let sqlite = test_db::sqlite().await;
    let postgres = test_db::postgres_empty().await;
    let new_tags = "SELECT tag FROM cache_purges WHERE seq > ? ORDER BY tag";
    let last = "SELECT COALESCE(MAX(seq), 0) FROM cache_purges";
    for write in WRITES {
        // What the write purged, and the state it left, on one database.
        let run = |db: Db| async move {
            let before: i64 = query_scalar(last).fetch_one(&db).await.unwrap();
            query(write.clone()).execute(&db).await.unwrap();
            let purged: Vec<String> = query_scalar(new_tags)
                .bind(before)
                .fetch_all(&db)
                .await
                .unwrap();
            let state: Vec<String> = query_scalar(STATE).fetch_all(&db).await.unwrap();
            (purged, state)
        };
        let on_sqlite = run(sqlite.pool.clone()).await;
        let on_postgres = run(postgres.clone()).await;
        assert_eq!(on_sqlite.0, on_postgres.0, "purged after: {write:?}");
        assert_eq!(on_sqlite.1, on_postgres.1, "state after: {write:?}");
    }
    // The scenario did reach what it is about.
    let purged: Vec<String> = query_scalar("SELECT DISTINCT tag FROM cache_purges ORDER BY tag")
        .fetch_all(&postgres)
        .await
        .unwrap();
    assert_eq!(
        purged,
        [
            "edition-ar",
            "edition-en",
            "edition-fr",
            "site",
            "sitemaps",
            "story-10"
        ]
    );
    let left: i64 = query_scalar("SELECT COUNT(*) FROM search_index")
        .fetch_one(&postgres)
        .await
        .unwrap();
    assert_eq!(left, 0, "the changed translation left the index");
}
