//! WordPress import (`server import-wxr FILE [--lang fr|ar|en]`): a WXR export becomes
//! sections (categories, hierarchy kept), tags, authors, media (attachments), stories
//! (posts and pages, translations linked through Polylang or WPML data) and redirects
//! from every old address. Re-importing the same file changes nothing; a broken file
//! is refused before anything is written; the import runs in one transaction.
//!
//! `parse` reads the file, `content` turns post content into clean HTML, `load` writes
//! (`terms`, `media`, then `stories`).

pub mod content;
pub mod load;
mod media;
pub mod parse;
mod stories;
mod terms;

#[cfg(test)]
mod tests;

use crate::lang::Lang;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A WordPress user as the export lists them.
#[derive(Debug, Clone, Default)]
pub struct Author {
    pub login: String,
    pub name: String,
}

/// A category (`wp:category`): becomes a section.
#[derive(Debug, Clone, Default)]
pub struct Category {
    pub slug: String,
    /// Slug of the parent category, empty at the top.
    pub parent: String,
    pub name: String,
    pub description: String,
}

/// A tag (`wp:tag`).
#[derive(Debug, Clone, Default)]
pub struct Tag {
    pub slug: String,
    pub name: String,
}

/// What an attachment's post meta says of the file.
#[derive(Debug, Clone, Default)]
pub struct Attachment {
    pub alt: String,
    pub size: Option<(u32, u32)>,
}

/// One `<item>`: a post, page, attachment, menu entry or anything else WordPress stores.
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub id: i64,
    pub post_type: String,
    pub status: String,
    pub title: String,
    /// Old permalink.
    pub link: String,
    pub creator: String,
    pub content: String,
    pub excerpt: String,
    /// Local time of the old site, and UTC (`0000-00-00 00:00:00` for unpublished).
    pub date: String,
    pub date_gmt: String,
    /// `wp:post_name`, percent-encoded for non-ASCII slugs.
    pub slug: String,
    pub parent: i64,
    pub menu_order: i64,
    pub sticky: bool,
    pub attachment_url: String,
    /// `(domain, nicename, name)` of each `<category>`: categories, tags, languages…
    pub categories: Vec<(String, String, String)>,
    pub meta: Vec<(String, String)>,
    pub comments: u32,
    pub thumbnail: Option<i64>,
    pub old_slugs: Vec<String>,
    pub attachment: Option<Attachment>,
    /// Language and translation group from Polylang or WPML, when present.
    pub language: Option<String>,
    pub translation_group: Option<String>,
}

/// A whole export, as read.
#[derive(Debug, Clone, Default)]
pub struct Export {
    pub title: String,
    pub version: String,
    /// `wp:base_blog_url`: the old site's address.
    pub site_url: String,
    /// The channel's `<language>` (`en-US`…), the fallback edition.
    pub language: String,
    pub authors: Vec<Author>,
    pub categories: Vec<Category>,
    pub tags: Vec<Tag>,
    pub items: Vec<Item>,
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Edition of items that carry no language of their own (`--lang`).
    pub lang: Option<Lang>,
    /// Where media files are served from: attachments are expected under `wp/` there.
    pub media_dir: PathBuf,
}

/// Created / updated / unchanged counts of one kind of thing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

impl Counts {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }

    /// All things seen.
    pub fn total(&self) -> u32 {
        self.created + self.updated + self.unchanged
    }
}

/// What writing one thing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// What an import did, for the summary printed at the end.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub items_in_file: u32,
    pub sections: Counts,
    pub tags: Counts,
    pub authors: Counts,
    pub media: Counts,
    /// Story translations (one per post or page).
    pub stories: Counts,
    /// Items not imported, by reason.
    pub skipped: BTreeMap<String, u32>,
    pub redirects: u32,
    /// Attachments whose file is not under `MEDIA_DIR/wp/` yet.
    pub missing_files: u32,
    /// Comments in the file (the portal has none: not imported).
    pub comments: u32,
    /// Shortcodes that were dropped, by name.
    pub dropped_shortcodes: BTreeMap<String, u32>,
}

impl ImportReport {
    /// Notes an item left out and why.
    pub fn skip(&mut self, reason: impl Into<String>) {
        *self.skipped.entry(reason.into()).or_default() += 1;
    }

    /// The summary, one line per kind, as printed by `server import-wxr`.
    pub fn summary(&self) -> String {
        let line = |name: &str, c: &Counts| {
            format!(
                "{name:<11} {:>6} created {:>6} updated {:>6} unchanged\n",
                c.created, c.updated, c.unchanged
            )
        };
        let mut out = format!("{} items in the file\n", self.items_in_file);
        out += &line("stories", &self.stories);
        out += &line("sections", &self.sections);
        out += &line("tags", &self.tags);
        out += &line("authors", &self.authors);
        out += &line("media", &self.media);
        out += &format!("redirects   {:>6} old addresses kept\n", self.redirects);
        for (reason, count) in &self.skipped {
            out += &format!("skipped     {count:>6} {reason}\n");
        }
        if self.comments > 0 {
            out += &format!(
                "comments    {:>6} not imported (the portal has no comments)\n",
                self.comments
            );
        }
        if !self.dropped_shortcodes.is_empty() {
            let names: Vec<String> = self
                .dropped_shortcodes
                .iter()
                .map(|(name, n)| format!("[{name}] ×{n}"))
                .collect();
            out += &format!("dropped unknown shortcodes: {}\n", names.join(", "));
        }
        if self.missing_files > 0 {
            out += &format!(
                "note: {} media files are not in MEDIA_DIR/wp/ yet: copy the old site's \
                 wp-content/uploads/ folder there (same year/month layout)\n",
                self.missing_files
            );
        }
        out
    }
}

/// The edition an export's `<language>` names (`fr-FR` → French), if one of ours.
pub fn channel_lang(language: &str) -> Option<Lang> {
    Lang::from_code(&language.split(['-', '_']).next()?.to_ascii_lowercase())
}

/// Why an import did not happen (nothing was written in either case).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Parse(#[from] parse::ParseError),
    #[error("{0}")]
    Data(#[from] crate::DataError),
}

/// Reads the export at `path` in full, then loads it in one transaction. `read` gets
/// (bytes read, file size) while reading, `write` (groups written, groups) while writing.
pub async fn import_file(
    pool: &crate::Db,
    path: &std::path::Path,
    options: &ImportOptions,
    read: &mut dyn FnMut(u64, u64),
    write: load::Progress<'_>,
) -> Result<ImportReport, ImportError> {
    let file = std::fs::File::open(path).map_err(parse::ParseError::Io)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let line_of = |offset: u64| line_at(path, offset);
    let export = parse::parse(
        std::io::BufReader::with_capacity(1 << 20, file),
        &line_of,
        &mut |done| read(done, size),
    )?;
    read(size, size);
    Ok(load::load(pool, &export, options, write).await?)
}

/// The 1-based line of byte `offset` in the file (for error messages only).
fn line_at(path: &std::path::Path, offset: u64) -> u64 {
    use std::io::Read;
    let Ok(file) = std::fs::File::open(path) else {
        return 0;
    };
    let mut newlines = 0u64;
    let mut buf = vec![0u8; 1 << 16];
    let mut reader = std::io::BufReader::new(file.take(offset));
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        newlines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
    newlines + 1
}
