//! What caches in front of the site (Varnish, a CDN, the server's own) must forget when
//! content changes (issue 17). Every cached answer names what it shows in its
//! [`HEADER`] (tags, [`of_response`]); every write that changes what readers see queues
//! the tags of the pages that show it, in the write's own transaction (triggers of the
//! migration `cache_purges`, whoever writes: back office, scheduler, import); the
//! server's purge job sends them to each cache ([`pending`], [`confirm`]).
//!
//! The tags, which the migration's triggers write in the same forms:
//! - [`SITE`]: every cached answer (the menus, section and tag names are on every page);
//! - [`edition`]: every page and feed of an edition but a story's own page;
//! - [`story`]: a story's own page, in every language;
//! - [`SITEMAPS`]: the sitemaps.
//!
//! A story's page is named by the story only, so that publishing in a spike does not
//! empty the caches of every story page: the "related stories" on it are at most one
//! shared-cache lifetime old (`s-maxage`).

use crate::lang::Lang;

/// The response header that carries the tags (Varnish's xkey module reads it; a CDN
/// that wants `Surrogate-Key` gets it renamed by its own configuration).
pub const HEADER: &str = "xkey";
/// Every cached answer.
pub const SITE: &str = "site";
/// The sitemaps.
pub const SITEMAPS: &str = "sitemaps";
/// More distinct tags than this in one purge: the cache is told to forget everything
/// ([`SITE`]) rather than be sent a header longer than it reads (an import, a cache
/// that was down for long).
pub const MOST_TAGS_AT_ONCE: usize = 200;

/// The tag of story `id`'s own page.
pub fn story(id: i64) -> String {
    format!("story-{id}")
}

/// The tag of every page and feed of edition `lang` but the stories' own pages.
pub fn edition(lang: Lang) -> String {
    format!("edition-{}", lang.code())
}

/// The tags of a cached answer at `path` (`query`: the address's query): [`SITE`], and
/// the page's own ([`story`]) when the page named one (`named`, what the page's handler
/// put in [`HEADER`]), else its edition's (from the address, or the `lang` argument of
/// a reader's server function under `/api/`), or [`SITEMAPS`] for a sitemap.
pub fn of_response(path: &str, query: Option<&str>, named: Option<&str>) -> String {
    let named = named.map(str::trim).filter(|named| !named.is_empty());
    let mut tags = vec![SITE.to_owned()];
    let first = path.split('/').nth(1).unwrap_or_default();
    let lang = if first == "api" {
        query
            .unwrap_or_default()
            .split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .and_then(Lang::from_code)
    } else {
        Lang::from_code(first)
    };
    match (named, lang) {
        (Some(named), _) => tags.push(named.to_owned()),
        (None, _) if first == "sitemap.xml" || first == "sitemaps" => tags.push(SITEMAPS.into()),
        (None, Some(lang)) => tags.push(edition(lang)),
        (None, None) => {}
    }
    tags.join(" ")
}

#[cfg(feature = "db")]
pub use queue::{confirm, forget_confirmed, last_queued, pending, queued_after, Purge};

/// A stored date (UTC ISO-8601, as every `…_at` column holds) as an HTTP date, for
/// `Last-Modified`: `Sun, 06 Nov 1994 08:49:37 GMT`. Nothing for an unreadable date.
#[cfg(feature = "db")]
pub fn http_date(iso: &str) -> Option<String> {
    let date = chrono::DateTime::parse_from_rfc3339(iso).ok()?;
    Some(
        date.with_timezone(&chrono::Utc)
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string(),
    )
}

/// An HTTP date (`If-Modified-Since`, `Last-Modified`) as seconds since 1970, to compare.
#[cfg(feature = "db")]
pub fn http_date_seconds(date: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc2822(date.trim())
        .ok()
        .map(|date| date.timestamp())
}

#[cfg(feature = "db")]
mod queue {
    use super::{MOST_TAGS_AT_ONCE, SITE};
    use crate::DataResult;
    use crate::Db;

    /// What one cache has not been told yet: the tags (each once) queued after what it
    /// confirmed, up to `up_to`.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Purge {
        pub tags: Vec<String>,
        pub up_to: i64,
    }

    /// What `target` (a cache's purge address) must still forget, or nothing. More than
    /// [`MOST_TAGS_AT_ONCE`] tags become [`SITE`].
    pub async fn pending(pool: &Db, target: &str) -> DataResult<Option<Purge>> {
        queued_after(pool, done(pool, target).await?).await
    }

    /// What was queued after `done` (a purge's `seq`), or nothing. More than
    /// [`MOST_TAGS_AT_ONCE`] tags become [`SITE`].
    pub async fn queued_after(pool: &Db, done: i64) -> DataResult<Option<Purge>> {
        let up_to: Option<i64> =
            crate::sql::query_scalar("SELECT max(seq) FROM cache_purges WHERE seq > ?")
                .bind(done)
                .fetch_one(pool)
                .await?;
        let Some(up_to) = up_to else {
            return Ok(None);
        };
        let mut tags: Vec<String> = crate::sql::query_scalar(
            "SELECT DISTINCT tag FROM cache_purges WHERE seq > ? AND seq <= ? ORDER BY tag
             LIMIT ?",
        )
        .bind(done)
        .bind(up_to)
        .bind(MOST_TAGS_AT_ONCE as i64 + 1)
        .fetch_all(pool)
        .await?;
        if tags.len() > MOST_TAGS_AT_ONCE || tags.iter().any(|tag| tag == SITE) {
            tags = vec![SITE.to_owned()];
        }
        Ok(Some(Purge { tags, up_to }))
    }

    /// `target` forgot everything queued up to `up_to`.
    pub async fn confirm(pool: &Db, target: &str, up_to: i64) -> DataResult<()> {
        crate::sql::query(crate::sql::dialect_sql!(format!(
            "INSERT INTO cache_purge_targets (target, done) VALUES (?, ?)
             ON CONFLICT (target) DO UPDATE SET done = {}",
            greatest("cache_purge_targets.done", "excluded.done")
        )))
        .bind(target)
        .bind(up_to)
        .execute(pool)
        .await?;
        Ok(())
    }

    /// Deletes what every one of `targets` (the caches configured now) confirmed; with
    /// none, everything (nobody is waiting for it).
    pub async fn forget_confirmed(pool: &Db, targets: &[String]) -> DataResult<()> {
        let mut all_have = i64::MAX;
        for target in targets {
            all_have = all_have.min(done(pool, target).await?);
        }
        crate::sql::query("DELETE FROM cache_purges WHERE seq <= ?")
            .bind(all_have)
            .execute(pool)
            .await?;
        Ok(())
    }

    /// The newest purge queued and not yet forgotten: a cheap read that tells the purge
    /// job whether anything happened since it last looked.
    pub async fn last_queued(pool: &Db) -> DataResult<Option<i64>> {
        Ok(
            crate::sql::query_scalar("SELECT max(seq) FROM cache_purges")
                .fetch_one(pool)
                .await?,
        )
    }

    /// The last queued purge `target` confirmed (0: none yet).
    async fn done(pool: &Db, target: &str) -> DataResult<i64> {
        Ok(
            crate::sql::query_scalar("SELECT done FROM cache_purge_targets WHERE target = ?")
                .bind(target)
                .fetch_optional(pool)
                .await?
                .unwrap_or(0),
        )
    }
}

#[cfg(all(test, feature = "db"))]
mod tests;
