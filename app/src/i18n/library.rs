//! Text of the publications library in the three editions.

use super::Plural;

/// Labels of the library pages.
#[derive(Debug)]
pub struct LibraryStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub collection: &'static str,
    pub all_collections: &'static str,
    pub year: &'static str,
    pub book_language: &'static str,
    pub any_language: &'static str,
    pub filter: &'static str,
    pub new_releases: &'static str,
    /// `{count}` publications.
    pub count: Plural,
    pub none: &'static str,
    pub authors: &'static str,
    pub languages: &'static str,
    pub isbn: &'static str,
    pub pages: &'static str,
    pub contents: &'static str,
    pub read: &'static str,
    /// Download link, `{size}` of the file.
    pub download: &'static str,
}
