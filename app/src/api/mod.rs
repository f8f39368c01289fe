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
    use leptos::prelude::*;
    use sqlx::SqlitePool;

    /// The pool the server put in context for this request.
    pub fn pool() -> Result<SqlitePool, ServerFnError> {
        use_context::<SqlitePool>().ok_or_else(|| ServerFnError::new("database unavailable"))
    }

    /// Names story `id` as what this page shows, for the caches in front of the site
    /// (`content::cache`): publishing it purges the page. Only its own page says so.
    pub fn shows_story(id: i64) {
        use http::{HeaderName, HeaderValue};
        if let (Some(response), Ok(tag)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            HeaderValue::from_str(&content::cache::story(id)),
        ) {
            response.insert_header(HeaderName::from_static(content::cache::HEADER), tag);
        }
    }

    /// Logs the real error and gives the reader a neutral one (no SQL in pages).
    pub fn internal(err: content::DataError) -> ServerFnError {
        tracing::error!(%err, "data layer error");
        ServerFnError::new("internal error")
    }
}
