//! PostgreSQL, the second database (issue 19), for sites that run several app servers
//! or must use a managed database. Its schema lives in `migrations/postgres`, written for
//! PostgreSQL (BIGINT identities, BOOLEAN, BYTEA, PL/pgSQL triggers) rather than shared
//! with SQLite's, and checked against SQLite's by the tests beside this file: same
//! tables, columns, keys and indexes, and triggers that write the same rows.

use super::DataResult;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;
use std::str::FromStr;
use std::time::Duration;

/// Opens a pool on the PostgreSQL database at `url` (`postgres://user:pass@host/db`) and
/// applies the pending migrations of `migrations/postgres`. Several app servers may call
/// it at once: sqlx takes an advisory lock around migrating, so one migrates and the
/// others wait and then find nothing to do.
pub(crate) async fn connect_postgres(url: &str) -> DataResult<PgPool> {
    migrated_pool(PgConnectOptions::from_str(url)?).await
}

/// What every connection sets. Times are written by the database (site_now()) in UTC
/// whatever the server's zone; this only keeps what psql and logs show in the same
/// zone. No JIT: the site's queries read a few rows by index, and PostgreSQL's JIT,
/// which compiles a query it guesses costly, took 140 ms to compile a section page's
/// query that then ran in 26.
fn session_settings(options: PgConnectOptions) -> PgConnectOptions {
    options.options([("timezone", "UTC"), ("jit", "off")])
}

/// A pool on the read replica at `url`, opened lazily: a replica that is down when the
/// server starts is left out until it answers, instead of stopping the site.
pub(crate) fn replica_pool(url: &str) -> DataResult<PgPool> {
    Ok(PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(2))
        .connect_lazy_with(session_settings(PgConnectOptions::from_str(url)?)))
}

/// The pool on `options`, with the site's PostgreSQL migrations applied.
pub(crate) async fn migrated_pool(options: PgConnectOptions) -> DataResult<PgPool> {
    let options = session_settings(options);
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await?;
    sqlx::migrate!("../migrations/postgres").run(&pool).await?;
    Ok(pool)
}

#[cfg(test)]
#[path = "postgres/tests.rs"]
mod tests;
