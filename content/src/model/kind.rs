//! The kinds of story the site publishes. Each is stored by its code (`stories.kind`,
//! whose `CHECK` lists the same codes) and decides where its pages live.

use serde::{Deserialize, Serialize};

/// What a story is: it decides its address, its fields in the editor and its listing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "db", derive(sqlx::Type))]
#[cfg_attr(feature = "db", sqlx(type_name = "TEXT", rename_all = "lowercase"))]
pub enum StoryKind {
    /// News: dated, in a section, in the feeds.
    #[default]
    Article,
    /// A conversation with a member of the diaspora, who has a profile.
    Interview,
    /// A face of the diaspora: one person, with a field and a place.
    Profile,
    /// A report or study of the library, with its PDF.
    Publication,
    /// A podcast episode, with its audio file.
    Episode,
    /// A static page (about, legal notice…): no date, no section.
    Page,
}

impl StoryKind {
    /// Every kind, in the editor's order.
    pub const ALL: [StoryKind; 6] = [
        StoryKind::Article,
        StoryKind::Interview,
        StoryKind::Profile,
        StoryKind::Publication,
        StoryKind::Episode,
        StoryKind::Page,
    ];

    /// Place in [`StoryKind::ALL`], to index tables kept in that order (the editor's
    /// translated kind names).
    pub const fn position(self) -> usize {
        self as usize
    }

    /// The stored code (`article`, `episode`…), also used in forms and addresses.
    pub const fn code(self) -> &'static str {
        match self {
            StoryKind::Article => "article",
            StoryKind::Interview => "interview",
            StoryKind::Profile => "profile",
            StoryKind::Publication => "publication",
            StoryKind::Episode => "episode",
            StoryKind::Page => "page",
        }
    }

    /// Parses a stored or posted code; anything else is not a kind.
    pub fn from_code(code: &str) -> Option<StoryKind> {
        StoryKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The URL segment its pages live under: `/{lang}/{segment}/{slug}`.
    pub const fn url_segment(self) -> &'static str {
        match self {
            StoryKind::Article => "article",
            StoryKind::Interview => "interviews",
            StoryKind::Profile => "faces",
            StoryKind::Publication => "publications",
            StoryKind::Episode => "podcasts/episode",
            StoryKind::Page => "page",
        }
    }
}

impl std::fmt::Display for StoryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_segments_go_both_ways() {
        for (position, kind) in StoryKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.position(), position);
            assert_eq!(StoryKind::from_code(kind.code()), Some(kind));
            let same_segment = StoryKind::ALL
                .iter()
                .filter(|k| k.url_segment() == kind.url_segment());
            assert_eq!(same_segment.count(), 1, "one kind per address segment");
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        assert_eq!(StoryKind::from_code("post"), None);
    }
}
