//! Text of the back office's writing screens (story list, editor) in the three
//! languages. Server-rendered only: none of it is in the readers' WASM.

/// Labels of the story list and the editor.
#[derive(Debug)]
pub struct EditorStrings {
    pub stories: &'static str,
    pub new_article: &'static str,
    pub new_page: &'static str,
    pub status: &'static str,
    /// draft, review, scheduled, published, archived — [`content::model::StoryStatus`] order.
    pub statuses: [&'static str; 5],
    pub missing: &'static str,
    pub language: &'static str,
    pub section: &'static str,
    pub no_section: &'static str,
    pub author: &'static str,
    pub words: &'static str,
    pub missing_in: &'static str,
    pub any: &'static str,
    pub filter: &'static str,
    pub reset: &'static str,
    /// `{n}`.
    pub total: &'static str,
    pub nothing_found: &'static str,
    pub title: &'static str,
    pub versions: &'static str,
    pub kind: &'static str,
    /// The name of each kind of story, in the order of `StoryKind::ALL`.
    pub kinds: [&'static str; 6],
    pub previous: &'static str,
    pub next: &'static str,
    /// `{page}`, `{pages}`.
    pub page_of: &'static str,
    /// `{lang}`: the language's own name.
    pub editing: &'static str,
    pub slug: &'static str,
    pub slug_hint: &'static str,
    pub summary: &'static str,
    pub body: &'static str,
    pub body_hint: &'static str,
    pub signature: &'static str,
    pub source: &'static str,
    pub tags: &'static str,
    pub tags_hint: &'static str,
    pub publish_at: &'static str,
    pub publish_at_hint: &'static str,
    pub publish_at_utc: &'static str,
    /// save, submit, publish, schedule, unpublish, archive — [`content::model::EditorAction`] order.
    pub actions: [&'static str; 6],
    /// What was done, same order.
    pub done: [&'static str; 6],
    pub refused: &'static str,
    /// title missing, title too long, slug invalid, slug taken, summary too long, body
    /// too long, time missing, time past, not allowed, section unknown —
    /// [`content::model::EditorProblem`] order.
    pub problems: [&'static str; 15],
    pub read_only: &'static str,
    /// `{lang}`.
    pub for_reference: &'static str,
    pub no_reference: &'static str,
    pub preview: &'static str,
    pub view_on_site: &'static str,
    pub back_to_list: &'static str,
    pub not_found: &'static str,
    /// `{date}`.
    pub scheduled_for: &'static str,
    pub last_saved: &'static str,
    pub media: &'static str,
    pub upload: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    /// `{lang}`.
    pub alt_in: &'static str,
    pub uploaded: &'static str,
    /// not a picture, too many bytes, too many pixels, broken, empty — upload problem order.
    pub upload_problems: [&'static str; 6],
    pub cover: &'static str,
    pub no_cover: &'static str,
    /// `{n}`.
    pub renditions: &'static str,
    pub uploaded_file: &'static str,
    /// A library item's own page: its title, the link to it, what uses it.
    pub edit_media: &'static str,
    pub edit_media_link: &'static str,
    pub describe: &'static str,
    pub used_by: &'static str,
    pub used_by_none: &'static str,
    pub used_by_programme: &'static str,
    pub delete_when_unused: &'static str,
    pub documents: &'static str,
    pub no_documents: &'static str,
    /// PDF, audio — the library's file kinds.
    pub file_kinds: [&'static str; 2],
    /// The PDF of a publication, the sound of an episode (editor).
    pub attachment: [&'static str; 2],
    pub no_attachment: &'static str,
    pub duration: &'static str,
    pub duration_hint: &'static str,
    /// The heading of a kind's own fields.
    pub details: &'static str,
    /// Label of each detail, by name (`content::editorial::details`).
    pub detail_labels: [(&'static str, &'static str); 19],
    /// Hints of the details that have a form to follow, by name.
    pub detail_hints: [(&'static str, &'static str); 6],
    /// The "new" links of the other kinds.
    pub new_of_kind: &'static str,
}
