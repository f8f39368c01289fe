//! The work the server lets in once past its own copy of pages (`page_cache`), which
//! answers most readers from memory:
//! - every request but the costly reads below takes one of [`RENDERS_AT_ONCE`] turns,
//!   waiting a second at most, then gets a fast `503`: a flood of connections cannot
//!   pile up thousands of renders each holding memory while they wait for the database;
//! - costly reads, search (the page and its server functions: a keystroke may run tens
//!   of selects), feeds and sitemaps (a sitemap file reads up to 50,000 rows), also
//!   have a budget per client address (IPv6 by /64), answered `429` beyond it, and a
//!   share of the database's connections: at most [`AT_ONCE`] run at once, so readers'
//!   pages always find a connection while a crawler or a bot reads everything (a
//!   costly read waits a few seconds for its turn, then gets `503`).
//!
//! Every refusal says when to come back (`Retry-After`) in the edition's language.

use crate::state::{limiter, AppState, Limiter};
use app::i18n::Texts;
use app::serving::{client_ip, lang_in_query, preferred_lang};
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use content::lang::Lang;
use futures_util::StreamExt;
use leptos::server_fn::ServerFn;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Costly reads running at once: half of the database pool's 8 connections
/// (`content::db`), the other half kept for readers' pages.
pub const AT_ONCE: usize = 4;
/// How long a costly read waits for its turn before `503`.
const LONGEST_WAIT: Duration = Duration::from_secs(5);
/// Requests handled at once past the copy of pages. Far more than the database's
/// connections, so that files and pages that need none go on; few enough that their
/// memory stays small.
pub const RENDERS_AT_ONCE: usize = 64;
/// How long a request waits for its turn before `503`.
const LONGEST_RENDER_WAIT: Duration = Duration::from_secs(1);

/// The bounds on costly reads, shared by every request.
#[derive(Clone)]
pub struct CostlyReads {
    per_address: Limiter,
    at_once: Arc<Semaphore>,
    renders: Arc<Semaphore>,
    trust_proxy: bool,
}

impl CostlyReads {
    /// `per_minute` costly reads a minute (and at once) per client address.
    pub fn new(per_minute: u32, trust_proxy: bool) -> CostlyReads {
        CostlyReads {
            per_address: limiter(per_minute),
            at_once: Arc::new(Semaphore::new(AT_ONCE)),
            renders: Arc::new(Semaphore::new(RENDERS_AT_ONCE)),
            trust_proxy,
        }
    }

    /// The per-address budget, which the server prunes with its other limiters.
    pub fn per_address(&self) -> &Limiter {
        &self.per_address
    }
}

impl FromRef<AppState> for CostlyReads {
    fn from_ref(state: &AppState) -> CostlyReads {
        state.costly_reads.clone()
    }
}

/// Whether `path` is a costly read: the search page of an edition and the search
/// server functions, the feeds and the sitemaps.
pub fn is_costly(path: &str) -> bool {
    use app::api::search::{GetSearch, QuickSearch};
    path == GetSearch::PATH
        || path == QuickSearch::PATH
        || Lang::split_path(path).is_some_and(|(_, page)| page == "search")
        || path == "/sitemap.xml"
        || path.starts_with("/sitemaps/")
        || path.ends_with("/feed.xml")
        || path.ends_with("/atom.xml")
}

/// Lets a request through in its turn, and a costly read within its address's budget
/// and its share of the pool.
pub async fn bounded(State(costly): State<CostlyReads>, request: Request, next: Next) -> Response {
    let wait = |turns: &Arc<Semaphore>, longest| {
        let turns = turns.clone();
        async move { tokio::time::timeout(longest, turns.acquire_owned()).await }
    };
    // A costly read waits for a turn of its own below, not for one of the readers'.
    if !is_costly(request.uri().path()) {
        let Ok(Ok(_render)) = wait(&costly.renders, LONGEST_RENDER_WAIT).await else {
            return come_back(StatusCode::SERVICE_UNAVAILABLE, 1, edition(&request));
        };
        return next.run(request).await;
    }
    let lang = edition(&request);
    let client = client_ip(&request, costly.trust_proxy);
    if costly.per_address.check_key(&client).is_err() {
        return come_back(StatusCode::TOO_MANY_REQUESTS, 60, lang);
    }
    let Ok(Ok(turn)) = wait(&costly.at_once, LONGEST_WAIT).await else {
        return come_back(StatusCode::SERVICE_UNAVAILABLE, 5, lang);
    };
    // A sitemap file is written as its rows arrive, after the handler has returned:
    // the turn lasts until the whole body has been sent (or the reader has gone).
    let (parts, body) = next.run(request).await.into_parts();
    let body = body.into_data_stream().map(move |chunk| {
        let _held = &turn;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(body))
}

/// The edition a request reads: its path's, the `lang` of a server function's query,
/// else the browser's preference.
fn edition(request: &Request) -> Lang {
    Lang::from_path(request.uri().path())
        .or_else(|| lang_in_query(request))
        .unwrap_or_else(|| preferred_lang(request.headers()))
}

fn come_back(status: StatusCode, seconds: u32, lang: Lang) -> Response {
    (
        status,
        [
            (header::RETRY_AFTER, seconds.to_string()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
        ],
        lang.t().try_again_soon,
    )
        .into_response()
}

#[cfg(test)]
mod tests;
