//! Server functions: thin wrappers that check input, call the `content` crate and map
//! errors to a message the page can show. Called directly during SSR, over HTTP after
//! hydration.

#[cfg(feature = "ssr")]
pub mod access;
pub mod faces;
pub mod forms;
pub mod interviews;
pub mod issues;
pub mod library;
pub mod navigation;
pub mod podcasts;
pub mod preview;
pub mod reply;
pub mod search;
pub mod stories;

/// What every server function body needs (server build; the back office's crate uses
/// them too).
#[cfg(feature = "ssr")]
pub mod server_only {
    use content::Db;
    use leptos::prelude::*;

    /// The pool the server put in context for this request: the primary database, for
    /// writes and for reads that must see them.
    pub fn pool() -> Result<Db, ServerFnError> {
        use_context::<Db>().ok_or_else(|| ServerFnError::new("database unavailable"))
    }

    /// Where what readers are shown is read from: a read replica when the site has
    /// some, unless this browser wrote a moment ago (`content::sql::replicas`), when
    /// the primary shows it what it did.
    pub fn reader() -> Result<Db, ServerFnError> {
        let db = pool()?;
        let wrote = use_context::<http::request::Parts>()
            .is_some_and(|parts| wrote_recently(&parts.headers));
        Ok(if wrote { db } else { db.reader() })
    }

    /// Do a request's headers carry the cookie of a browser that wrote a moment ago
    /// (`content::sql::replicas::WROTE_COOKIE`)? Its reads then go to the primary, past
    /// the server's copy of pages too.
    pub fn wrote_recently(headers: &http::HeaderMap) -> bool {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .any(content::sql::replicas::wrote_recently)
    }

    /// Names story `id`, last changed at `updated_at`, as what this page shows, for
    /// the caches in front of the site (`content::cache`): publishing it purges the
    /// page. Only its own page says so. Its `Last-Modified` is the story's.
    pub fn shows_story(id: i64, updated_at: &str) {
        use http::{header, HeaderName, HeaderValue};
        let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        if let Ok(tag) = HeaderValue::from_str(&content::cache::story(id)) {
            response.insert_header(HeaderName::from_static(content::cache::HEADER), tag);
        }
        let changed = content::cache::http_date(updated_at)
            .and_then(|date| HeaderValue::from_str(&date).ok());
        if let Some(changed) = changed {
            response.insert_header(header::LAST_MODIFIED, changed);
        }
    }

    /// Logs the real error and gives the reader a neutral one (no SQL in pages).
    pub fn internal(err: content::DataError) -> ServerFnError {
        tracing::error!(%err, "data layer error");
        ServerFnError::new("internal error")
    }
}
