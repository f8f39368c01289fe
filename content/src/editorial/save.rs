//! Saving one language version from the editor: checks (fields, unique slug per
//! language, the account's role), the workflow step the button asked for, then story,
//! version, search index, old-address redirect and audit record in one transaction.

use super::{attachment, details, markdown, may_edit};
use crate::address::story_path;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{EditorAction, EditorProblem, SessionUser, StoryFields, StoryStatus};
use crate::write::{insert_clean_translation, slugify, NewTranslation};
use crate::{accounts, redirects, search, tags, DataError, DataResult};
use crate::{Db, Tx};

/// Longest title, summary and body (characters).
pub const TITLE_MAX: usize = 300;
pub const SUMMARY_MAX: usize = 1_000;
pub const BODY_MAX: usize = 200_000;

/// What the editor posts for one version.
#[derive(Clone, Debug)]
pub struct EditorInput {
    /// Kind of a new story (see [`new_kind`]); ignored for an existing one.
    pub kind: StoryKind,
    pub section_id: Option<i64>,
    /// The cover picture (a library image's id); an unknown id counts as none.
    pub cover_id: Option<i64>,
    pub fields: StoryFields,
    pub action: EditorAction,
    /// Publication time asked for (UTC `YYYY-MM-DDTHH:MM:SSZ`), for `Schedule`;
    /// `Err(())` when something was typed that is not a time.
    pub publish_at: Result<Option<String>, ()>,
}

/// The answer to a post.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Saved; the story's id and the version's status now.
    Done { story_id: i64, status: StoryStatus },
    /// Nothing changed: what to fix, by field name.
    Refused(Vec<(String, EditorProblem)>),
    /// No such story.
    Missing,
}

/// The checks that need no database, by field name (`title`, `slug`, …, `action`).
pub fn check_fields(input: &EditorInput, now: &str) -> Vec<(String, EditorProblem)> {
    let mut problems = Vec::new();
    let mut refuse = |field: &str, problem| problems.push((field.to_owned(), problem));
    let fields = &input.fields;
    let title = fields.title.trim();
    if title.is_empty() {
        refuse("title", EditorProblem::TitleMissing);
    } else if title.chars().count() > TITLE_MAX {
        refuse("title", EditorProblem::TitleTooLong);
    }
    if !fields.slug.trim().is_empty() && slugify(&fields.slug).is_empty() {
        refuse("slug", EditorProblem::SlugInvalid);
    }
    if fields.summary.chars().count() > SUMMARY_MAX {
        refuse("summary", EditorProblem::SummaryTooLong);
    }
    if fields.body.chars().count() > BODY_MAX {
        refuse("body", EditorProblem::BodyTooLong);
    }
    if let Err(problem) = tags::parse_tags(&fields.tags) {
        refuse("tags", problem);
    }
    if let Err(problem) = attachment::parse_duration(&fields.duration) {
        refuse("duration", problem);
    }
    if input.action == EditorAction::Schedule {
        match &input.publish_at {
            Ok(Some(at)) if at.as_str() <= now => refuse("publish_at", EditorProblem::WhenPast),
            Ok(Some(_)) => {}
            Ok(None) | Err(()) => refuse("publish_at", EditorProblem::WhenMissing),
        }
    } else if input.publish_at.is_err() {
        refuse("publish_at", EditorProblem::WhenMissing);
    }
    problems
}

/// The kind of a new story: one the editor writes, else an article.
pub fn new_kind(asked: &str) -> StoryKind {
    StoryKind::from_code(asked).unwrap_or_default()
}

/// The slug a version gets: the one typed, else one made from the title — always in
/// the site's slug form (lower case, letters and digits joined by dashes).
pub fn slug_for(fields: &StoryFields) -> String {
    let typed = slugify(&fields.slug);
    if typed.is_empty() {
        slugify(&fields.title)
    } else {
        typed
    }
}

#[derive(sqlx::FromRow)]
struct Existing {
    kind: StoryKind,
    translation_id: Option<i64>,
    status: Option<String>,
    published_at: Option<String>,
    slug: Option<String>,
}

/// Saves version `lang` of story `story_id` (`None`: a new story) as `user`.
pub async fn save(
    pool: &Db,
    user: &SessionUser,
    story_id: Option<i64>,
    lang: Lang,
    input: &EditorInput,
) -> DataResult<Saved> {
    let now: String = crate::sql::query_scalar(crate::sql::dialect_sql!(format!("SELECT {NOW}")))
        .fetch_one(pool)
        .await?;
    let existing: Option<Existing> = match story_id {
        Some(id) => {
            let found = crate::sql::query_as(
                "SELECT s.kind, t.id AS translation_id, t.status, t.published_at, t.slug
                 FROM stories s LEFT JOIN story_translations t ON t.story_id = s.id AND t.lang = ?
                 WHERE s.id = ?",
            )
            .bind(lang.code())
            .bind(id)
            .fetch_optional(pool)
            .await?;
            if found.is_none() {
                return Ok(Saved::Missing);
            }
            found
        }
        None => None,
    };
    let status_before = existing
        .as_ref()
        .and_then(|e| e.status.as_deref())
        .and_then(StoryStatus::from_code);
    let mut problems = check_fields(input, &now);
    let kind = match &existing {
        Some(found) => found.kind,
        None => input.kind,
    };
    problems.extend(details::check(kind, &input.fields.details));
    if !user.role.allows(input.action.needs()) || !may_edit(user, status_before) {
        problems.push(("action".into(), EditorProblem::NotAllowed));
    }
    if let Some(section) = input.section_id {
        let known: Option<i64> = crate::sql::query_scalar("SELECT id FROM sections WHERE id = ?")
            .bind(section)
            .fetch_optional(pool)
            .await?;
        if known.is_none() {
            problems.push(("section".into(), EditorProblem::SectionUnknown));
        }
    }
    let slug = slug_for(&input.fields);
    let holder: Option<i64> = crate::sql::query_scalar(
        "SELECT story_id FROM story_translations WHERE lang = ? AND slug = ?",
    )
    .bind(lang.code())
    .bind(&slug)
    .fetch_optional(pool)
    .await?;
    if holder.is_some() && holder != story_id && !slug.is_empty() {
        problems.push(("slug".into(), EditorProblem::SlugTaken));
    }
    if !problems.is_empty() {
        return Ok(Saved::Refused(problems));
    }

    let published_before = existing.as_ref().and_then(|e| e.published_at.clone());
    let kept = published_before.clone();
    let (status, published_at) = match input.action {
        EditorAction::Save => (status_before.unwrap_or(StoryStatus::Draft), kept),
        EditorAction::Submit => (StoryStatus::Review, kept),
        EditorAction::Publish if status_before == Some(StoryStatus::Published) => {
            (StoryStatus::Published, kept)
        }
        EditorAction::Publish => (StoryStatus::Published, Some(now.clone())),
        EditorAction::Schedule => (
            StoryStatus::Scheduled,
            input.publish_at.clone().ok().flatten(),
        ),
        EditorAction::Unpublish => (StoryStatus::Draft, kept),
        EditorAction::Archive => (StoryStatus::Archived, kept),
    };

    // Another editor may take the address between the check above and this write (two
    // servers, or two tabs at once): the database's unique key refuses the second, which
    // is told the address is taken, as by the check, with nothing written.
    let written = async {
        let mut tx = crate::write_tx(pool).await?;
        let (story_id, kind) = match (story_id, &existing) {
            (Some(id), Some(found)) => {
                crate::sql::query(
                    "UPDATE stories SET section_id = ? WHERE id = ? AND section_id IS DISTINCT FROM ?",
                )
                .bind(input.section_id)
                .bind(id)
                .bind(input.section_id)
                .execute(&mut tx)
                .await?;
                (id, found.kind)
            }
            _ => {
                let id: i64 = crate::sql::query_scalar(
                    "INSERT INTO stories (kind, section_id, created_by) VALUES (?, ?, ?) RETURNING id",
                )
                .bind(kind)
                .bind(input.section_id)
                .bind(user.id)
                .fetch_all(&mut tx)
                .await?
                .written()?;
                (id, kind)
            }
        };
        let cover: Option<i64> = match input.cover_id {
            Some(id) => {
                crate::sql::query_scalar("SELECT id FROM media WHERE id = ? AND kind = 'image'")
                    .bind(id)
                    .fetch_optional(&mut tx)
                    .await?
            }
            None => None,
        };
        let fields = &input.fields;
        let version = Version {
            lang,
            slug: &slug,
            fields,
            body_html: &markdown::to_html(&fields.body),
            status,
            published_at: published_at.as_deref(),
            cover,
        };
        let translation_id = match existing.as_ref().and_then(|e| e.translation_id) {
            Some(id) => {
                update_version(&mut tx, id, &version).await?;
                id
            }
            None => insert_version(&mut tx, story_id, &version).await?,
        };
        crate::sql::query(
            "UPDATE story_translations SET body_markdown = ?, updated_by = ? WHERE id = ?",
        )
        .bind(&fields.body)
        .bind(user.id)
        .bind(translation_id)
        .execute(&mut tx)
        .await?;
        let tag_names = tags::parse_tags(&fields.tags).unwrap_or_default();
        tags::set_story_tags(&mut tx, story_id, lang, &tag_names).await?;
        let duration = attachment::parse_duration(&fields.duration).unwrap_or_default();
        attachment::save(&mut tx, story_id, kind, &fields.attachment, duration).await?;
        details::save(&mut tx, story_id, kind, lang, &fields.details).await?;
        search::index::index_translation(&mut tx, translation_id).await?;
        // A live address that changes keeps working: the old one leads to the new.
        let old_slug = existing.as_ref().and_then(|e| e.slug.as_deref());
        if let Some(old) = old_slug.filter(|old| *old != slug && published_before.is_some()) {
            if let Some(old_path) = redirects::normalize(&story_path(lang, kind, old)) {
                redirects::add_story(&mut tx, &old_path, translation_id).await?;
            }
        }
        accounts::audit_on(
            &mut tx,
            Some(user.id),
            &format!("story.{}", input.action.code()),
            &format!("story {story_id} {}", lang.code()),
            fields.title.trim(),
        )
        .await?;
        tx.commit().await?;
        Ok::<i64, DataError>(story_id)
    }
    .await;
    match written {
        Ok(story_id) => Ok(Saved::Done { story_id, status }),
        Err(err) if err.is_taken("slug") => Ok(Saved::Refused(vec![(
            "slug".into(),
            EditorProblem::SlugTaken,
        )])),
        Err(err) => Err(err),
    }
}

/// One version as it is written.
struct Version<'a> {
    lang: Lang,
    slug: &'a str,
    fields: &'a StoryFields,
    body_html: &'a str,
    status: StoryStatus,
    published_at: Option<&'a str>,
    cover: Option<i64>,
}

async fn update_version(conn: &mut Tx, id: i64, version: &Version<'_>) -> DataResult<()> {
    let fields = version.fields;
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "UPDATE story_translations SET slug = ?, title = ?, summary = ?, body_html = ?,
           signature = ?, source = ?, status = ?, published_at = ?, cover_media_id = ?,
           updated_at = {NOW}
         WHERE id = ?"
    )))
    .bind(version.slug)
    .bind(fields.title.trim())
    .bind(fields.summary.trim())
    .bind(version.body_html)
    .bind(fields.signature.trim())
    .bind(fields.source.trim())
    .bind(version.status.code())
    .bind(version.published_at)
    .bind(version.cover)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_version(conn: &mut Tx, story_id: i64, version: &Version<'_>) -> DataResult<i64> {
    let fields = version.fields;
    insert_clean_translation(
        conn,
        story_id,
        &NewTranslation {
            lang: version.lang,
            slug: version.slug,
            title: fields.title.trim(),
            summary: fields.summary.trim(),
            body_html: version.body_html,
            signature: fields.signature.trim(),
            source: fields.source.trim(),
            status: version.status.code(),
            published_at: version.published_at,
            cover_media_id: version.cover,
        },
    )
    .await
}
