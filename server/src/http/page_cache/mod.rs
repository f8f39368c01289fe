//! The server's own copy of the pages it rendered for anyone (issue 17): so that one
//! machine without a cache in front answers a spike of readers from memory, not by
//! rendering the same article again for each of them.
//!
//! It keeps exactly what a shared cache may keep and as long: an answer `200` that
//! names what it shows (`xkey`, given by `caching::cache_headers` to every answer a
//! shared cache may keep), for its `s-maxage`. It forgets by the same tags, from the
//! same queue of purges as the caches in front (`cache_purge`), before an editor's write
//! is answered. It is bounded in bytes (`PAGE_CACHE_MB`), the least recently read
//! pages going first. It sits after compression, so it keeps the bytes as sent, one
//! copy per `Accept-Encoding` (browsers send a handful of different ones).
//!
//! A kept answer is sent with its `Age`, as any cache does: a cache in front counts the
//! time already spent here in its own lifetime of the page.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use http_body_util::BodyExt;
use lru::LruCache;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[cfg(test)]
mod tests;

/// The largest share of the budget one answer may take: a huge answer would push out
/// many pages for one.
const LARGEST_SHARE: usize = 16;
/// An `Accept-Encoding` longer than this is not a browser's: such requests are answered
/// without being kept, so that no one fills the memory with variants of one page.
const LONGEST_ACCEPT_ENCODING: usize = 100;
/// What a kept answer costs besides its body and headers (the entry, the list, the key).
const ENTRY_OVERHEAD: usize = 256;

/// The copy of rendered pages, shared by the router and the purge job; `off` keeps
/// nothing (`PAGE_CACHE_MB=0`, and the tests that read pages right after changing the
/// database behind the site's back).
#[derive(Clone)]
pub struct PageCache {
    store: Option<Arc<Mutex<Store>>>,
}

/// The pages kept, their total size, and how many purges there were (an answer
/// rendered while a purge came in may show what was purged: it is not kept).
struct Store {
    pages: LruCache<String, Arc<Kept>>,
    bytes: usize,
    budget: usize,
    purges: u64,
}

/// One answer as it was sent.
struct Kept {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    /// What it shows (its `xkey` tags).
    tags: Vec<String>,
    /// When it was rendered, and for how long it may be served (`s-maxage`).
    rendered: Instant,
    lifetime: Duration,
}

impl Kept {
    fn size(&self, key: &str) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        ENTRY_OVERHEAD + key.len() + headers + self.body.len()
    }

    fn fresh(&self) -> bool {
        self.rendered.elapsed() < self.lifetime
    }

    /// The answer to a request with these `conditions` (`caching::conditions`): `304`
    /// when the reader holds this page, the page otherwise; with its `Age`.
    fn answer(&self, conditions: &HeaderMap) -> Response {
        let mut response = if super::caching::still_held(conditions, &self.headers) {
            super::caching::not_modified(&self.headers)
        } else {
            let mut response = Response::new(Body::from(self.body.clone()));
            *response.status_mut() = self.status;
            *response.headers_mut() = self.headers.clone();
            response
        };
        response.headers_mut().insert(
            header::AGE,
            HeaderValue::from(self.rendered.elapsed().as_secs()),
        );
        response
    }
}

/// What a lookup found: a fresh page, or the number of purges so far (for
/// [`PageCache::keep`]).
enum Found {
    Page(Arc<Kept>),
    Missing { purges: u64 },
}

impl PageCache {
    /// A copy of at most `budget` bytes of pages; none with `0`.
    pub fn new(budget: usize) -> PageCache {
        PageCache {
            store: (budget > 0).then(|| {
                Arc::new(Mutex::new(Store {
                    pages: LruCache::unbounded(),
                    bytes: 0,
                    budget,
                    purges: 0,
                }))
            }),
        }
    }

    /// Keeps nothing.
    pub fn off() -> PageCache {
        PageCache::new(0)
    }

    /// Forgets every page that shows one of `tags` (all of them for `content::cache::SITE`).
    pub fn forget(&self, tags: &[String]) {
        let Some(store) = &self.store else {
            return;
        };
        let mut store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        store.purges += 1;
        if tags.iter().any(|tag| tag == content::cache::SITE) {
            store.pages.clear();
            store.bytes = 0;
            return;
        }
        let shown: Vec<String> = store
            .pages
            .iter()
            .filter(|(_, kept)| kept.tags.iter().any(|tag| tags.contains(tag)))
            .map(|(key, _)| key.clone())
            .collect();
        for key in shown {
            if let Some(kept) = store.pages.pop(&key) {
                store.bytes -= kept.size(&key);
            }
        }
    }

    /// The fresh page kept under `key`, or how many purges there were until now.
    fn find(&self, store: &Mutex<Store>, key: &str) -> Found {
        let mut store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match store.pages.get(key) {
            Some(kept) if kept.fresh() => Found::Page(kept.clone()),
            Some(_) => {
                if let Some(stale) = store.pages.pop(key) {
                    store.bytes -= stale.size(key);
                }
                Found::Missing {
                    purges: store.purges,
                }
            }
            None => Found::Missing {
                purges: store.purges,
            },
        }
    }

    /// The largest body one kept answer may have.
    fn largest_kept(&self, store: &Mutex<Store>) -> usize {
        let store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        store.budget / LARGEST_SHARE
    }

    /// Keeps `kept` under `key` unless a purge came in since the lookup (`purges` then),
    /// then drops the least recently read pages beyond the budget.
    fn keep(&self, store: &Mutex<Store>, key: String, kept: Kept, purges: u64) {
        let mut store = store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let size = kept.size(&key);
        if store.purges != purges || size > store.budget / LARGEST_SHARE {
            return;
        }
        if let Some(replaced) = store.pages.put(key.clone(), Arc::new(kept)) {
            store.bytes -= replaced.size(&key);
        }
        store.bytes += size;
        while store.bytes > store.budget {
            let Some((key, dropped)) = store.pages.pop_lru() else {
                break;
            };
            store.bytes -= dropped.size(&key);
        }
    }

    /// How many pages are kept and their size in bytes.
    #[cfg(test)]
    fn usage(&self) -> (usize, usize) {
        self.store.as_ref().map_or((0, 0), |store| {
            let store = store.lock().unwrap();
            (store.pages.len(), store.bytes)
        })
    }
}

/// What a request is kept under: its address and the encodings it accepts; nothing for
/// what is never kept (anything but GET, a byte range, the back office).
fn key_of(request: &Request) -> Option<String> {
    let headers = request.headers();
    let path = request.uri().path();
    if request.method() != Method::GET
        || headers.contains_key(header::RANGE)
        || content::site::is_back_office_path(path)
        || content::site::is_back_office_api_path(path)
        // A browser that wrote a moment ago reads the primary, past the kept pages: it
        // sees what it did even when a replica it was served from is behind.
        || app::api::server_only::wrote_recently(headers)
    {
        return None;
    }
    let accepted = match headers.get(header::ACCEPT_ENCODING) {
        Some(value) => value.to_str().ok()?,
        None => "",
    };
    (accepted.len() <= LONGEST_ACCEPT_ENCODING).then(|| format!("{} {accepted}", request.uri()))
}

/// The layer in front of the site (after compression): answers from the kept pages,
/// and keeps what a shared cache may keep.
pub async fn layer(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let (Some(store), Some(key)) = (&cache.store, key_of(&request)) else {
        return next.run(request).await;
    };
    let purges = match cache.find(store, &key) {
        Found::Page(kept) => return kept.answer(&super::caching::conditions(request.headers())),
        Found::Missing { purges } => purges,
    };
    let response = next.run(request).await;
    let (Some(tags), Some(lifetime)) = (shown(&response), shared_lifetime(&response)) else {
        return response;
    };
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    // Only what could be kept is read into memory: a larger answer (a sitemap file is
    // tens of MB, written as its rows arrive) goes on streaming, from what was read.
    let body = match read_up_to(body, cache.largest_kept(store)).await {
        Ok(Whole(body)) => body,
        Ok(Larger(body)) => return Response::from_parts(parts, body),
        Err(()) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let kept = Kept {
        status: parts.status,
        headers: parts.headers.clone(),
        body: body.clone(),
        tags,
        rendered: Instant::now(),
        lifetime,
    };
    cache.keep(store, key, kept, purges);
    Response::from_parts(parts, Body::from(body))
}

/// An answer's body as read so far: whole, or larger than the limit (then the body to
/// send: what was read, followed by the rest as it comes).
enum Read {
    Whole(Bytes),
    Larger(Body),
}
use Read::{Larger, Whole};

/// Reads `body` while it stays within `limit` bytes.
async fn read_up_to(mut body: Body, limit: usize) -> Result<Read, ()> {
    let mut read: Vec<Bytes> = Vec::new();
    let mut size = 0;
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(|_| ())?.into_data() else {
            continue;
        };
        size += data.len();
        read.push(data);
        if size > limit {
            let so_far = futures_util::stream::iter(read.into_iter().map(Ok::<_, axum::Error>));
            return Ok(Larger(Body::from_stream(
                so_far.chain(body.into_data_stream()),
            )));
        }
    }
    Ok(Whole(read.concat().into()))
}

/// The tags of an answer a shared cache may keep; none on anything else.
fn shown(response: &Response) -> Option<Vec<String>> {
    let named = response
        .headers()
        .get(content::cache::HEADER)?
        .to_str()
        .ok()?;
    Some(named.split_whitespace().map(str::to_owned).collect())
}

/// How long a shared cache may serve an answer (its `s-maxage`), when it may.
fn shared_lifetime(response: &Response) -> Option<Duration> {
    let said = response
        .headers()
        .get(header::CACHE_CONTROL)?
        .to_str()
        .ok()?;
    if said.contains("private") || said.contains("no-store") {
        return None;
    }
    said.split(',')
        .filter_map(|directive| directive.trim().strip_prefix("s-maxage="))
        .find_map(|seconds| seconds.parse().ok())
        .filter(|&seconds| seconds > 0)
        .map(Duration::from_secs)
}
