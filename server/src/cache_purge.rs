//! Tells the caches what to forget (issue 17): the tags that writes queued
//! (`content::cache`), first to the server's own copy of pages (`http::page_cache`),
//! then to every cache of `CACHE_PURGE_URLS` as `PURGE` with an `xkey-purge` header
//! (deploy/varnish/default.vcl reads it).
//!
//! Each cache has its own place in the queue: one that does not answer is asked again,
//! later and later (up to a minute), while the others are purged at once, and it gets
//! everything it missed when it is back. A purge is never lost to a restart either: the
//! queue is in the database, confirmed cache by cache.

use crate::http::page_cache::PageCache;
use axum::body::Bytes;
use axum::http::{Method, Request, Uri};
use content::Db;
use http_body_util::Empty;
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

/// How often the queue is looked at: a published correction is served by the caches
/// within about this long (the issue asks for a second).
const POLL: Duration = Duration::from_millis(200);
/// A cache that does not answer within this is counted as down this time.
const ANSWER_WITHIN: Duration = Duration::from_secs(5);
/// The longest wait before asking a cache that is down again.
const LONGEST_WAIT: Duration = Duration::from_secs(60);
/// The longest an answer to a write waits for the caches ([`Purger::after_write`]).
const WRITE_WAITS_AT_MOST: Duration = Duration::from_secs(1);
/// The request header that lists the tags to forget.
pub const PURGE_HEADER: &str = "xkey-purge";

/// The purge addresses of `CACHE_PURGE_URLS` (comma- or space-separated), or why one
/// is not an address the job can send to.
pub fn parse_targets(setting: &str) -> Result<Vec<String>, String> {
    setting
        .split([',', ' '])
        .map(str::trim)
        .filter(|target| !target.is_empty())
        .map(|target| match target.parse::<Uri>() {
            Ok(uri) if uri.scheme_str() == Some("http") && uri.host().is_some() => {
                Ok(target.to_owned())
            }
            _ => Err(format!(
                "CACHE_PURGE_URLS: {target:?} is not an http:// address of a cache \
                 (e.g. http://127.0.0.1:6081/)"
            )),
        })
        .collect()
}

/// One cache and when to ask it next.
struct Cache {
    target: String,
    failures: u32,
    next_try: Instant,
}

/// The running purge job, as the answers to writes see it: an editor who is told
/// "saved" reads the new version through the caches at once ([`Purger::after_write`]).
#[derive(Clone)]
pub struct Purger {
    /// The server's own copy of pages, which the job purges first.
    pub pages: PageCache,
    wake: Arc<Notify>,
    /// The newest queued purge the job has sent to every cache that answers.
    sent_up_to: watch::Receiver<Option<i64>>,
}

impl Purger {
    /// When the queue holds a purge the job has not sent yet (the write just answered
    /// queued one), has the job send it now and waits until it did, at most a second:
    /// a cache that does not answer never holds up a write for longer.
    pub async fn after_write(&self, pool: &Db) {
        let Ok(Some(queued)) = content::cache::last_queued(pool).await else {
            return;
        };
        let mut sent = self.sent_up_to.clone();
        if sent.borrow().is_some_and(|sent| sent >= queued) {
            return;
        }
        self.wake.notify_one();
        let done = sent.wait_for(|sent| sent.is_some_and(|sent| sent >= queued));
        let _ = tokio::time::timeout(WRITE_WAITS_AT_MOST, done).await;
    }
}

/// Starts the job: purges the server's `pages`, then each of `targets`; with no
/// target, it then empties the queue.
pub fn spawn(pool: Db, targets: Vec<String>, pages: PageCache) -> Purger {
    let wake = Arc::new(Notify::new());
    let (sent_tx, sent_up_to) = watch::channel(None);
    let woken = wake.clone();
    let local = pages.clone();
    tokio::spawn(async move {
        // The copy of pages starts empty: it has nothing to forget of what was queued.
        let mut local_seen = content::cache::last_queued(&pool)
            .await
            .ok()
            .flatten()
            .unwrap_or(0);
        let client: Client<HttpConnector, Empty<Bytes>> =
            Client::builder(TokioExecutor::new()).build_http();
        let names = targets.clone();
        let mut caches: Vec<Cache> = targets
            .into_iter()
            .map(|target| Cache {
                target,
                failures: 0,
                next_try: Instant::now(),
            })
            .collect();
        let mut tick = tokio::time::interval(POLL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen = None;
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = woken.notified() => {}
            }
            if pool.is_closed() {
                return;
            }
            let last = match content::cache::last_queued(&pool).await {
                Ok(last) => last,
                Err(err) => {
                    tracing::error!(%err, "cache purge queue");
                    continue;
                }
            };
            let behind = caches.iter().any(|cache| cache.failures > 0);
            if last.is_none() || (last == seen && !behind) {
                continue;
            }
            // A cache purged before the read replicas have the change would keep the
            // old page again, read from a replica: the purge waits for them (one left
            // out for lagging is not waited for).
            match pool.wait_for_replicas(POLL).await {
                Ok(true) => {}
                Ok(false) => continue,
                Err(err) => {
                    tracing::error!(%err, "cache purge: read replicas");
                    continue;
                }
            }
            match content::cache::queued_after(&pool, local_seen).await {
                Ok(Some(purge)) => {
                    local.forget(&purge.tags);
                    local_seen = purge.up_to;
                }
                Ok(None) => {}
                Err(err) => tracing::error!(%err, "cache purge queue"),
            }
            let mut confirmed = caches.is_empty();
            for cache in &mut caches {
                if cache.next_try <= Instant::now() {
                    confirmed |= purge_one(&pool, &client, cache).await;
                }
            }
            if confirmed {
                if let Err(err) = content::cache::forget_confirmed(&pool, &names).await {
                    tracing::error!(%err, "cache purge queue");
                }
            }
            seen = last;
            sent_tx.send_replace(last);
        }
    });
    Purger {
        pages,
        wake,
        sent_up_to,
    }
}

/// Sends `cache` what it has not confirmed, and records the answer: whether it
/// confirmed something.
async fn purge_one(
    pool: &Db,
    client: &Client<HttpConnector, Empty<Bytes>>,
    cache: &mut Cache,
) -> bool {
    let purge = match content::cache::pending(pool, &cache.target).await {
        Ok(Some(purge)) => purge,
        Ok(None) => return false,
        Err(err) => {
            tracing::error!(%err, "cache purge queue");
            return false;
        }
    };
    let tags = purge.tags.join(" ");
    match send(client, &cache.target, &tags).await {
        Ok(()) => {
            if let Err(err) = content::cache::confirm(pool, &cache.target, purge.up_to).await {
                tracing::error!(%err, "cache purge queue");
                return false;
            }
            if cache.failures > 0 {
                tracing::info!(target = %cache.target, "cache answers again: purged what it missed");
            }
            tracing::debug!(target = %cache.target, %tags, "cache purged");
            cache.failures = 0;
            true
        }
        Err(err) => {
            cache.failures += 1;
            let wait = LONGEST_WAIT.min(Duration::from_secs(1 << cache.failures.min(6)));
            cache.next_try = Instant::now() + wait;
            // Said at the first failure and then every tenth, not every retry.
            if cache.failures % 10 == 1 {
                tracing::warn!(
                    target = %cache.target, %err, failures = cache.failures,
                    "cache did not take a purge: asked again in {}s", wait.as_secs()
                );
            }
            false
        }
    }
}

/// `PURGE target` with `xkey-purge: tags`; Ok when the cache answers 2xx.
async fn send(
    client: &Client<HttpConnector, Empty<Bytes>>,
    target: &str,
    tags: &str,
) -> Result<(), String> {
    let request = Request::builder()
        .method(Method::from_bytes(b"PURGE").expect("a method name"))
        .uri(target)
        .header(PURGE_HEADER, tags)
        .body(Empty::new())
        .map_err(|err| err.to_string())?;
    let answer = tokio::time::timeout(ANSWER_WITHIN, client.request(request))
        .await
        .map_err(|_| format!("no answer within {}s", ANSWER_WITHIN.as_secs()))?
        .map_err(|err| err.to_string())?;
    if answer.status().is_success() {
        Ok(())
    } else {
        Err(format!("answered {}", answer.status()))
    }
}

#[cfg(test)]
mod tests;
