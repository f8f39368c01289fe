//! A storage that refuses writes (issue 18, point 7), on real SQLite files: reads go on,
//! and the write's error says "the storage refused", which the site turns into "nothing
//! could be saved for now" instead of "you did something wrong".

use super::test_db::stories;
use super::*;
use crate::model::Role;

/// An editor's account named `email`, as the back office creates it.
async fn editor(pool: &Db, email: &str) -> DataResult<i64> {
    crate::accounts::create_user(pool, email, "", Role::Editor, PASSWORD).await
}

const PASSWORD: &str = "correct horse battery";

/// The database of `db` opened again, read-only.
async fn read_only(db: &super::test_db::TestDb) -> Db {
    let file = db._dir.path().join("test.db");
    connect(&format!("sqlite://{}?mode=ro", file.display()))
        .await
        .expect("a read-only database still opens")
}

#[tokio::test]
async fn a_database_opened_read_only_answers_reads_and_its_writes_say_the_storage_refused() {
    let db = super::test_db::sqlite().await;
    crate::sql::query("INSERT INTO stories (kind) VALUES ('article')")
        .execute(&db.pool)
        .await
        .unwrap();
    let read_only = read_only(&db).await;
    assert_eq!(stories(&read_only).await, 1);

    let refused = editor(&read_only, "a@example.org").await.unwrap_err();
    assert!(refused.refuses_writes(), "{refused}");
    let refused = crate::write_tx(&read_only).await.map(drop);
    let refused = match refused {
        Err(err) => err,
        // Some SQLite builds only refuse at the first write of the transaction.
        Ok(()) => crate::sql::query("INSERT INTO stories (kind) VALUES ('article')")
            .execute(&read_only)
            .await
            .map_err(DataError::from)
            .unwrap_err(),
    };
    assert!(refused.refuses_writes(), "{refused}");
    assert_eq!(stories(&db.pool).await, 1, "nothing was written");
}

/// A pool on the database of `db` that may not grow past the pages it has: SQLite's own
/// "database or disk is full" (`SQLITE_FULL`), as on a full disk.
async fn full(db: &super::test_db::TestDb) -> Db {
    let file = db._dir.path().join("test.db");
    let pages: i64 = crate::sql::query_scalar("PRAGMA page_count")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", file.display()))
        .unwrap()
        .pragma("max_page_count", pages.to_string());
    Db::from_sqlite(
        super::pool_options()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap(),
    )
}

#[tokio::test]
async fn an_editor_stays_logged_in_on_a_database_that_refuses_writes() {
    let db = super::test_db::sqlite().await;
    editor(&db.pool, "ed@example.org").await.unwrap();
    let logged_in =
        crate::accounts::log_in(&db.pool, "ed@example.org", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
    let crate::accounts::LogIn::Accepted { token, .. } = logged_in else {
        panic!("logged in");
    };
    let read_only = read_only(&db).await;
    let user = crate::accounts::session_user(&read_only, &token)
        .await
        .unwrap();
    assert_eq!(
        user.map(|user| user.email).as_deref(),
        Some("ed@example.org")
    );
    assert!(crate::accounts::session_user(&read_only, "not-a-token")
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn a_full_database_answers_reads_and_its_writes_say_the_storage_refused() {
    let db = super::test_db::sqlite().await;
    let full = full(&db).await;
    let filler = "x".repeat(64 * 1024);
    let refused = crate::sql::query("INSERT INTO site_secrets (name, value) VALUES ('filler', ?)")
        .bind(filler.as_bytes())
        .execute(&full)
        .await
        .map_err(DataError::from)
        .unwrap_err();
    assert!(refused.refuses_writes(), "{refused}");
    assert_eq!(stories(&full).await, 0, "reads go on");
}

#[tokio::test]
async fn a_write_refused_for_a_full_disk_leaves_its_connection_fit_for_the_next() {
    let db = super::test_db::sqlite().await;
    // One connection, so the next write gets the one whose write was refused.
    let full = full(&db).await;
    let filler = "x".repeat(64 * 1024);
    let mut tx = crate::write_tx(&full).await.unwrap();
    crate::sql::query("INSERT INTO stories (kind) VALUES ('article')")
        .execute(&mut tx)
        .await
        .unwrap();
    // SQLite rolls the whole transaction back itself on SQLITE_FULL.
    let refused = crate::sql::query("INSERT INTO site_secrets (name, value) VALUES ('filler', ?)")
        .bind(filler.as_bytes())
        .execute(&mut tx)
        .await
        .map_err(DataError::from)
        .unwrap_err();
    assert!(refused.refuses_writes(), "{refused}");
    drop(tx);
    // Room again (the limit is the connection's own).
    crate::sql::query("PRAGMA max_page_count = 1073741823")
        .execute(&full)
        .await
        .unwrap();
    let mut tx = crate::write_tx(&full).await.expect("a new write begins");
    crate::sql::query("INSERT INTO stories (kind) VALUES ('article')")
        .execute(&mut tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(stories(&db.pool).await, 1, "the refused write left nothing");
}

#[tokio::test]
async fn a_refused_post_of_bad_data_is_not_a_storage_refusal() {
    let db = super::test_db::sqlite().await;
    editor(&db.pool, "a@example.org").await.unwrap();
    let duplicate = editor(&db.pool, "a@example.org").await.unwrap_err();
    assert!(!duplicate.refuses_writes(), "{duplicate}");
    assert!(!DataError::Invalid("bad".into()).refuses_writes());
}

#[test]
fn a_file_system_that_is_full_or_read_only_refuses_writes() {
    use std::io::{Error, ErrorKind};
    for kind in [
        ErrorKind::StorageFull,
        ErrorKind::ReadOnlyFilesystem,
        ErrorKind::PermissionDenied,
    ] {
        assert!(DataError::Io(Error::from(kind)).refuses_writes(), "{kind}");
    }
    assert!(!DataError::Io(Error::from(ErrorKind::InvalidData)).refuses_writes());
}

#[tokio::test]
async fn a_write_that_returns_its_id_fails_on_a_full_database_instead_of_vanishing() {
    let db = super::test_db::sqlite().await;
    let full = full(&db).await;
    let mail = crate::mail_queue::Mail {
        to_addr: "amina@example.org".into(),
        subject: "Votre message".into(),
        text_body: "x".repeat(64 * 1024),
        html_body: String::new(),
        unsubscribe_url: None,
        reply_to: None,
        attachment_of: None,
    };
    let queued = crate::mail_queue::enqueue(&full, &mail).await;
    let kept: i64 = crate::sql::query_scalar("SELECT COUNT(*) FROM mail_queue")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    match queued {
        Ok(id) => panic!("mail {id} said queued, {kept} row(s) kept"),
        Err(err) => assert!(err.refuses_writes(), "{err}"),
    }
}

/// Every `.rs` file under `dir`, but the tests' own.
fn sources(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs")
            && path.file_name().is_some_and(|name| name != "tests.rs")
        {
            found.push(path);
        }
    }
}

#[test]
fn returning_is_read_to_the_end() {
    // See `Written`: a write read with `fetch_one` can be lost without an error.
    let mut files = Vec::new();
    sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut stopped_early = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("RETURNING") {
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let comment = text[line_start..at].trim_start().starts_with("//");
            if comment || text[..at].ends_with('"') {
                continue; // documentation, or this test's own words
            }
            let rest = &text[at..];
            let fetch = rest.find(".fetch_").map(|i| &rest[i..]);
            if fetch.is_some_and(|call| !call.starts_with(".fetch_all(")) {
                let line = text[..at].lines().count();
                stopped_early.push(format!("{}:{line}", file.display()));
            }
        }
    }
    assert!(
        stopped_early.is_empty(),
        "read with fetch_all: {stopped_early:?}"
    );
}
