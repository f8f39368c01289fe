//! Languages of the portal and everything that differs between them: codes, text
//! direction, UI strings and date formats. Strings live in typed tables
//! (`strings.rs`), so a string missing in one language fails to compile.

mod admin;
mod dates;
#[cfg(feature = "ssr")]
mod editor;
mod faces;
mod forms;
mod interviews;
mod library;
#[cfg(feature = "ssr")]
mod moderation;
mod plural;
mod podcasts;
mod privacy;
mod strings;
#[cfg(feature = "ssr")]
mod structure;

pub use admin::AdminStrings;
pub use dates::{clock, format_date, year_of};
#[cfg(feature = "ssr")]
pub use editor::EditorStrings;
pub use faces::{FaceStrings, FIELDS};
pub use forms::FormStrings;
pub use interviews::InterviewStrings;
pub use library::LibraryStrings;
#[cfg(feature = "ssr")]
pub use moderation::ModerationStrings;
pub use plural::Plural;
pub use podcasts::PodcastStrings;
pub use privacy::PrivacyNotice;
pub use strings::Strings;
#[cfg(feature = "ssr")]
pub use structure::StructureStrings;

use serde::{Deserialize, Serialize};

/// One edition of the site. Every URL starts with its code (`/fr/`, `/ar/`, `/en/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default edition.
    #[default]
    Fr,
    /// Arabic, written right to left.
    Ar,
    /// English.
    En,
}

impl Lang {
    /// All editions in menu order, for switchers, hreflang and loops over languages.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Ar, Lang::En];

    /// The code used in URLs, `lang` attributes and the database.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Joins the non-empty parts of a short list («Lyon, France», «ليون، فرنسا») with
    /// the edition's comma.
    pub fn join_list<S: AsRef<str>>(self, parts: &[S]) -> String {
        let comma = if self == Lang::Ar { "، " } else { ", " };
        parts
            .iter()
            .map(AsRef::as_ref)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(comma)
    }

    /// Parses a URL segment or stored code; anything else is not an edition.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The edition named by the first segment of a URL path (`/ar/article/…` → Arabic).
    pub fn from_path(path: &str) -> Option<Lang> {
        path.trim_start_matches('/')
            .split('/')
            .next()
            .and_then(Lang::from_code)
    }

    /// Text direction for `<html dir>`: Arabic pages are mirrored.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Place in menu order (0 = French), to sort editions consistently.
    pub fn position(self) -> usize {
        self as usize
    }

    /// Locale for OpenGraph (`og:locale`) and feeds: the region the edition is written for.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Fr => "fr_FR",
            Lang::Ar => "ar_MA",
            Lang::En => "en_GB",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
            Lang::En => "English",
        }
    }

    /// The UI strings of this edition.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Fr => &strings::FR,
            Lang::Ar => &strings::AR,
            Lang::En => &strings::EN,
        }
    }

    /// The text of the reader forms in this edition.
    pub fn forms(self) -> &'static FormStrings {
        match self {
            Lang::Fr => &forms::FR,
            Lang::Ar => &forms::AR,
            Lang::En => &forms::EN,
        }
    }

    /// The text of the back office in this language.
    pub fn admin(self) -> &'static AdminStrings {
        match self {
            Lang::Fr => &admin::FR,
            Lang::Ar => &admin::AR,
            Lang::En => &admin::EN,
        }
    }

    /// The text of the back office's writing screens in this language (server only).
    #[cfg(feature = "ssr")]
    pub fn editor(self) -> &'static EditorStrings {
        match self {
            Lang::Fr => &editor::FR,
            Lang::Ar => &editor::AR,
            Lang::En => &editor::EN,
        }
    }

    /// The text of the back office's moderation screens in this language (server only).
    #[cfg(feature = "ssr")]
    pub fn moderation(self) -> &'static ModerationStrings {
        match self {
            Lang::Fr => &moderation::FR,
            Lang::Ar => &moderation::AR,
            Lang::En => &moderation::EN,
        }
    }

    /// The text of the back office's administration screens in this language (server
    /// only).
    #[cfg(feature = "ssr")]
    pub fn structure(self) -> &'static StructureStrings {
        match self {
            Lang::Fr => &structure::FR,
            Lang::Ar => &structure::AR,
            Lang::En => &structure::EN,
        }
    }

    /// The text of the faces of the diaspora in this edition.
    pub fn faces(self) -> &'static FaceStrings {
        match self {
            Lang::Fr => &faces::FR,
            Lang::Ar => &faces::AR,
            Lang::En => &faces::EN,
        }
    }

    /// The text of the interviews listing in this edition.
    pub fn interviews(self) -> &'static InterviewStrings {
        match self {
            Lang::Fr => &interviews::FR,
            Lang::Ar => &interviews::AR,
            Lang::En => &interviews::EN,
        }
    }

    /// The text of the publications library in this edition.
    pub fn library(self) -> &'static LibraryStrings {
        match self {
            Lang::Fr => &library::FR,
            Lang::Ar => &library::AR,
            Lang::En => &library::EN,
        }
    }

    /// The text of the podcasts pages and player in this edition.
    pub fn podcasts(self) -> &'static PodcastStrings {
        match self {
            Lang::Fr => &podcasts::FR,
            Lang::Ar => &podcasts::AR,
            Lang::En => &podcasts::EN,
        }
    }

    /// The privacy notice in this edition.
    pub fn privacy(self) -> &'static PrivacyNotice {
        match self {
            Lang::Fr => &privacy::FR,
            Lang::Ar => &privacy::AR,
            Lang::En => &privacy::EN,
        }
    }

    /// Picks the best edition from an `Accept-Language` header value, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary) {
                if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                    best = Some((quality, lang));
                }
            }
        }
        best.map(|(_, lang)| lang)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
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

/// The URL segment of a kind of story: its pages live under `/{lang}/{segment}/{slug}`.
pub fn url_segment(kind: &str) -> &'static str {
    match kind {
        "page" => "page",
        "publication" => "publications",
        "interview" => "interviews",
        "profile" => "faces",
        "episode" => "podcasts/episode",
        _ => "article",
    }
}

/// The path of a story of `kind` in one edition.
pub fn story_path(lang: Lang, kind: &str, slug: &str) -> String {
    path(lang, url_segment(kind), slug)
}

/// Builds the path of a page of the site in one edition, e.g. `/ar/article/<slug>`.
pub fn path(lang: Lang, kind: &str, slug: &str) -> String {
    format!("/{}/{}/{}", lang.code(), kind, encode_segment(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_known_language() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,fr;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,ar-MA;q=0.7,fr;q=0.9"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("ar"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("de, es;q=0.5"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("fr;q=0"), None);
        assert_eq!(Lang::from_path("/ar/article/x"), Some(Lang::Ar));
        assert_eq!(Lang::from_path("/en/"), Some(Lang::En));
        assert_eq!(Lang::from_path("/xx/fr/"), None);
        assert_eq!(Lang::from_path("/"), None);
    }

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
