//! How long each response may be kept, and by whom (issue 17): the one place that says
//! which of the site's answers a browser or a shared cache (Varnish, nginx, a CDN) may
//! store, for how long, and how it checks them again (`ETag`, `304 Not Modified`).
//!
//! A news site's reads come in spikes and its writes are rare: reader pages, feeds and
//! search results are public and short-lived, served stale while the origin is asked
//! again or is down; everything personal (tokens in the address, previews, the back
//! office, a session, a form answered with what a reader typed) is `no-store`. No
//! cacheable response sets a cookie: a shared cache would refuse it, or worse, hand one
//! reader's cookie to the next.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use content::lang::Lang;
use sha2::{Digest, Sha256};

#[cfg(test)]
pub(crate) mod tests;

/// Reader pages: a shared cache keeps one five minutes, and serves it for a day while
/// the origin is down. A browser asks again each time (`max-age=0`; a `304` answers
/// when nothing changed): a reader who reloads after an editor's correction sees it.
/// A form's ticket in a kept page is at most a day old when the origin is up (tickets
/// live a day, `app::forms::ticket::MAX_AGE_SECONDS`); an older one is answered with a
/// fresh ticket and "send again", so a reader loses nothing.
pub const PAGE: &str = "public, max-age=0, s-maxage=300, stale-if-error=86400";
/// Feeds, sitemaps and robots.txt: read by machines that poll.
pub const FEED: &str = "public, max-age=300, s-maxage=900, stale-if-error=86400";
/// Search results: a minute in shared caches, so that the popular queries of a spike
/// are answered once.
pub const SEARCH: &str = "public, max-age=0, s-maxage=60";
/// A missing page: briefly, so that a page published a moment later shows up.
pub const MISSING: &str = "public, max-age=0, s-maxage=60";
/// An old address moved for good (`301`): the move does not change.
pub const MOVED: &str = "public, max-age=3600, s-maxage=86400";
/// Personal or changing with each visitor: never stored anywhere.
pub const NEVER: &str = "private, no-store";

/// The `Cache-Control` a response to `method uri` gets when its handler said none, or
/// [`NEVER`] whatever it said when it sets a cookie.
pub fn policy(method: &Method, uri: &Uri, status: StatusCode, headers: &HeaderMap) -> &'static str {
    let path = uri.path();
    let personal = !matches!(*method, Method::GET | Method::HEAD)
        || headers.contains_key(header::SET_COOKIE)
        || path == "/"
        || content::site::is_back_office_api_path(path)
        || content::site::is_back_office_path(path)
        || content::site::is_preview_path(path)
        || has_token(path);
    if personal {
        return NEVER;
    }
    match status {
        StatusCode::OK if is_search(path) => SEARCH,
        // A reader server function's answer (a GET): kept like the page.
        StatusCode::OK if path.starts_with("/api/") => PAGE,
        StatusCode::OK if is_machine_read(headers) => FEED,
        StatusCode::OK => PAGE,
        StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT => MOVED,
        StatusCode::NOT_FOUND | StatusCode::GONE => MISSING,
        _ => NEVER,
    }
}

/// `/{lang}/newsletter/confirm` and `/unsubscribe` carry a reader's token in their
/// address.
fn has_token(path: &str) -> bool {
    let mut segments = path.split('/').skip(1);
    segments.next().and_then(Lang::from_code).is_some()
        && segments.next() == Some("newsletter")
        && matches!(segments.next(), Some("confirm" | "unsubscribe"))
}

/// `/{lang}/search`, or the search server functions (readers' server functions are GET
/// only when every reader gets the same answer: `app::api::reply::GetUrl`).
fn is_search(path: &str) -> bool {
    use app::api::search::{GetSearch, QuickSearch};
    use leptos::server_fn::ServerFn;
    if path == GetSearch::PATH || path == QuickSearch::PATH {
        return true;
    }
    let mut segments = path.split('/').skip(1);
    segments.next().and_then(Lang::from_code).is_some()
        && segments.next() == Some("search")
        && segments.next().is_none()
}

/// Anything but an HTML page: XML feeds and sitemaps, robots.txt, manifests.
fn is_machine_read(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.starts_with("text/html"))
}

/// The layer every response of the site goes through, before compression: the
/// response's `Cache-Control` ([`policy`]; a cookie always makes it [`NEVER`]), and for
/// a stored `200` a strong `ETag` of its body, answered with `304 Not Modified` when
/// the browser or cache already holds it (`If-None-Match`, or `If-Modified-Since`
/// alone where the answer says when it changed: a story, a feed).
pub async fn cache_headers(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let uri = request.uri().clone();
    let conditions = conditions(request.headers());
    let mut response = next.run(request).await;
    let status = response.status();
    let policy = policy(&method, &uri, status, response.headers());
    let headers = response.headers_mut();
    // A handler that chose (hashed files, media, the service worker) is left alone,
    // unless the response is personal and it did not already say `no-store`.
    let own = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if own
        .as_deref()
        .is_none_or(|own| policy == NEVER && !own.contains("no-store"))
    {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    if own.is_none() && policy == NEVER {
        // Nothing personal is checked again: it is asked again.
        headers.remove(header::LAST_MODIFIED);
    }
    // What a kept answer shows, for purging it when that changes (content::cache):
    // only on answers a cache keeps under this policy.
    let named = headers.remove(content::cache::HEADER);
    if own.is_none() && policy != NEVER {
        let named = named.as_ref().and_then(|v| v.to_str().ok());
        let tags = content::cache::of_response(uri.path(), uri.query(), named);
        if let Ok(tags) = HeaderValue::from_str(&tags) {
            headers.insert(content::cache::HEADER, tags);
        }
    }
    // An ETag for the pages and feeds rendered here, not for files (a whole audio
    // file would be read into memory). HEAD answers carry no body to hash.
    let tagged = own.is_none()
        && policy != NEVER
        && method == Method::GET
        && status == StatusCode::OK
        && !headers.contains_key(header::ETAG);
    if !tagged {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = entity_tag(&bytes);
    if let Ok(value) = HeaderValue::from_str(&format!("\"{tag}\"")) {
        parts.headers.insert(header::ETAG, value);
    }
    if still_held(&conditions, &parts.headers) {
        return not_modified(&parts.headers);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// What a request says it already holds: `If-None-Match` and `If-Modified-Since`.
pub(crate) fn conditions(request: &HeaderMap) -> HeaderMap {
    [header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE]
        .into_iter()
        .filter_map(|name| Some((name.clone(), request.get(&name)?.clone())))
        .collect()
}

/// Whether the reader who sent `conditions` still holds the answer with these
/// `headers`: `If-None-Match` names its `ETag` (in any encoding), or, when the request
/// has none, the answer changed no later than `If-Modified-Since`.
pub(crate) fn still_held(conditions: &HeaderMap, headers: &HeaderMap) -> bool {
    if let Some(held) = conditions.get(header::IF_NONE_MATCH) {
        let tag = headers.get(header::ETAG).and_then(|v| v.to_str().ok());
        return tag.is_some_and(|tag| holds(held, tag_hash(tag)));
    }
    let date = |headers: &HeaderMap, name| {
        content::cache::http_date_seconds(headers.get(name)?.to_str().ok()?)
    };
    match (
        date(conditions, header::IF_MODIFIED_SINCE),
        date(headers, header::LAST_MODIFIED),
    ) {
        (Some(since), Some(changed)) => changed <= since,
        _ => false,
    }
}

/// `304 Not Modified` for a reader who holds the answer with these `headers`: what
/// says how to keep it (its lifetime, tag, dates, variants and what it shows), no body.
pub(crate) fn not_modified(headers: &HeaderMap) -> Response {
    let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
    for name in [
        header::CACHE_CONTROL,
        header::ETAG,
        header::LAST_MODIFIED,
        header::VARY,
        HeaderName::from_static(content::cache::HEADER),
    ] {
        if let Some(value) = headers.get(&name) {
            not_modified.headers_mut().insert(name, value.clone());
        }
    }
    not_modified
}

/// What an `ETag` says of a body: its SHA-256, leaving out the form tickets. Every page
/// has a form whose ticket carries the time it was shown (in the form and in the page's
/// hydration data): the page is the same page a second later.
fn entity_tag(body: &[u8]) -> String {
    let mut hash = Sha256::new();
    for part in app::forms::ticket::parts_between_tickets(body) {
        hash.update(part);
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `If-None-Match` names `tag`: any of its tags, weak or strong, as sent
/// whatever the encoding ([`encoding_in_tag`] adds `-br` or `-gzip`), or `*`.
fn holds(if_none_match: &HeaderValue, tag: &str) -> bool {
    let Ok(list) = if_none_match.to_str() else {
        return false;
    };
    list.split(',')
        .map(str::trim)
        .any(|held| held.trim_start_matches("W/").trim_matches('"') == "*" || tag_hash(held) == tag)
}

/// The hash an `ETag` names, whether weak or strong, in whatever encoding
/// ([`encoding_in_tag`] adds `-br` or `-gzip`): `W/"ab12-br"` → `ab12`.
fn tag_hash(etag: &str) -> &str {
    let tag = etag.trim_start_matches("W/").trim_matches('"');
    tag.split('-').next().unwrap_or(tag)
}

/// After compression: an `ETag` names one representation, so a compressed body's
/// tag says its encoding (`"…-br"`), as Apache does; [`cache_headers`] takes either
/// back in `If-None-Match`.
pub async fn encoding_in_tag(mut response: Response) -> Response {
    let headers = response.headers();
    let tagged = match (
        headers.get(header::ETAG),
        headers.get(header::CONTENT_ENCODING),
    ) {
        (Some(tag), Some(encoding)) => match (tag.to_str(), encoding.to_str()) {
            (Ok(tag), Ok(encoding)) if tag.ends_with('"') && !tag.starts_with("W/") => {
                HeaderValue::from_str(&format!("{}-{encoding}\"", &tag[..tag.len() - 1])).ok()
            }
            _ => None,
        },
        _ => None,
    };
    if let Some(tagged) = tagged {
        response.headers_mut().insert(header::ETAG, tagged);
    }
    response
}
