//! PostgreSQL's read replicas (`DATABASE_READ_URLS`, issue 19). A replica is a copy the
//! primary streams its changes to, some milliseconds behind (seconds under load, more
//! if the link breaks). What readers are shown (pages, feeds, sitemaps, search) may
//! come from one; everything else stays on the primary:
//! - writes, and every read of the back office, its sessions, the jobs and the forms;
//! - a browser's reads for [`OWN_WRITES_FOR`] after it wrote (the [`WROTE_COOKIE`] the
//!   server sets on every post), so a reader or editor sees what they just did;
//! - the caches in front are purged only once every replica has what was written
//!   ([`Db::wait_for_replicas`]): a page they keep again after a purge is the new one.
//!
//! A replica that does not answer, or lags more than [`MOST_LAG`] behind, is left out
//! until it is back ([`Db::watch_replicas`]); with none left, readers are served by the
//! primary.

use super::{Db, Pool};
use crate::DataResult;
use sqlx::PgPool;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The cookie that sends a browser's reads to the primary for a while after it wrote.
pub const WROTE_COOKIE: &str = "ccme_wrote";
/// How long after a write a browser reads from the primary: well beyond a healthy
/// replica's lag (milliseconds), short enough not to load the primary.
pub const OWN_WRITES_FOR: Duration = Duration::from_secs(10);
/// A replica further behind than this is not read from.
pub const MOST_LAG: Duration = Duration::from_secs(30);
/// How often the replicas are looked at.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// A replica that does not answer a check within this is left out.
const ANSWER_WITHIN: Duration = Duration::from_secs(2);

/// The replicas of a [`Db`], read in turn.
#[derive(Debug)]
pub struct Replicas {
    list: Vec<Replica>,
    next: AtomicUsize,
}

#[derive(Debug)]
struct Replica {
    pool: PgPool,
    /// Its address without the password, for the log.
    shown: String,
    /// Answered the last check and was not too far behind.
    usable: AtomicBool,
}

impl Replicas {
    /// Replicas on `pools` (each with its address as shown in logs), all usable.
    pub(crate) fn new(pools: Vec<(PgPool, String)>) -> Replicas {
        Replicas {
            list: pools
                .into_iter()
                .map(|(pool, shown)| Replica {
                    pool,
                    shown,
                    usable: AtomicBool::new(true),
                })
                .collect(),
            next: AtomicUsize::new(0),
        }
    }

    /// The next usable replica in turn.
    fn next_usable(&self) -> Option<&PgPool> {
        let count = self.list.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        (0..count)
            .map(|step| &self.list[(start + step) % count])
            .find(|replica| replica.usable.load(Ordering::Relaxed))
            .map(|replica| &replica.pool)
    }
}

impl Db {
    /// The primary with `replicas` to read from.
    pub(crate) fn with_replicas(self, replicas: Replicas) -> Db {
        Db {
            replicas: (!replicas.list.is_empty()).then(|| Arc::new(replicas)),
            ..self
        }
    }

    /// How many read replicas this database has.
    pub fn replica_count(&self) -> usize {
        self.replicas.as_ref().map_or(0, |r| r.list.len())
    }

    /// A handle for what readers are shown: the next usable replica, or this database
    /// itself when it has none (SQLite, a primary alone, every replica left out). Never
    /// for writes, nor for a read that must see a write just made.
    pub fn reader(&self) -> Db {
        match self.replicas.as_ref().and_then(|r| r.next_usable()) {
            Some(pool) => Db {
                pool: Pool::Postgres(pool.clone()),
                replicas: None,
            },
            None => self.clone(),
        }
    }

    /// Waits until every usable replica has what the primary holds now, at most
    /// `within`: whether they all have. At once without replicas. "Now" is [`wal_end`].
    pub async fn wait_for_replicas(&self, within: Duration) -> DataResult<bool> {
        let (Some(replicas), Pool::Postgres(primary)) = (&self.replicas, &self.pool) else {
            return Ok(true);
        };
        let written = wal_end(primary).await?;
        let deadline = Instant::now() + within;
        for replica in &replicas.list {
            while replica.usable.load(Ordering::Relaxed) && !has(&replica.pool, &written).await {
                if Instant::now() >= deadline {
                    return Ok(false);
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
        Ok(true)
    }

    /// Starts checking the replicas every second (inside a Tokio runtime): one that does
    /// not answer, or has not yet replayed what the primary held [`MOST_LAG`] ago, is
    /// left out until it is back. Each change is logged once.
    pub fn watch_replicas(&self) {
        let (Some(replicas), Pool::Postgres(primary)) = (self.replicas.clone(), &self.pool) else {
            return;
        };
        let primary = primary.clone();
        tokio::spawn(async move {
            // What the primary held, and when: the oldest within MOST_LAG is the mark.
            let mut written: VecDeque<(Instant, String)> = VecDeque::new();
            loop {
                let now = Instant::now();
                if let Ok(Ok(lsn)) = tokio::time::timeout(ANSWER_WITHIN, wal_end(&primary)).await {
                    written.push_back((now, lsn));
                }
                while written.len() > 1 && now.duration_since(written[1].0) >= MOST_LAG {
                    written.pop_front();
                }
                let mark = written
                    .front()
                    .filter(|(at, _)| now.duration_since(*at) >= MOST_LAG)
                    .map(|(_, lsn)| lsn.clone());
                for replica in &replicas.list {
                    let usable = match &mark {
                        Some(mark) => tokio::time::timeout(ANSWER_WITHIN, has(&replica.pool, mark))
                            .await
                            .unwrap_or(false),
                        None => tokio::time::timeout(ANSWER_WITHIN, answers(&replica.pool))
                            .await
                            .unwrap_or(false),
                    };
                    if replica.usable.swap(usable, Ordering::Relaxed) != usable {
                        if usable {
                            tracing::warn!(replica = %replica.shown, "read replica back in use");
                        } else {
                            tracing::error!(
                                replica = %replica.shown,
                                "read replica left out: it does not answer or is more than {} s behind",
                                MOST_LAG.as_secs()
                            );
                        }
                    }
                }
                tokio::time::sleep(CHECK_EVERY).await;
            }
        });
    }
}

/// The end of the primary's write-ahead log as inserted, not as written: with
/// asynchronous commit a commit may not be written out yet, and a replica at the
/// written end would miss it.
async fn wal_end(primary: &PgPool) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT CAST(pg_current_wal_insert_lsn() AS TEXT)")
        .fetch_one(primary)
        .await
}

/// Has `replica` replayed the primary's write-ahead log up to `lsn`? (No when it does
/// not answer.)
async fn has(replica: &PgPool, lsn: &str) -> bool {
    sqlx::query_scalar("SELECT COALESCE(pg_last_wal_replay_lsn() >= CAST($1 AS pg_lsn), FALSE)")
        .bind(lsn)
        .fetch_one(replica)
        .await
        .unwrap_or(false)
}

async fn answers(replica: &PgPool) -> bool {
    sqlx::query("SELECT 1").execute(replica).await.is_ok()
}

/// Does a request's `Cookie` header say its browser wrote within [`OWN_WRITES_FOR`]
/// (so its reads go to the primary)?
pub fn wrote_recently(cookie_header: &str) -> bool {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .any(|(name, _)| name == WROTE_COOKIE)
}

/// The `Set-Cookie` value a write's answer carries (see [`WROTE_COOKIE`]): it expires
/// by itself after [`OWN_WRITES_FOR`] and tells nothing about who wrote.
pub fn wrote_cookie() -> String {
    format!(
        "{WROTE_COOKIE}=1; Max-Age={}; Path=/; HttpOnly; SameSite=Lax",
        OWN_WRITES_FOR.as_secs()
    )
}

#[cfg(test)]
#[path = "replicas/tests.rs"]
mod tests;
