//! The server on PostgreSQL with a streaming read replica (issue 19, point 3):
//! `TEST_POSTGRES_URL` names the primary's cluster, `TEST_POSTGRES_REPLICA_URL` a hot
//! standby of it (`scripts/test` starts both with `scripts/postgres`). The replica's
//! replay is paused so that it is visibly behind: readers are then served what it
//! holds, while a browser that has just written reads the primary.

use crate::running::{get, get_with_cookie, server_command, write_to_the_editors, Site};
use content::lang::Lang;
use std::time::{Duration, Instant};

/// `cluster_url` with its database name replaced by `name`.
fn on_database(cluster_url: &str, name: &str) -> String {
    let (cluster, _) = cluster_url
        .rsplit_once('/')
        .expect("a database in the address");
    format!("{cluster}/{name}")
}

fn cluster(variable: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| {
        panic!(
            "{variable} is not set: scripts/test starts a PostgreSQL cluster and a replica \
             of it (scripts/postgres start / replica) and exports their addresses"
        )
    })
}

/// Connects to the database at `url` (a new connection each time: the replica may not
/// have the test's database yet) and runs `sql`: its first row, if any.
fn first_row(url: &str, sql: &str) -> Result<Option<()>, sqlx::Error> {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let mut connection: sqlx::PgConnection = sqlx::Connection::connect(url).await?;
        let row = sqlx::query(sql).fetch_optional(&mut connection).await?;
        Ok(row.map(|_| ()))
    })
}

/// Runs `sql` on the database at `url`.
fn run_sql(url: &str, sql: &str) {
    first_row(url, sql).unwrap();
}

/// Waits until the replica at `url` answers `sql` with a row (it replays the primary).
fn replica_has(url: &str, sql: &str) {
    let asked = Instant::now();
    while !matches!(first_row(url, sql), Ok(Some(()))) {
        assert!(
            asked.elapsed() < Duration::from_secs(60),
            "the replica replays in 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn readers_are_served_by_the_replica_and_whoever_just_wrote_by_the_primary() {
    let name = format!("replicas_{}", std::process::id());
    let primary_cluster = cluster("TEST_POSTGRES_URL");
    let replica_cluster = cluster("TEST_POSTGRES_REPLICA_URL");
    run_sql(&primary_cluster, &format!("DROP DATABASE IF EXISTS {name}"));
    run_sql(&primary_cluster, &format!("CREATE DATABASE {name}"));
    let (primary, replica) = (
        on_database(&primary_cluster, &name),
        on_database(&replica_cluster, &name),
    );
    let dir = tempfile::tempdir().unwrap();
    let port = 18_947;
    let seeded = server_command(&dir.path().join("unused.db"), 0)
        .env("DATABASE_URL", &primary)
        .arg("seed")
        .status()
        .unwrap();
    assert!(seeded.success());
    replica_has(&replica, "SELECT 1 FROM stories LIMIT 1");
    let site = Site(Some(
        server_command(&dir.path().join("unused.db"), port)
            .env("DATABASE_URL", &primary)
            .env("DATABASE_READ_URLS", &replica)
            .env("SITE_URL", format!("http://127.0.0.1:{port}"))
            .env("FORM_MIN_SECONDS", "0")
            // What is asserted is where pages are read from, not the server's copy.
            .env("PAGE_CACHE_MB", "0")
            .spawn()
            .unwrap(),
    ));
    let (status, home) = get(port, "/fr/");
    assert_eq!(status, 200);
    let at = home.find("href=\"/fr/article/").expect("an article") + 6;
    let article = home[at..].split('"').next().unwrap().to_owned();
    let slug = article.rsplit('/').next().unwrap().to_owned();

    // The replica falls behind; an editor elsewhere corrects the title on the primary.
    run_sql(&replica, "SELECT pg_wal_replay_pause()");
    run_sql(
        &primary,
        &format!(
            "UPDATE story_translations SET title = 'Titre corrigé par la rédaction'
             WHERE lang = 'fr' AND slug = '{slug}'"
        ),
    );
    let (status, page) = get(port, &article);
    assert_eq!(status, 200);
    assert!(
        !page.contains("Titre corrigé"),
        "a reader is served what the replica holds"
    );

    // Whoever writes gets the cookie, and with it reads the primary.
    let (status, answer) = write_to_the_editors(port, Lang::Fr, "Une question sur l'article.");
    assert_eq!(status, 303, "{answer}");
    let cookie = answer
        .lines()
        .find_map(|line| line.strip_prefix("set-cookie: ccme_wrote="))
        .expect("the answer to a write sets the cookie");
    assert!(cookie.contains("Max-Age=10"), "{cookie}");
    let (status, page) = get_with_cookie(port, &article, Some("ccme_wrote=1"));
    assert_eq!(status, 200);
    assert!(
        page.contains("Titre corrigé"),
        "who just wrote reads the primary"
    );
    let (_, page) = get(port, &article);
    assert!(
        !page.contains("Titre corrigé"),
        "others still read the replica"
    );

    // Replay resumes: every reader soon gets the correction.
    run_sql(&replica, "SELECT pg_wal_replay_resume()");
    let asked = Instant::now();
    while !get(port, &article).1.contains("Titre corrigé") {
        assert!(
            asked.elapsed() < Duration::from_secs(30),
            "the replica catches up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(site);
}
