//! The editor's text format. Editors write Markdown (headings, lists, links, quotes,
//! tables, pictures); readers get HTML made from it by `pulldown-cmark` (the CommonMark
//! parser rustdoc uses) and then cleaned by the same sanitiser as every other body, so
//! whatever a client posts — raw HTML included — nothing unsafe reaches a page.
//! Content that came as HTML (seed, WordPress import) is turned into Markdown by `htmd`
//! when an editor first opens it.

use crate::write::sanitize_html;
use pulldown_cmark::{html, Options, Parser};

/// Sanitised HTML of a Markdown body.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    sanitize_html(&out)
}

/// Markdown for a body stored as HTML only. The HTML is cleaned first, so what the
/// editor starts from is what readers saw; if it cannot be converted, the cleaned HTML
/// itself is returned (Markdown accepts HTML blocks).
pub fn from_html(body_html: &str) -> String {
    let clean = sanitize_html(body_html);
    htmd::convert(&clean).unwrap_or(clean)
}
