//! The Content-Security-Policy of every answer (issue 18): scripts only from the site
//! itself, plus, on a page, exactly the inline scripts the server wrote into it, named
//! by their SHA-256. An injected `<script>` (or `onclick=`) never runs: its text is not
//! one the server hashed.
//!
//! Hashes rather than a per-render nonce: the server's copy of pages and the caches in
//! front keep a page for minutes and send it to many readers, so a nonce would be the
//! same for all of them (and readable in the page); a hash pins the scripts themselves
//! and stays right in every kept copy. The inline scripts are Leptos's hydration start
//! and the data it hands over; `/pwa.js`, the app and its chunks are files of the site.
//!
//! The rest: no plugins, no `<base>` elsewhere, forms post to the site only, no framing,
//! connections to the site only (and to `cargo leptos watch`'s reload socket when the
//! server runs under it).

use base64::Engine;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Under `cargo leptos watch` (which sets `LEPTOS_WATCH`), the page's reload socket.
fn connect_src() -> &'static str {
    static WATCHED: LazyLock<bool> =
        LazyLock::new(|| std::env::var("LEPTOS_WATCH").is_ok_and(|v| v == "true"));
    if *WATCHED {
        "'self' ws: wss:"
    } else {
        "'self'"
    }
}

/// The policy of an answer whose inline scripts have these `'sha256-…'` sources.
fn policy(inline_scripts: &[String]) -> String {
    let mut scripts = String::from("'self' 'wasm-unsafe-eval'");
    for source in inline_scripts {
        scripts.push(' ');
        scripts.push_str(source);
    }
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src {}; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'",
        connect_src()
    )
}

/// The policy of any answer but an HTML page: no inline script at all.
pub fn without_inline_scripts() -> &'static str {
    static POLICY: LazyLock<String> = LazyLock::new(|| policy(&[]));
    &POLICY
}

/// The policy of `page`: its own inline scripts allowed by their hashes.
pub fn for_page(page: &str) -> String {
    policy(&inline_scripts(page))
}

/// The `'sha256-…'` source of each inline script of `page` that a browser would run
/// (not data blocks such as `application/ld+json`).
fn inline_scripts(page: &str) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start + "<script".len()..];
        let Some(tag_end) = rest.find('>') else {
            break;
        };
        let attributes = &rest[..tag_end];
        let body = &rest[tag_end + 1..];
        let Some(body_end) = body.find("</script>") else {
            break;
        };
        let text = &body[..body_end];
        rest = &body[body_end..];
        if runs(attributes) {
            let digest = Sha256::digest(text.as_bytes());
            let source = format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            );
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    sources
}

/// Whether a `<script>` with these attributes is inline code a browser runs: no `src`,
/// and no type, or a JavaScript one.
fn runs(attributes: &str) -> bool {
    let attributes = attributes.to_ascii_lowercase();
    if attributes
        .split_ascii_whitespace()
        .any(|a| a.starts_with("src="))
    {
        return false;
    }
    let kind = attributes.split_ascii_whitespace().find_map(|a| {
        let value = a.strip_prefix("type=")?;
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_owned())
    });
    match kind.as_deref() {
        None | Some("" | "module" | "text/javascript" | "application/javascript") => true,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests;
