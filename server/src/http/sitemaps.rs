//! Sitemaps for search engines: `/sitemap.xml` (an index), `/sitemaps/sections.xml`
//! (home pages and sections), `/sitemaps/stories-N.xml` (every published article and
//! page, 50,000 a file, streamed batch by batch), `/sitemaps/news.xml` (Google News:
//! the last two days) and `/robots.txt` naming them. Every address lists its editions
//! as `xhtml:link` hreflang alternates.

use crate::http::syndication::{not_found, Syndication};
use app::i18n::Texts;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use content::syndication::{self as data, SitemapUrl};
use quick_xml::escape::escape;
use std::fmt::Write;

/// Rows read per database round trip while streaming a sitemap file.
const BATCH: u32 = 2_000;

const URLSET_OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
"#;
const URLSET_CLOSE: &str = "</urlset>\n";

fn xml(body: impl Into<Body>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body.into(),
    )
        .into_response()
}

fn server_error(err: content::DataError) -> Response {
    tracing::error!(%err, "sitemap");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Appends one `<url>` entry (with its hreflang alternates) to `out`.
pub fn write_url(out: &mut String, site: &str, url: &SitemapUrl) {
    let _ = write!(out, "<url><loc>{}{}</loc>", escape(site), escape(&url.path));
    if !url.lastmod.is_empty() {
        let _ = write!(out, "<lastmod>{}</lastmod>", escape(&url.lastmod));
    }
    for (lang, href) in &url.alternates {
        let _ = write!(
            out,
            r#"<xhtml:link rel="alternate" hreflang="{}" href="{}{}"/>"#,
            lang.code(),
            escape(site),
            escape(href)
        );
    }
    out.push_str("</url>\n");
}

/// `/sitemap.xml`: the index of every sitemap file.
pub async fn index(State(state): State<Syndication>) -> Response {
    let count = match data::story_url_count(&state.pool).await {
        Ok(count) => count,
        Err(err) => return server_error(err),
    };
    let site = escape(&state.site_url);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let files = count.div_ceil(state.sitemap_limit).max(1);
    let names = std::iter::once("sections.xml".to_owned())
        .chain((1..=files).map(|n| format!("stories-{n}.xml")))
        .chain(std::iter::once("news.xml".to_owned()));
    for name in names {
        let _ = writeln!(out, "<sitemap><loc>{site}/sitemaps/{name}</loc></sitemap>");
    }
    out.push_str("</sitemapindex>\n");
    xml(out)
}

/// `/sitemaps/{file}`: `sections.xml`, `news.xml` or `stories-N.xml` (N from 1).
pub async fn file(state: State<Syndication>, Path(name): Path<String>) -> Response {
    match name.as_str() {
        "sections.xml" => sections(state).await,
        "news.xml" => news(state).await,
        _ => match name
            .strip_prefix("stories-")
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n >= 1)
        {
            Some(n) => stories(state, n - 1).await,
            None => not_found(),
        },
    }
}

async fn sections(State(state): State<Syndication>) -> Response {
    let urls = match data::section_urls(&state.pool).await {
        Ok(urls) => urls,
        Err(err) => return server_error(err),
    };
    let mut out = String::from(URLSET_OPEN);
    for url in &urls {
        write_url(&mut out, &state.site_url, url);
    }
    out.push_str(URLSET_CLOSE);
    xml(out)
}

/// One file of story addresses, written as the rows arrive: memory stays flat however
/// large the archive.
async fn stories(State(state): State<Syndication>, file: u32) -> Response {
    let start = match data::story_file_start(&state.pool, file, state.sitemap_limit).await {
        Ok(Some(start)) => start,
        Ok(None) if file == 0 => {
            return xml(format!("{URLSET_OPEN}{URLSET_CLOSE}"));
        }
        Ok(None) => return not_found(),
        Err(err) => return server_error(err),
    };
    enum Step {
        Open(i64),
        Rows { from: i64, left: u32 },
        Close,
        Done,
    }
    let body = futures_util::stream::unfold(Step::Open(start), move |step| {
        let state = state.clone();
        async move {
            match step {
                Step::Open(from) => Some((
                    Ok(URLSET_OPEN.to_owned()),
                    Step::Rows {
                        from,
                        left: state.sitemap_limit,
                    },
                )),
                Step::Rows { from, left } => {
                    let (urls, next) =
                        match data::story_urls(&state.pool, from, BATCH.min(left)).await {
                            Ok(batch) => batch,
                            Err(err) => {
                                tracing::error!(%err, "sitemap stream");
                                return Some((Err(std::io::Error::other(err)), Step::Done));
                            }
                        };
                    let mut chunk = String::with_capacity(urls.len() * 400);
                    for url in &urls {
                        write_url(&mut chunk, &state.site_url, url);
                    }
                    let left = left.saturating_sub(urls.len() as u32);
                    let step = match next {
                        Some(from) if left > 0 => Step::Rows { from, left },
                        _ => Step::Close,
                    };
                    Some((Ok(chunk), step))
                }
                Step::Close => Some((Ok(URLSET_CLOSE.to_owned()), Step::Done)),
                Step::Done => None,
            }
        }
    });
    xml(Body::from_stream(body))
}

async fn news(State(state): State<Syndication>) -> Response {
    let items = match data::recent_news(&state.pool).await {
        Ok(items) => items,
        Err(err) => return server_error(err),
    };
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \
         xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for item in &items {
        let _ = writeln!(
            out,
            "<url><loc>{}{}</loc><news:news><news:publication><news:name>{}</news:name>\
             <news:language>{}</news:language></news:publication>\
             <news:publication_date>{}</news:publication_date><news:title>{}</news:title>\
             </news:news></url>",
            escape(&state.site_url),
            escape(&item.path),
            escape(item.lang.t().site_name),
            item.lang.code(),
            escape(&item.published_at),
            escape(&item.title),
        );
    }
    out.push_str(URLSET_CLOSE);
    xml(out)
}

/// `/robots.txt`: everything may be crawled but search results and server functions;
/// the sitemaps are named.
pub async fn robots(State(state): State<Syndication>) -> Response {
    let site = &state.site_url;
    let mut out = String::from("User-agent: *\nAllow: /\nDisallow: /api/\n");
    for lang in content::lang::Lang::ALL {
        let _ = writeln!(out, "Disallow: /{}/search", lang.code());
    }
    let _ = write!(
        out,
        "\nSitemap: {site}/sitemap.xml\nSitemap: {site}/sitemaps/news.xml\n"
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], out).into_response()
}
