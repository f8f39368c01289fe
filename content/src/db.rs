//! The database connection: one way to open the site's database (SQLite or PostgreSQL,
//! by its address) and the errors of the data layer. The handles and the query API are
//! `crate::sql`.

use crate::sql::Db;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// Errors of the data layer. Callers map them to translated messages; details are logged.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("invalid data: {0}")]
    Invalid(String),
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

impl DataError {
    /// Whether a write was refused because another row already holds its value of
    /// `column` under a unique key: two writers raced for the same value, an address most often
    /// (what a check before the write cannot rule out once several servers write).
    pub fn is_taken(&self, column: &str) -> bool {
        match self {
            DataError::Database(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                // SQLite names the columns ("UNIQUE constraint failed: t.lang, t.slug"),
                // PostgreSQL the constraint or index ("…_lang_slug_key").
                db.message().contains(column) || db.constraint().is_some_and(|c| c.contains(column))
            }
            _ => false,
        }
    }

    /// Whether the storage refused to write: a read-only database or file system, a full
    /// disk, a failing device. The site goes on answering reads; whoever posted is told
    /// that nothing could be saved for now, not that they did something wrong.
    pub fn refuses_writes(&self) -> bool {
        use std::io::ErrorKind;
        match self {
            DataError::Database(sqlx::Error::Database(db)) => {
                if let Some(postgres) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                    // Disk full, a read-only transaction (a replica, or a database set
                    // read-only), an I/O error.
                    return matches!(postgres.code(), "53100" | "25006" | "58030");
                }
                // SQLite's extended codes carry the primary one in their low byte.
                let primary = db
                    .code()
                    .and_then(|code| code.parse::<i32>().ok())
                    .map(|c| c & 0xff);
                matches!(
                    primary,
                    Some(SQLITE_READONLY | SQLITE_IOERR | SQLITE_FULL | SQLITE_CANTOPEN)
                )
            }
            DataError::Database(sqlx::Error::Io(io)) | DataError::Io(io) => matches!(
                io.kind(),
                ErrorKind::StorageFull
                    | ErrorKind::ReadOnlyFilesystem
                    | ErrorKind::QuotaExceeded
                    | ErrorKind::FileTooLarge
                    | ErrorKind::PermissionDenied
            ),
            _ => false,
        }
    }
}

// SQLite's primary result codes for a storage that refuses writes (sqlite3.h).
const SQLITE_READONLY: i32 = 8;
const SQLITE_IOERR: i32 = 10;
const SQLITE_FULL: i32 = 13;
const SQLITE_CANTOPEN: i32 = 14;

/// Result type of every data-layer function.
pub type DataResult<T> = Result<T, DataError>;

/// The rows of a write that returns them (`INSERT … RETURNING`), always read with
/// `fetch_all`, never `fetch_one` or `fetch_optional`. Outside a transaction SQLite
/// commits such a statement only once its last row is read: `fetch_one` stops at the
/// first, and if the commit then fails (a full disk) sqlx never sees the error, so the
/// id comes back while the row is rolled back. Reading every row runs the statement
/// through its commit and returns that error. (`returning_is_read_to_the_end` in the
/// tests keeps it so.)
pub(crate) trait Written<T> {
    /// The one row the write returned.
    fn written(self) -> DataResult<T>;
    /// The row the write returned, if it changed one.
    fn maybe_written(self) -> DataResult<Option<T>>;
}

impl<T> Written<T> for Vec<T> {
    fn written(self) -> DataResult<T> {
        self.maybe_written()?
            .ok_or(DataError::Database(sqlx::Error::RowNotFound))
    }

    fn maybe_written(self) -> DataResult<Option<T>> {
        Ok(self.into_iter().next())
    }
}

/// Opens the site's database at `url` and applies pending migrations: the one way the
/// app gets its [`Db`]. `sqlite://path/site.db` (created if needed, in WAL mode with
/// foreign keys enforced) or `postgres://user:password@host/database`.
pub async fn connect(url: &str) -> DataResult<Db> {
    if is_postgres(url) {
        return Ok(Db::from_postgres(postgres::connect_postgres(url).await?));
    }
    let options = site_options(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5));
    if let Some(parent) = options.get_filename().parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    migrated_pool(options).await
}

/// Opens the site's database at `url` as [`connect`] does, with PostgreSQL's read
/// replicas at `read_urls` (`DATABASE_READ_URLS`; see `sql::replicas`). Replicas are
/// not migrated: they replay what the primary does. They need a PostgreSQL primary.
pub async fn connect_with_replicas(url: &str, read_urls: &[String]) -> DataResult<Db> {
    if read_urls.is_empty() {
        return connect(url).await;
    }
    if !is_postgres(url) {
        return Err(DataError::Invalid(
            "read replicas (DATABASE_READ_URLS) need a PostgreSQL DATABASE_URL".to_owned(),
        ));
    }
    let mut replicas = Vec::with_capacity(read_urls.len());
    for read_url in read_urls {
        if !is_postgres(read_url) {
            return Err(DataError::Invalid(format!(
                "read replica {} is not a postgres:// address",
                display_url(read_url)
            )));
        }
        replicas.push((postgres::replica_pool(read_url)?, display_url(read_url)));
    }
    let primary = connect(url).await?;
    Ok(primary.with_replicas(crate::sql::replicas::Replicas::new(replicas)))
}

/// Opens the existing database at `url` without writing anything, not even SQLite's
/// shared-memory index: for a site whose disk is full when it starts (that index needs
/// room of its own). Readers are served; every write is refused as by a read-only
/// database, until the server is restarted with room on the disk. The write-ahead log
/// is not read: a clean stop leaves none, and after a crash its last writes only show
/// once the site runs normally again.
pub async fn connect_read_only(url: &str) -> DataResult<Db> {
    if is_postgres(url) {
        // The server's own disk is not where PostgreSQL writes: nothing to work around.
        return connect(url).await;
    }
    migrated_pool(site_options(url)?.read_only(true).immutable(true)).await
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// `url` as it may be shown in a log or an error: without its password.
pub fn display_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) if rest[..at].contains(':') => {
            let user = rest[..at].split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***{}", &rest[at..])
        }
        _ => url.to_owned(),
    }
}

/// What every connection to the site's database sets, writing or not.
fn site_options(url: &str) -> DataResult<SqliteConnectOptions> {
    supported(url)?;
    Ok(SqliteConnectOptions::from_str(url)?
        .foreign_keys(true)
        // Reads of a large archive (the search index above all) come from memory-mapped
        // pages and a 16 MiB page cache per connection instead of 2 MiB of copies.
        .pragma("mmap_size", "268435456")
        .pragma("cache_size", "-16384"))
}

/// The pool on `options`, with the site's migrations applied (on a read-only database
/// this only checks that none is missing).
async fn migrated_pool(options: SqliteConnectOptions) -> DataResult<Db> {
    let pool = pool_options()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sqlx::migrate!("../migrations/sqlite").run(&pool).await?;
    Ok(Db::from_sqlite(pool))
}

/// How the site's SQLite pools keep their connections. SQLite rolls a transaction back
/// by itself when a write finds the disk full; sqlx 0.8 then fails at its own ROLLBACK
/// and goes on counting the transaction as open, so every transaction begun later on
/// that connection would fail ("non-zero transaction depth"), full disk or not. Such a
/// connection is closed when it comes back to the pool instead of being handed out.
pub(crate) fn pool_options() -> SqlitePoolOptions {
    SqlitePoolOptions::new().after_release(|connection, _| {
        Box::pin(async move { Ok(!sqlx::Connection::is_in_transaction(connection)) })
    })
}

/// SQLite and PostgreSQL are the databases the server stores its data in. Any other
/// address is refused before anything is opened: sqlx would read `mysql://host/site` as
/// a file path and quietly create a new, empty site in a folder named `mysql:`. The
/// message names the scheme only, as the rest may hold a password.
fn supported(url: &str) -> DataResult<()> {
    if url.starts_with("sqlite:") {
        return Ok(());
    }
    let scheme = url.split_once(':').map_or("(none)", |(scheme, _)| scheme);
    Err(DataError::Invalid(format!(
        "DATABASE_URL: the scheme {scheme:?} is not supported; give an SQLite file as \
         sqlite://path/to/site.db or a PostgreSQL database as postgres://user:password@host/name"
    )))
}

#[cfg(test)]
#[path = "db/refusals.rs"]
mod refusals;

#[path = "db/postgres.rs"]
mod postgres;

#[cfg(test)]
pub(crate) mod test_db {
    //! A fresh, migrated database in a temporary directory for each test.
    use super::*;
    use crate::{accounts, seed};

    /// Keeps the temp dir alive as long as the pool.
    pub struct TestDb {
        pub pool: Db,
        pub _dir: tempfile::TempDir,
    }

    /// A back-office account of `role` as its session sees it (French back office).
    pub async fn account(
        pool: &Db,
        email: &str,
        role: crate::model::Role,
    ) -> crate::model::SessionUser {
        let id = accounts::create_user(pool, email, "", role, "correct horse battery")
            .await
            .expect("account");
        crate::model::SessionUser {
            id,
            email: email.into(),
            name: String::new(),
            role,
            lang: crate::lang::Lang::Fr,
        }
    }

    /// How many stories the database holds.
    pub async fn stories(pool: &Db) -> i64 {
        crate::sql::query_scalar("SELECT COUNT(*) FROM stories")
            .fetch_one(pool)
            .await
            .unwrap()
    }

    /// A fresh database of the backend under test: SQLite, or PostgreSQL when
    /// `TEST_BACKEND=postgres` (the data layer's suite run a second time, on the
    /// PostgreSQL cluster of [`postgres_empty`]).
    pub async fn empty() -> TestDb {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("postgres") {
            let dir = tempfile::tempdir().expect("temp dir");
            return TestDb {
                pool: postgres_empty().await,
                _dir: dir,
            };
        }
        sqlite().await
    }

    /// A fresh SQLite database whatever the backend under test, for what is SQLite's
    /// own (its file, its limits) and for comparing the two.
    pub async fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        let pool = connect(&url).await.expect("connect");
        TestDb { pool, _dir: dir }
    }

    #[tokio::test]
    async fn every_story_kind_is_one_the_database_accepts_and_only_those() {
        let db = empty().await;
        for kind in crate::model::StoryKind::ALL {
            crate::sql::query("INSERT INTO stories (kind) VALUES (?)")
                .bind(kind)
                .execute(&db.pool)
                .await
                .unwrap_or_else(|e| panic!("{kind}: {e}"));
        }
        assert!(
            crate::sql::query("INSERT INTO stories (kind) VALUES ('post')")
                .execute(&db.pool)
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn a_database_address_of_another_kind_is_refused_without_creating_anything() {
        for url in ["mysql://site:secret@db/site", "site.db"] {
            let refused = connect(url).await.unwrap_err().to_string();
            assert!(refused.contains("is not supported"), "{url}: {refused}");
            assert!(!refused.contains("secret"), "{url}: {refused}");
        }
        // What sqlx would have made of the first address (tests run in the crate's folder).
        assert!(!std::path::Path::new("mysql:").exists());
        // A PostgreSQL address is a server to reach, never a file.
        let unreachable = connect("postgres://site:secret@127.0.0.1:9/site").await;
        let err = unreachable.map(drop).unwrap_err().to_string();
        assert!(!err.contains("secret"), "{err}");
        assert!(!std::path::Path::new("postgres:").exists());
    }

    #[test]
    fn addresses_are_shown_without_their_password() {
        assert_eq!(
            display_url("postgres://site:s3cr@t@db.example:5432/site?sslmode=require"),
            "postgres://site:***@db.example:5432/site?sslmode=require"
        );
        assert_eq!(
            display_url("postgres://site@db.example/site"),
            "postgres://site@db.example/site"
        );
        assert_eq!(
            display_url("sqlite://data/site.db"),
            "sqlite://data/site.db"
        );
        assert_eq!(
            display_url("postgres://db.example/site"),
            "postgres://db.example/site"
        );
    }

    #[tokio::test]
    async fn migrations_create_schema_on_empty_file_and_rerun_cleanly() {
        let db = sqlite().await;
        let langs: Vec<String> =
            crate::sql::query_scalar("SELECT code FROM languages ORDER BY position")
                .fetch_all(&db.pool)
                .await
                .unwrap();
        // The database knows the same languages, in the same order, as `Lang`.
        let codes: Vec<&str> = crate::lang::Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(langs, codes);
        let fk: i64 = crate::sql::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(fk, 1, "foreign keys enforced");
        let mode: String = crate::sql::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        // Opening the same file again applies nothing twice.
        let url = format!("sqlite://{}", db._dir.path().join("test.db").display());
        let again = connect(&url).await.expect("reconnect");
        assert!(seed::is_empty(&again).await.unwrap());
        // A file in a folder that does not exist yet is created with its folder.
        let nested = format!("sqlite://{}", db._dir.path().join("a/b/site.db").display());
        connect(&nested).await.expect("nested path");
    }

    /// A fresh, migrated PostgreSQL database for one test, in the cluster that
    /// `TEST_POSTGRES_URL` names (`scripts/test` starts one with `scripts/postgres`).
    /// Without it the test fails: a backend that is not tested is not supported.
    pub async fn postgres_empty() -> Db {
        use sqlx::postgres::PgConnectOptions;
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let url = std::env::var("TEST_POSTGRES_URL").expect(
            "TEST_POSTGRES_URL names no PostgreSQL cluster: start a throwaway one with \
             `scripts/postgres start DIR` and export the address it prints",
        );
        let cluster = PgConnectOptions::from_str(&url).expect("TEST_POSTGRES_URL");
        let name = format!(
            "test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin: sqlx::PgConnection = sqlx::Connection::connect_with(&cluster)
            .await
            .expect("connect to TEST_POSTGRES_URL");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create a test database");
        Db::from_postgres(
            postgres::migrated_pool(cluster.database(&name))
                .await
                .expect("migrate the test database"),
        )
    }

    pub async fn with_demo() -> TestDb {
        let db = empty().await;
        let media = db._dir.path().join("media");
        seed::seed_demo(&db.pool, &media).await.expect("seed");
        db
    }
}
