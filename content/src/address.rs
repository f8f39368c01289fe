//! Addresses of the site's pages: every path is `/{lang}/{segment}/{slug}`, built here
//! and nowhere else, with slugs percent-encoded so Arabic addresses stay valid links.

use crate::lang::Lang;
use crate::model::StoryKind;

/// Percent-encodes one URL path segment (Arabic slugs stay valid links).
pub fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes a percent-encoded URL segment; invalid sequences are kept as they are.
pub fn decode_segment(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path of a story of `kind` in one edition.
pub fn story_path(lang: Lang, kind: StoryKind, slug: &str) -> String {
    path(lang, kind.url_segment(), slug)
}

/// Builds the path of a page of the site in one edition, e.g. `/ar/article/<slug>`.
pub fn path(lang: Lang, kind: &str, slug: &str) -> String {
    format!("/{}/{}/{}", lang.code(), kind, encode_segment(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_slugs_are_percent_encoded() {
        assert_eq!(
            path(Lang::Fr, "article", "l-ue-soutient"),
            "/fr/article/l-ue-soutient"
        );
        assert_eq!(
            path(Lang::Ar, "article", "مرحبا"),
            "/ar/article/%D9%85%D8%B1%D8%AD%D8%A8%D8%A7"
        );
        assert_eq!(decode_segment("%D9%85%D8%B1%D8%AD%D8%A8%D8%A7"), "مرحبا");
        assert_eq!(decode_segment("100%"), "100%");
        assert_eq!(decode_segment("a%2"), "a%2");
    }
}
