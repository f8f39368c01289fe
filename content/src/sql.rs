//! One query API over the site's two databases (issue 19). The data layer writes
//! `query_as(SQL).bind(x).fetch_all(pool)` as it would with sqlx, and the same call runs
//! on SQLite or PostgreSQL, whichever [`Db`] it is given, through sqlx's own driver for
//! each: values are encoded and rows decoded with that driver's types, so nothing is
//! squeezed through a common type as `sqlx::Any` would (which has no dates, no BYTEA
//! sizes, no custom types). The price is that a row or a bound value must have both
//! drivers' sqlx traits, which the compiler checks.
//!
//! SQL is written once where both databases read it the same way. Placeholders are
//! SQLite's `?` and `?N`; on PostgreSQL they become `$N` (outside quoted text). Where the
//! dialects differ the call gives both texts with [`Sql::each`], side by side, or uses
//! the fragments of [`dialect`]. This module holds the handles ([`Db`], [`Tx`]); the
//! query API is in `sql/query.rs`.

use crate::DataResult;
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool};

pub mod dialect;
mod query;
pub mod replicas;

pub(crate) use query::{dialect_const, dialect_sql, for_each_dialect};
pub use query::{
    query, query_as, query_scalar, Bound, Done, Query, QueryAs, QueryBuilder, QueryScalar, Sql,
};

/// The site's database: one SQLite file (the default) or a PostgreSQL server, with its
/// read replicas if any ([`Db::reader`]). Every data-layer function takes it; cloning it
/// is cheap (the pools are shared handles).
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    /// PostgreSQL's read replicas (`DATABASE_READ_URLS`); none on a handle of one.
    replicas: Option<std::sync::Arc<replicas::Replicas>>,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The yes/no columns: `INTEGER` 0/1 in SQLite, `BOOLEAN` in PostgreSQL (read and
/// written as Rust's `bool` on both).
pub const BOOLEAN_COLUMNS: &[(&str, &str)] = &[("stories", "featured"), ("users", "disabled")];

/// Which database a [`Db`] is, for what differs outside SQL (backups, messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Db {
    /// The site on an SQLite pool (opened by `connect`).
    pub fn from_sqlite(pool: SqlitePool) -> Db {
        Db {
            pool: Pool::Sqlite(pool),
            replicas: None,
        }
    }

    /// The site on a PostgreSQL pool (opened by `connect`).
    pub fn from_postgres(pool: PgPool) -> Db {
        Db {
            pool: Pool::Postgres(pool),
            replicas: None,
        }
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite pool, for what only SQLite has (a backup is a copy of its file; its
    /// connection limits and read-only opening) and for tests that look at the file.
    pub fn sqlite_pool(&self) -> Option<&SqlitePool> {
        match &self.pool {
            Pool::Sqlite(pool) => Some(pool),
            Pool::Postgres(_) => None,
        }
    }

    /// Closes every connection (a server stopping, a test releasing its file).
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// Whether [`Db::close`] was called: the background jobs stop then, instead of
    /// logging a failed turn each time until the process ends.
    pub fn is_closed(&self) -> bool {
        match &self.pool {
            Pool::Sqlite(pool) => pool.is_closed(),
            Pool::Postgres(pool) => pool.is_closed(),
        }
    }

    /// The PostgreSQL pool, for tests that look at the server's catalogue.
    pub fn postgres_pool(&self) -> Option<&PgPool> {
        match &self.pool {
            Pool::Sqlite(_) => None,
            Pool::Postgres(pool) => Some(pool),
        }
    }
}

/// Begins a transaction that writes. On SQLite it is `BEGIN IMMEDIATE`, which takes the
/// write lock at once (waiting up to the busy timeout if another writer holds it): a
/// transaction that reads before it writes would otherwise fail with `SQLITE_BUSY`
/// whenever another connection committed in between, which the busy timeout does not
/// retry. PostgreSQL's row locks need nothing of the kind.
pub async fn write_tx(db: &Db) -> DataResult<Tx> {
    Ok(Tx(match &db.pool {
        Pool::Sqlite(pool) => TxOn::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
        Pool::Postgres(pool) => TxOn::Postgres(pool.begin().await?),
    }))
}

/// Begins a transaction that only reads: its statements see the database at one moment
/// (on SQLite a deferred transaction, which takes no lock from writers; on PostgreSQL
/// a read-only one at REPEATABLE READ, whose default READ COMMITTED would give each
/// statement a moment of its own).
pub async fn read_tx(db: &Db) -> DataResult<Tx> {
    Ok(Tx(match &db.pool {
        Pool::Sqlite(pool) => TxOn::Sqlite(pool.begin().await?),
        Pool::Postgres(pool) => TxOn::Postgres(
            pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await?,
        ),
    }))
}

/// The right to run one turn of background job `job` (the scheduler, the mail worker,
/// the housekeeping): `None` while another app server on the same PostgreSQL database
/// runs its turn of it, which it then skips. Held until [`JobTurn::end`] (or dropped),
/// and let go of if the server dies mid-turn (it is a transaction's advisory lock). SQLite's file has one
/// server: always granted there.
pub async fn claim_job_turn(db: &Db, job: &str) -> DataResult<Option<JobTurn>> {
    let Pool::Postgres(pool) = &db.pool else {
        return Ok(Some(JobTurn(None)));
    };
    let mut tx = pool.begin().await?;
    let granted: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock(hashtext($1))")
        .bind(format!("ccme job: {job}"))
        .fetch_one(&mut *tx)
        .await?;
    Ok(granted.then_some(JobTurn(Some(tx))))
}

/// See [`claim_job_turn`]. Dropped, it is let go of as soon as its connection goes back
/// to the pool; [`JobTurn::end`] lets go of it at once.
#[must_use = "the turn ends when this is dropped"]
pub struct JobTurn(Option<sqlx::Transaction<'static, Postgres>>);

impl JobTurn {
    /// Ends the turn now: another server may take the next one.
    pub async fn end(self) -> DataResult<()> {
        if let Some(tx) = self.0 {
            tx.rollback().await?;
        }
        Ok(())
    }
}

/// A transaction on either database: what the data layer's `…_on` functions take, so
/// that a change and what goes with it (a mail, an audit line) land together or not at
/// all. Dropped without [`Tx::commit`], it rolls back.
pub struct Tx(TxOn);

enum TxOn {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

impl Tx {
    /// Which database the transaction is on.
    pub fn backend(&self) -> Backend {
        match self.0 {
            TxOn::Sqlite(_) => Backend::Sqlite,
            TxOn::Postgres(_) => Backend::Postgres,
        }
    }

    /// Makes the transaction's writes permanent.
    pub async fn commit(self) -> sqlx::Result<()> {
        match self.0 {
            TxOn::Sqlite(tx) => tx.commit().await,
            TxOn::Postgres(tx) => tx.commit().await,
        }
    }

    /// Undoes the transaction's writes.
    pub async fn rollback(self) -> sqlx::Result<()> {
        match self.0 {
            TxOn::Sqlite(tx) => tx.rollback().await,
            TxOn::Postgres(tx) => tx.rollback().await,
        }
    }
}

/// Where a statement runs: a pool (any free connection) or one transaction's connection.
pub enum Target<'c> {
    SqlitePool(&'c SqlitePool),
    Sqlite(&'c mut SqliteConnection),
    PostgresPool(&'c PgPool),
    Postgres(&'c mut PgConnection),
}

/// What a query can run on: the site's [`Db`] or a [`Tx`].
pub trait Executes<'c>: Send {
    /// The connection or pool to run on.
    fn target(self) -> Target<'c>;
}

impl<'c> Executes<'c> for &'c Db {
    fn target(self) -> Target<'c> {
        match &self.pool {
            Pool::Sqlite(pool) => Target::SqlitePool(pool),
            Pool::Postgres(pool) => Target::PostgresPool(pool),
        }
    }
}

impl<'c> Executes<'c> for &'c mut Tx {
    fn target(self) -> Target<'c> {
        match &mut self.0 {
            TxOn::Sqlite(tx) => Target::Sqlite(tx),
            TxOn::Postgres(tx) => Target::Postgres(tx),
        }
    }
}
