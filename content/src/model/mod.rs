//! Data shapes that travel from the server to the page (SSR and hydration alike).
//! Plain serialisable structs: the data layer fills them, the views only read them.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

mod admin;
mod editorial;
mod kind;
mod mailing;
mod refused;
pub use admin::*;
pub use editorial::*;
pub use kind::StoryKind;
pub use mailing::{ArchivedIssue, List, Mailing, MailingProgress, MailingStatus, MailingStory};
pub use refused::{FormValues, Refused, NOT_SAVED, WHOLE_FORM};

/// Whether a picture (by its file name) is one the share-card renditions can be cut
/// from: JPEG, PNG or WebP (SVG is not accepted by social networks). Asked by the page's
/// share metadata and by the server that cuts the card.
pub fn is_raster_image(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// A picture with the size it is stored at, so the page reserves its space.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// URL path under `/media/`.
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    /// Smaller renditions (`/media/… 480w, …`) for `srcset`; empty when there are none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub srcset: String,
    /// The same widths as WebP (`/media/… 480w, …`), offered first in `<picture>`:
    /// about a third lighter; empty when there are none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub webp_srcset: String,
}

/// A link to a section in one language (menus, breadcrumbs, labels on cards).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionLink {
    pub name: String,
    pub slug: String,
}

/// What a list shows of an article: enough for a card, nothing more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryCard {
    /// Decides the address (see `address::story_path`).
    pub kind: StoryKind,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published_at: String,
    pub section: Option<SectionLink>,
    pub cover: Option<Image>,
}

/// One entry of a breadcrumb trail, from the top section down; the last one (current
/// page) has no link. The trail starts below the home page: the page puts the home link,
/// in its UI text, in front.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// Where the language switcher sends a reader from the current page, per language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternate {
    pub lang: Lang,
    pub href: String,
    /// False when the page has no version in `lang` and the link is a fallback.
    pub exact: bool,
}

/// A menu entry with its sub-entries (two levels in the header, groups in the footer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenuItem {
    pub label: String,
    pub href: Option<String>,
    pub children: Vec<MenuItem>,
}

/// Header and footer menus of one edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Navigation {
    pub main: Vec<MenuItem>,
    pub footer: Vec<MenuItem>,
    /// Current year, for the copyright line (from the server clock).
    pub year: i32,
}

/// A main section with its newest stories, for the home page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionBlock {
    pub section: SectionLink,
    pub stories: Vec<StoryCard>,
}

/// Everything the home page of an edition shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomePage {
    pub featured: Option<StoryCard>,
    pub latest: Vec<StoryCard>,
    pub blocks: Vec<SectionBlock>,
    /// JSON-LD blocks of the page, serialised on the server (schema.org code stays out
    /// of the browser bundle).
    pub structured_data: Vec<String>,
}

/// One page of a section's listing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionPage {
    pub section: SectionLink,
    pub description: String,
    pub breadcrumb: Vec<Crumb>,
    pub children: Vec<SectionLink>,
    pub stories: Vec<StoryCard>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
    /// JSON-LD blocks of the page, serialised on the server (schema.org code stays out
    /// of the browser bundle).
    pub structured_data: Vec<String>,
    /// This page in each edition, or where the switcher leads where it has none
    /// (language switcher and `hreflang` links read it with the page).
    pub alternates: Vec<Alternate>,
}

/// A full article (or static page) in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticlePage {
    /// The story the page shows: what names the page for caches (`cache::story`).
    pub story_id: i64,
    pub card: StoryCard,
    pub body_html: String,
    pub signature: String,
    pub source: String,
    pub updated_at: String,
    pub breadcrumb: Vec<Crumb>,
    pub related: Vec<StoryCard>,
    pub latest: Vec<StoryCard>,
    /// Who the story is about (interviews and profiles).
    pub person: Option<Person>,
    /// Its tags in this edition, each leading to the stories that carry it.
    pub tags: Vec<SectionLink>,
    /// JSON-LD blocks of the page, serialised on the server (schema.org code stays out
    /// of the browser bundle).
    pub structured_data: Vec<String>,
    /// This page in each edition, or where the switcher leads where it has none
    /// (language switcher and `hreflang` links read it with the page).
    pub alternates: Vec<Alternate>,
}

/// Number of stories per page of a section listing.
pub const PAGE_SIZE: u32 = 12;

/// One search result: where it leads and, marked with `<mark>`, what of it matched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Edition of the story (differs from the page's when searching all languages).
    pub lang: Lang,
    pub href: String,
    /// Title as escaped HTML with matching words in `<mark>`.
    pub title_html: String,
    /// A passage around the first match, escaped HTML with `<mark>`.
    pub excerpt_html: String,
    /// Empty for static pages, whose date means nothing to readers.
    pub published_at: String,
    pub section: Option<SectionLink>,
    pub cover: Option<Image>,
}

/// A section a search can be narrowed to; `depth` 1 for sub-sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionChoice {
    pub slug: String,
    pub name: String,
    pub depth: u8,
}

/// Narrowing of a search, as chosen on the results page (all optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFilters {
    /// Slug of a section in the page's language (its sub-sections included).
    pub section: Option<String>,
    pub year: Option<i32>,
    /// Search every edition, not only the page's language.
    pub all_languages: bool,
}

/// Most matches counted and ranked for one query; beyond it a search shows "500+"
/// and ranks the newest matches (see `data::search`).
pub const SEARCH_WINDOW: u32 = 500;

/// One page of search results with what the filters can offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Matches counted (at most [`SEARCH_WINDOW`]).
    pub total: u32,
    /// More than [`SEARCH_WINDOW`] matches.
    pub capped: bool,
    pub page: u32,
    pub total_pages: u32,
    /// The query was longer than the search keeps and was cut.
    pub truncated: bool,
    pub sections: Vec<SectionChoice>,
    /// Years with publications, newest first.
    pub years: Vec<i32>,
    /// Matches in the other editions, counted when this one has none.
    pub elsewhere: u32,
}

/// What the search overlay shows while the reader types.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuickResults {
    pub hits: Vec<SearchHit>,
    pub total: u32,
    pub capped: bool,
}

/// A book or report of the publications library, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicationCard {
    pub card: StoryCard,
    pub year: i32,
    pub authors: String,
    /// Languages the book itself is written in.
    pub languages: Vec<Lang>,
}

/// One collection of the library (a section under "Ressources") and how many books it
/// holds in this edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    pub section: SectionLink,
    pub count: u32,
}

/// Filters of the library listing (all optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryFilters {
    /// Section slug of a collection.
    pub collection: Option<String>,
    pub year: Option<i32>,
    /// Language the book is written in.
    pub language: Option<Lang>,
}

/// `/{lang}/publications`: collections, the filtered books (12 a page), the years that
/// have books, and the new releases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryPage {
    pub collections: Vec<Collection>,
    pub years: Vec<i32>,
    pub items: Vec<PublicationCard>,
    pub new_releases: Vec<PublicationCard>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u32,
}

/// A downloadable file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileLink {
    pub href: String,
    pub bytes: u64,
}

/// `/{lang}/publications/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicationPage {
    pub item: PublicationCard,
    pub isbn: Option<String>,
    pub pages: Option<u32>,
    pub contents: Vec<String>,
    pub pdf: Option<FileLink>,
    /// This page in each edition, or where the switcher leads where it has none
    /// (language switcher and `hreflang` links read it with the page).
    pub alternates: Vec<Alternate>,
}

/// A podcast programme, as listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub episode_count: u32,
}

/// An episode, as listed and played.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpisodeCard {
    pub card: StoryCard,
    pub programme_name: String,
    pub programme_slug: String,
    pub number: u32,
    pub duration_seconds: u32,
    /// The programme's strand ("axe") it belongs to.
    pub strand: String,
    pub speakers: String,
    pub audio: Option<FileLink>,
}

/// `/{lang}/podcasts`: the programmes and the newest episodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PodcastsPage {
    pub programmes: Vec<Programme>,
    pub latest: Vec<EpisodeCard>,
}

/// `/{lang}/podcasts/{programme}`: a programme and its episodes in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammePage {
    pub programme: Programme,
    pub episodes: Vec<EpisodeCard>,
    /// This page in each edition, or where the switcher leads where it has none
    /// (language switcher and `hreflang` links read it with the page).
    pub alternates: Vec<Alternate>,
}

/// `/{lang}/podcasts/episode/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpisodePage {
    pub episode: EpisodeCard,
    /// Transcript or summary, by paragraph.
    pub transcript: Vec<String>,
    /// This page in each edition, or where the switcher leads where it has none
    /// (language switcher and `hreflang` links read it with the page).
    pub alternates: Vec<Alternate>,
}

/// An interview, as listed: who is interviewed, their role and country.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewCard {
    pub card: StoryCard,
    pub interviewee: String,
    pub role: String,
    pub country: String,
    pub portrait: Option<Image>,
}

/// `/{lang}/interviews`: the interviews (newest first) and the countries they come
/// from, as `(ISO code, name, count)`, for the filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewsPage {
    pub countries: Vec<(String, String, u32)>,
    pub items: Vec<InterviewCard>,
}

/// The fields a profile can belong to, as stored (`profiles.field`).
pub const FIELDS: [&str; 5] = ["arts", "science", "business", "sport", "civic"];

/// Who a story is about, shown beside its text: the interviewee of an interview, the
/// person of a profile (faces of the diaspora).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// Role (interviews), as written in the edition; empty for profiles.
    pub role: String,
    /// Field (profiles): arts, science, business, sport or civic, translated by the page.
    pub field: Option<String>,
    /// City and country of residence, as written in the edition.
    pub place: String,
    pub portrait: Option<Image>,
    /// The person's profile among the faces of the diaspora, when an interview has one.
    pub profile_href: Option<String>,
}

/// A face of the diaspora as the gallery shows it (the card's cover is the photo).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileCard {
    pub card: StoryCard,
    /// arts, science, business, sport or civic (translated by the page).
    pub field: String,
    pub city: String,
    pub country: String,
}

/// One letter of the A–Z index with how many names file under it (0: shown, no link).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexLetter {
    pub letter: String,
    pub count: u32,
}

/// `/{lang}/faces`: the profiles matching the filters (by name), the filters' choices
/// with their counts, and the A–Z index of the edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacesPage {
    pub items: Vec<ProfileCard>,
    /// `(ISO code, name, count)`.
    pub countries: Vec<(String, String, u32)>,
    /// `(field, count)`.
    pub fields: Vec<(String, u32)>,
    pub letters: Vec<IndexLetter>,
}

/// The gallery's filters, as the address carries them (`?country=&field=&letter=`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacesFilter {
    pub country: Option<String>,
    pub field: Option<String>,
    pub letter: Option<String>,
}
