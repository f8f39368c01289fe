//! What feeds and sitemaps share: their state (pool and public URL), cache headers, the
//! plain 404 of a machine-read address, and absolute links in article HTML.

use crate::state::AppState;
use axum::extract::FromRef;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use content::Db;

/// State of the feed and sitemap routes.
#[derive(Clone)]
pub struct Syndication {
    pub pool: Db,
    /// Public base URL without a trailing slash (feeds and sitemaps need absolute links).
    pub site_url: String,
    /// Addresses per sitemap file: the protocol's 50,000 (smaller in tests).
    pub sitemap_limit: u32,
}

impl FromRef<AppState> for Syndication {
    fn from_ref(state: &AppState) -> Syndication {
        Syndication {
            // Feeds and sitemaps are what readers are shown: a read replica's.
            pool: state.pool.reader(),
            site_url: state.config.site_url.clone(),
            sitemap_limit: content::syndication::SITEMAP_LIMIT,
        }
    }
}

/// 404 for an unknown edition or section in a feed or sitemap address.
pub fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// Makes the site-relative links and images of stored (sanitised, double-quoted) HTML
/// absolute, as feed readers and e-mails need. Protocol-relative `//host` stays as is.
pub fn absolute_links(html: &str, site_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("=\"/") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let attribute_is_link = before.ends_with("href=\"") || before.ends_with("src=\"");
        if attribute_is_link && !after.starts_with("//") {
            out.push_str(site_url);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::absolute_links;

    #[test]
    fn relative_links_and_images_become_absolute() {
        let html = r#"<p><a href="/fr/article/x">x</a><img src="/media/a.jpg" alt="/y"><a href="//cdn.example/z">z</a><a href="https://e.org/">e</a></p>"#;
        assert_eq!(
            absolute_links(html, "https://ccme.org.ma"),
            r#"<p><a href="https://ccme.org.ma/fr/article/x">x</a><img src="https://ccme.org.ma/media/a.jpg" alt="/y"><a href="//cdn.example/z">z</a><a href="https://e.org/">e</a></p>"#
        );
    }
}
