//! Shapes of the back office's writing screens: the list of stories, the editor of one
//! language version, and what an editor posts.

use super::{Role, StoryKind};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// Where a language version stands. Readers see only `Published` versions whose time
/// has come; `Scheduled` ones are switched to `Published` by the scheduler on time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoryStatus {
    Draft,
    Review,
    Scheduled,
    Published,
    Archived,
}

impl StoryStatus {
    /// Every status, in workflow order (the list's filter shows them so).
    pub const ALL: [StoryStatus; 5] = [
        StoryStatus::Draft,
        StoryStatus::Review,
        StoryStatus::Scheduled,
        StoryStatus::Published,
        StoryStatus::Archived,
    ];

    /// The code stored in `story_translations.status`.
    pub fn code(self) -> &'static str {
        match self {
            StoryStatus::Draft => "draft",
            StoryStatus::Review => "review",
            StoryStatus::Scheduled => "scheduled",
            StoryStatus::Published => "published",
            StoryStatus::Archived => "archived",
        }
    }

    /// Parses a stored code or a filter's value.
    pub fn from_code(code: &str) -> Option<StoryStatus> {
        StoryStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Position in [`StoryStatus::ALL`] (and in the translated status names).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What the buttons of the editor ask for, besides saving the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditorAction {
    /// Save, keeping the status (a new version starts as a draft).
    Save,
    /// Ask an editor to review it.
    Submit,
    Publish,
    /// Publish at a chosen time.
    Schedule,
    /// Take it off the site, back to draft.
    Unpublish,
    Archive,
}

impl EditorAction {
    /// Every action, in the order of the editor's buttons.
    pub const ALL: [EditorAction; 6] = [
        EditorAction::Save,
        EditorAction::Submit,
        EditorAction::Publish,
        EditorAction::Schedule,
        EditorAction::Unpublish,
        EditorAction::Archive,
    ];

    /// The value of the button (`name="action"`).
    pub fn code(self) -> &'static str {
        match self {
            EditorAction::Save => "save",
            EditorAction::Submit => "submit",
            EditorAction::Publish => "publish",
            EditorAction::Schedule => "schedule",
            EditorAction::Unpublish => "unpublish",
            EditorAction::Archive => "archive",
        }
    }

    /// Parses a button's value.
    pub fn from_code(code: &str) -> Option<EditorAction> {
        EditorAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The smallest role allowed to do it: authors write and submit; putting anything
    /// on the site, or taking it off, is an editor's decision.
    pub fn needs(self) -> Role {
        match self {
            EditorAction::Save | EditorAction::Submit => Role::Author,
            _ => Role::Editor,
        }
    }

    /// Position in [`EditorAction::ALL`] (and in the translated button labels).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The text fields of one language version, as the editor shows and posts them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryFields {
    pub title: String,
    /// Empty: made from the title.
    pub slug: String,
    pub summary: String,
    /// Markdown; the HTML readers get is made from it and sanitised on the server.
    pub body: String,
    pub signature: String,
    pub source: String,
    /// Comma-separated tag names in the version's language.
    pub tags: String,
    /// Publications and episodes: the library id of their PDF or sound ("" for none),
    /// shared by every version of the story.
    pub attachment: String,
    /// Episodes: their length as typed (`42:30`).
    pub duration: String,
    /// What the story's kind has besides its text (a publication's year, an
    /// interviewee's name…), by detail name, as typed.
    pub details: Vec<(String, String)>,
}

/// One language version of a story in the list and the editor: missing (`None`) or in
/// some status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionState {
    pub lang: Lang,
    pub status: Option<StoryStatus>,
    /// When it goes or went live (UTC ISO-8601).
    pub published_at: Option<String>,
}

/// A section to choose in the editor and the list's filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionOption {
    pub id: i64,
    pub name: String,
}

/// One row of the back office's story list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminStoryRow {
    pub id: i64,
    pub kind: StoryKind,
    /// In the back office's language when that version exists, else the first one.
    pub title: String,
    pub title_lang: Lang,
    pub section: Option<String>,
    pub author: String,
    pub versions: Vec<VersionState>,
}

/// The list's filters, from the query string (everything optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryFilter {
    pub status: Option<String>,
    pub lang: Option<String>,
    pub section: Option<i64>,
    pub author: Option<i64>,
    pub q: Option<String>,
    /// Stories without a version in this language.
    pub missing: Option<String>,
    pub page: Option<u32>,
}

/// A page of the story list with what its filters offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryList {
    pub rows: Vec<AdminStoryRow>,
    pub total: u32,
    pub page: u32,
    pub pages: u32,
    pub sections: Vec<SectionOption>,
    pub authors: Vec<(i64, String)>,
}

/// Stories per page of the back office's list.
pub const ADMIN_PAGE_SIZE: u32 = 25;

/// Another version of the story, shown beside the one being written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReferenceVersion {
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML, as readers get it.
    pub body_html: String,
}

/// Everything the editor of one language version shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorPage {
    /// `None` for a story not saved yet.
    pub story_id: Option<i64>,
    pub kind: StoryKind,
    pub section_id: Option<i64>,
    /// The language of the version being written.
    pub lang: Lang,
    pub fields: StoryFields,
    /// `None`: this version does not exist yet.
    pub status: Option<StoryStatus>,
    pub published_at: Option<String>,
    pub updated_at: Option<String>,
    pub versions: Vec<VersionState>,
    pub reference: Option<ReferenceVersion>,
    pub sections: Vec<SectionOption>,
    /// The version's cover picture, and the library's recent pictures to choose from.
    pub cover_id: Option<i64>,
    pub images: Vec<ImageChoice>,
    /// Publications and episodes: the kind of file they carry (`pdf`, `audio`) and the
    /// library's files of that kind to choose from.
    pub attachment_kind: Option<String>,
    pub attachments: Vec<ImageChoice>,
    /// Episodes: the podcast programmes, (id, name in the version's language).
    pub programmes: Vec<(i64, String)>,
    /// Who may do what here (the server checks again on every post).
    pub can_edit: bool,
    pub can_publish: bool,
    /// Where readers find it once published.
    pub public_path: Option<String>,
}

/// A picture of the library offered as a cover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImageChoice {
    pub id: i64,
    pub src: String,
    /// Its alt text in the version's language, else its file name.
    pub label: String,
}

impl ImageChoice {
    /// How a select of the editor names it: its label and its library number, which
    /// tells apart pictures with the same description.
    pub fn option_text(&self) -> String {
        format!("{} (#{})", self.label, self.id)
    }
}

/// Why a post of the editor was refused, by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditorProblem {
    TitleMissing,
    TitleTooLong,
    SlugInvalid,
    /// Another story of this language has it.
    SlugTaken,
    SummaryTooLong,
    BodyTooLong,
    /// Scheduling without a time, or a time that is not a date.
    WhenMissing,
    WhenPast,
    /// This role may not do that (or edit this story now).
    NotAllowed,
    /// The section chosen does not exist.
    SectionUnknown,
    /// Too many tags, or one too long.
    TagsInvalid,
    /// An episode length that is not `minutes:seconds`.
    DurationInvalid,
    /// A detail of the kind (a publication's year…) that must be given.
    DetailMissing,
    /// A detail typed in a form it cannot have (a year of 3 digits, a bad ISBN…).
    DetailInvalid,
    /// The storage refused the write (a full disk, a read-only database): what was
    /// typed is shown again, to be saved later.
    NotSaved,
}

/// What the editor's form posted, read into its types: the page shows it again as typed
/// when the post is refused ([`EditorRefused`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EditorDraft {
    pub fields: StoryFields,
    pub kind: StoryKind,
    pub section_id: Option<i64>,
    pub cover_id: Option<i64>,
    /// The time field as typed (`YYYY-MM-DDTHH:MM`).
    pub publish_at: String,
}

/// A refused post of the story editor, shown again: the draft as typed and what to fix
/// (provided as context when the server renders the editor again).
pub type EditorRefused = super::Refused<EditorDraft, EditorProblem>;

/// A document or sound of the media library (a PDF, an audio file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryFile {
    pub id: i64,
    /// `pdf` or `audio`.
    pub kind: String,
    pub src: String,
    pub mime: String,
    pub bytes: i64,
    /// The name it had when uploaded.
    pub name: String,
    /// Its description in the back office's language, else its name.
    pub label: String,
}

/// The media library page: pictures, and documents and sounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaLibrary {
    pub pictures: Vec<LibraryPicture>,
    pub files: Vec<LibraryFile>,
}

/// A picture of the media library as the back office lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LibraryPicture {
    pub id: i64,
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub name: String,
    /// Alt text per language (empty when not written).
    pub alts: Vec<(Lang, String)>,
    /// How many smaller renditions it has.
    pub variants: u32,
}

/// The text for `lang` in a per-language list such as [`LibraryPicture::alts`] (empty
/// when there is none): what the back office shows in its own language.
pub fn text_in(list: &[(Lang, String)], lang: Lang) -> String {
    list.iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, text)| text.clone())
        .unwrap_or_default()
}

/// One item of the media library on its own page: the file, its description in each
/// language and what uses it (which decides whether it may be deleted).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaItem {
    pub id: i64,
    /// `image`, `pdf` or `audio`.
    pub kind: String,
    pub src: String,
    /// The file's name on the uploader's computer.
    pub name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: i64,
    /// How many smaller widths it has (pictures).
    pub renditions: u32,
    /// Description (alt text) per language, empty when not written.
    pub descriptions: Vec<(Lang, String)>,
    /// Story versions that show or attach it.
    pub uses: Vec<MediaUse>,
    /// Other users of it (podcast programmes' covers).
    pub other_uses: u32,
}

/// A story version using a library item, linking to its editor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaUse {
    pub story_id: i64,
    pub lang: Lang,
    pub title: String,
}
