//! Read replicas on a real streaming replica: `TEST_POSTGRES_REPLICA_URL` names a hot
//! standby of `TEST_POSTGRES_URL`'s cluster (`scripts/postgres replica`), which
//! `scripts/test` starts. Replay is paused to make the replica visibly behind.

use super::*;
use crate::db::test_db;
use crate::lang::Lang;

#[test]
fn only_the_wrote_cookie_sends_reads_to_the_primary() {
    assert!(wrote_recently("lang=ar; ccme_wrote=1"));
    assert!(wrote_recently("ccme_wrote=1"));
    assert!(!wrote_recently("lang=ar"));
    assert!(!wrote_recently("x_ccme_wrote=1; ccme_wrotex=1"));
    assert!(!wrote_recently(""));
    assert!(wrote_cookie().starts_with("ccme_wrote=1; Max-Age=10;"));
}

#[tokio::test]
async fn replicas_need_a_postgresql_primary() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("site.db").display());
    let refused = crate::connect_with_replicas(&url, &["postgres://site@127.0.0.1:9/site".into()])
        .await
        .map(drop)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("need a PostgreSQL DATABASE_URL"),
        "{refused}"
    );
}

/// `url` with its database name replaced by `name`.
fn on_database(url: &str, name: &str) -> String {
    let (cluster, _) = url.rsplit_once('/').expect("a database in the address");
    format!("{cluster}/{name}")
}

/// Pauses or resumes the replica's replay of what the primary writes.
async fn replay(replica: &Db, on: bool) {
    let call = if on {
        "pg_wal_replay_resume()"
    } else {
        "pg_wal_replay_pause()"
    };
    sqlx::query(&format!("SELECT {call}"))
        .execute(replica.postgres_pool().unwrap())
        .await
        .unwrap();
}

#[tokio::test]
async fn readers_read_a_replica_and_writes_go_to_the_primary() {
    let replica_cluster = std::env::var("TEST_POSTGRES_REPLICA_URL").expect(
        "TEST_POSTGRES_REPLICA_URL names no replica: start one with \
         `scripts/postgres replica PORT DIR` and export the address it prints",
    );
    let primary_cluster = std::env::var("TEST_POSTGRES_URL").expect("TEST_POSTGRES_URL");
    let fresh = test_db::postgres_empty().await;
    crate::seed::seed_demo(&fresh, &tempfile::tempdir().unwrap().path().join("media"))
        .await
        .unwrap();
    let name: String = sqlx::query_scalar("SELECT current_database()")
        .fetch_one(fresh.postgres_pool().unwrap())
        .await
        .unwrap();
    fresh.close().await;
    let replica_url = on_database(&replica_cluster, &name);
    let db = crate::connect_with_replicas(&on_database(&primary_cluster, &name), &[replica_url])
        .await
        .unwrap();
    assert_eq!(db.replica_count(), 1);
    assert!(db.wait_for_replicas(Duration::from_secs(30)).await.unwrap());
    let replica = db.reader();
    assert!(
        replica.replicas.is_none(),
        "the reader is the replica itself"
    );

    let (id, slug): (i64, String) = crate::sql::query_as(
        "SELECT id, slug FROM story_translations
         WHERE lang = 'fr' AND kind = 'article' AND status = 'published' ORDER BY id LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let title = |db: Db| {
        let slug = slug.clone();
        async move {
            crate::pages::story(&db, Lang::Fr, &slug, false)
                .await
                .unwrap()
                .expect("the article")
                .card
                .title
        }
    };
    let before = title(db.reader()).await;

    // The replica falls behind: what the primary now holds is not on it yet.
    replay(&replica, false).await;
    crate::sql::query("UPDATE story_translations SET title = 'Titre corrigé' WHERE id = ?")
        .bind(id)
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        title(db.clone()).await,
        "Titre corrigé",
        "the primary has it"
    );
    assert_eq!(
        title(db.reader()).await,
        before,
        "readers are served by the replica"
    );
    assert!(
        !db.wait_for_replicas(Duration::from_millis(300))
            .await
            .unwrap(),
        "a replica behind is waited for, and the wait says it did not catch up"
    );
    // A write sent to the replica is refused as a storage refusal, never applied.
    let write = crate::sql::query("UPDATE story_translations SET title = 'x' WHERE id = ?")
        .bind(id)
        .execute(&db.reader())
        .await
        .map(drop)
        .unwrap_err();
    assert!(crate::DataError::from(write).refuses_writes());

    // Replay resumes: the replica catches up, and the wait says so.
    replay(&replica, true).await;
    assert!(db.wait_for_replicas(Duration::from_secs(30)).await.unwrap());
    assert_eq!(title(db.reader()).await, "Titre corrigé");
    db.close().await;
    replica.close().await;
}
