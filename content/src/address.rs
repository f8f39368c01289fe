//! Addresses of the site's pages: every path is `/{lang}/{segment}/{slug}`, built here
//! and nowhere else, with slugs percent-encoded so Arabic addresses stay valid links.
//! [`Page`] names a page and [`Page::path`] builds its address; nothing parses one back
//! (the router's routes read the address, and each page's query says where its
//! translations are: `crate::alternates`).

use crate::lang::Lang;
use crate::model::StoryKind;
use std::borrow::Cow;

/// A page of the reader site, as its address names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    /// The edition's front page, `/{lang}/`.
    Home,
    /// A section's listing, `/{lang}/section/{slug}`.
    Section(Cow<'a, str>),
    /// The stories with a tag, `/{lang}/tag/{slug}`.
    Tag(Cow<'a, str>),
    /// A story, under its kind's segment (`/{lang}/article/{slug}`, …).
    Story(StoryKind, Cow<'a, str>),
    /// A podcast programme, `/{lang}/podcasts/{slug}`.
    Programme(Cow<'a, str>),
    /// A page every edition has under the same name (`/{lang}/contact`, …).
    Named(Named),
    /// A sent issue of the newsletter or the press review in the web archive,
    /// `/{lang}/newsletter/archive/{id}` (its mail's "read in the browser" link).
    Issue(i64),
}

/// The pages every edition has under the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Search,
    Newsletter,
    Contact,
    /// Readers' op-eds (`tribune`).
    OpEd,
    Privacy,
    Publications,
    Interviews,
    Faces,
    Podcasts,
    /// What the service worker shows without a connection.
    Offline,
    /// The articles a reader saved for offline reading.
    Saved,
}

impl Named {
    /// Every named page.
    pub const ALL: [Named; 11] = [
        Named::Search,
        Named::Newsletter,
        Named::Contact,
        Named::OpEd,
        Named::Privacy,
        Named::Publications,
        Named::Interviews,
        Named::Faces,
        Named::Podcasts,
        Named::Offline,
        Named::Saved,
    ];

    /// The page's URL segment, the same in every edition.
    pub const fn segment(self) -> &'static str {
        match self {
            Named::Search => "search",
            Named::Newsletter => "newsletter",
            Named::Contact => "contact",
            Named::OpEd => "tribune",
            Named::Privacy => "privacy",
            Named::Publications => "publications",
            Named::Interviews => "interviews",
            Named::Faces => "faces",
            Named::Podcasts => "podcasts",
            Named::Offline => "offline",
            Named::Saved => "saved",
        }
    }
}

impl<'a> Page<'a> {
    /// A section's listing.
    pub fn section(slug: impl Into<Cow<'a, str>>) -> Page<'a> {
        Page::Section(slug.into())
    }

    /// The stories with a tag.
    pub fn tag(slug: impl Into<Cow<'a, str>>) -> Page<'a> {
        Page::Tag(slug.into())
    }

    /// The page's address in one edition.
    pub fn path(&self, lang: Lang) -> String {
        match self {
            Page::Home => format!("/{}/", lang.code()),
            Page::Section(slug) => path(lang, "section", slug),
            Page::Tag(slug) => path(lang, "tag", slug),
            Page::Story(kind, slug) => path(lang, kind.url_segment(), slug),
            Page::Programme(slug) => path(lang, "podcasts", slug),
            Page::Named(named) => format!("/{}/{}", lang.code(), named.segment()),
            Page::Issue(id) => format!("/{}/newsletter/archive/{id}", lang.code()),
        }
    }
}

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

/// The path of a story of `kind` in one edition (the most built address).
pub fn story_path(lang: Lang, kind: StoryKind, slug: &str) -> String {
    Page::Story(kind, slug.into()).path(lang)
}

/// `/{lang}/{segment}/{slug}`, the slug encoded.
fn path(lang: Lang, kind: &str, slug: &str) -> String {
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
