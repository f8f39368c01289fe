//! What the editor of one language version shows: its fields, the story's other
//! versions (one of them beside it for reference), the sections, what the account may
//! do — and the preview of a version as readers will see it.

use super::{attachment, details, markdown};
use super::{may_edit, section_options, versions_from, GROUPED_VERSIONS};
use crate::address::story_path;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{
    EditorPage, ImageChoice, ReferenceVersion, Role, SessionUser, StoryFields, StoryStatus,
    VersionState,
};
use crate::DataResult;
use crate::Db;

#[derive(sqlx::FromRow)]
struct StoryHead {
    kind: StoryKind,
    section_id: Option<i64>,
    versions: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Version {
    slug: String,
    title: String,
    summary: String,
    body_html: String,
    body_markdown: Option<String>,
    signature: String,
    source: String,
    status: String,
    published_at: Option<String>,
    updated_at: String,
    cover_media_id: Option<i64>,
}

async fn version(pool: &Db, story_id: i64, lang: Lang) -> DataResult<Option<Version>> {
    Ok(crate::sql::query_as(
        "SELECT slug, title, summary, body_html, body_markdown, signature, source, status,
                published_at, updated_at, cover_media_id
         FROM story_translations WHERE story_id = ? AND lang = ?",
    )
    .bind(story_id)
    .bind(lang.code())
    .fetch_optional(pool)
    .await?)
}

/// The editor of version `lang` of story `story_id` (`None`: a new story), with the
/// version in `reference` beside it (else the first other version there is). `None`
/// when the story does not exist.
pub async fn editor_page(
    pool: &Db,
    user: &SessionUser,
    story_id: Option<i64>,
    lang: Lang,
    reference: Option<Lang>,
) -> DataResult<Option<EditorPage>> {
    let sections = section_options(pool, user.lang).await?;
    let images = media_choices(pool, "image", lang).await?;
    let programmes = programmes(pool, lang).await?;
    let can_publish = user.role.allows(Role::Editor);
    let Some(id) = story_id else {
        return Ok(Some(EditorPage {
            story_id: None,
            kind: StoryKind::Article,
            section_id: None,
            lang,
            fields: StoryFields::default(),
            status: None,
            published_at: None,
            updated_at: None,
            versions: versions_from(""),
            reference: None,
            sections,
            cover_id: None,
            images,
            attachment_kind: None,
            attachments: Vec::new(),
            programmes,
            can_edit: true,
            can_publish,
            public_path: None,
        }));
    };
    let head: Option<StoryHead> = crate::sql::query_as(&format!(
        "SELECT s.kind, s.section_id, {GROUPED_VERSIONS} AS versions FROM stories s WHERE s.id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some(head) = head else {
        return Ok(None);
    };
    let versions = versions_from(head.versions.as_deref().unwrap_or(""));
    let current = version(pool, id, lang).await?;
    let status = current
        .as_ref()
        .and_then(|v| StoryStatus::from_code(&v.status));
    let reference_lang = pick_reference(&versions, lang, reference);
    let reference = match reference_lang {
        Some(other) => version(pool, id, other).await?.map(|v| ReferenceVersion {
            lang: other,
            title: v.title,
            summary: v.summary,
            body_html: v.body_html,
        }),
        None => None,
    };
    let public_path = current
        .as_ref()
        .filter(|_| status == Some(StoryStatus::Published))
        .map(|v| story_path(lang, head.kind, &v.slug));
    let cover_id = current.as_ref().and_then(|v| v.cover_media_id);
    let (fields, published_at, updated_at) = match current {
        Some(v) => (
            StoryFields {
                body: v
                    .body_markdown
                    .unwrap_or_else(|| markdown::from_html(&v.body_html)),
                title: v.title,
                slug: v.slug,
                summary: v.summary,
                signature: v.signature,
                source: v.source,
                tags: tag_field(pool, id, lang).await?,
                attachment: String::new(),
                duration: String::new(),
                details: Vec::new(),
            },
            v.published_at,
            Some(v.updated_at),
        ),
        None => (StoryFields::default(), None, None),
    };
    let (attachment, duration) = attachment::fields_of(pool, id, head.kind).await?;
    let fields = StoryFields {
        attachment,
        duration,
        details: details::values(pool, id, head.kind, lang).await?,
        ..fields
    };
    let attachment_kind = attachment::file_kind(head.kind);
    let attachments = match attachment_kind {
        Some(kind) => media_choices(pool, kind, lang).await?,
        None => Vec::new(),
    };
    Ok(Some(EditorPage {
        attachment_kind: attachment_kind.map(str::to_owned),
        attachments,
        programmes,
        story_id: Some(id),
        kind: head.kind,
        section_id: head.section_id,
        lang,
        fields,
        status,
        published_at,
        updated_at,
        versions,
        reference,
        sections,
        cover_id,
        images,
        can_edit: may_edit(user, status),
        can_publish,
        public_path,
    }))
}

/// The version shown beside `lang`: the one asked for if it exists, else French, then
/// Arabic, then English — never `lang` itself.
fn pick_reference(versions: &[VersionState], lang: Lang, asked: Option<Lang>) -> Option<Lang> {
    let exists = |l: Lang| l != lang && versions.iter().any(|v| v.lang == l && v.status.is_some());
    asked
        .filter(|&l| exists(l))
        .or_else(|| Lang::ALL.into_iter().find(|&l| exists(l)))
}

/// Files of `kind` offered in the editor (pictures as covers, PDFs and sounds as
/// attachments): the library's newest, labelled in `lang`.
async fn media_choices(pool: &Db, kind: &str, lang: Lang) -> DataResult<Vec<ImageChoice>> {
    let rows: Vec<(i64, String, String)> = crate::sql::query_as(
        "SELECT m.id, m.path, COALESCE(NULLIF(t.alt, ''), NULLIF(m.original_name, ''), m.path)
         FROM media m LEFT JOIN media_translations t ON t.media_id = m.id AND t.lang = ?
         WHERE m.kind = ? ORDER BY m.id DESC LIMIT 60",
    )
    .bind(lang.code())
    .bind(kind)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, path, label)| ImageChoice {
            id,
            src: format!("/media/{path}"),
            label,
        })
        .collect())
}

/// The tag field of a version: its tags' names in `lang`, joined with that language's
/// comma.
async fn tag_field(pool: &Db, story_id: i64, lang: Lang) -> DataResult<String> {
    let names: Vec<String> = crate::tags::of_story(pool, story_id, lang)
        .await?
        .into_iter()
        .map(|t| t.name)
        .collect();
    Ok(names.join(if lang == Lang::Ar { "، " } else { ", " }))
}

/// The podcast programmes, named in `lang` (else by key), for an episode's details.
async fn programmes(pool: &Db, lang: Lang) -> DataResult<Vec<(i64, String)>> {
    Ok(crate::sql::query_as(
        "SELECT p.id, COALESCE(t.name, p.key) FROM programmes p
         LEFT JOIN programme_translations t ON t.programme_id = p.id AND t.lang = ?
         ORDER BY p.position, p.id",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?)
}
