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

    /// The pool the server put in context for this request.
    pub fn pool() -> Result<Db, ServerFnError> {
        use_context::<Db>().ok_or_else(|| ServerFnError::new("database unavailable"))
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
