//! One library item after its upload: its descriptions (alt texts) written or corrected
//! in any language — translators often add theirs later — where it is used, and its
//! deletion once nothing uses it (the file and its renditions leave the media folder).
//! Every change goes to the audit log.

use super::accounts::{audit_on, problem, Problems};
use super::media_library::{descriptions, ALTS_COLUMN, RENDITIONS_COLUMN};
use super::DataResult;
use crate::lang::Lang;
use crate::model::{MediaItem, MediaUse, Role, SessionUser, WHOLE_FORM};
use crate::{Db, Tx};
use std::path::Path;

/// Longest description, as at upload.
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// Story versions that show or attach media `?1` (cover, a publication's PDF, an
/// episode's sound, an interviewee's portrait) or name one of its files (`?2`, the
/// path without its extension, so renditions count) in their text; newest story first.
fn uses() -> crate::sql::Sql<'static> {
    crate::sql::dialect_sql!(format!(
        "
    SELECT t.story_id, t.lang, t.title FROM story_translations t
    WHERE t.cover_media_id = ?1 OR {}
    UNION SELECT t.story_id, t.lang, t.title FROM story_translations t
    JOIN publications p ON p.story_id = t.story_id WHERE p.pdf_media_id = ?1
    UNION SELECT t.story_id, t.lang, t.title FROM story_translations t
    JOIN episodes e ON e.story_id = t.story_id WHERE e.audio_media_id = ?1
    UNION SELECT t.story_id, t.lang, t.title FROM story_translations t
    JOIN interviews i ON i.story_id = t.story_id WHERE i.portrait_id = ?1
    ORDER BY 1 DESC, 2",
        contains("t.body_html", "?2")
    ))
}

/// `/media/<path>` without the extension: what the original and its renditions share.
fn file_stem(path: &str) -> String {
    let stem = path.rsplit_once('.').map_or(path, |(stem, _)| stem);
    format!("/media/{stem}")
}

type ItemRow = (
    String,
    String,
    Option<i64>,
    Option<i64>,
    i64,
    String,
    Option<String>,
    i64,
);

/// Media `id` with its descriptions in the three languages and what uses it.
pub async fn media_item(pool: &Db, id: i64) -> DataResult<Option<MediaItem>> {
    let row: Option<ItemRow> = crate::sql::query_as(&format!(
        "SELECT m.kind, m.path, m.width, m.height, m.bytes, m.original_name,
           {ALTS_COLUMN}, {RENDITIONS_COLUMN}
         FROM media m WHERE m.id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some((kind, path, width, height, bytes, name, alts, renditions)) = row else {
        return Ok(None);
    };
    let (uses, other_uses) = uses_of(&mut crate::sql::read_tx(pool).await?, id, &path).await?;
    Ok(Some(MediaItem {
        id,
        kind,
        src: format!("/media/{path}"),
        name,
        width: width.unwrap_or(0) as u32,
        height: height.unwrap_or(0) as u32,
        bytes,
        renditions: renditions as u32,
        descriptions: descriptions(alts.as_deref()),
        uses,
        other_uses: other_uses as u32,
    }))
}

/// The story versions using media `id` (stored at `path`), and how many other things
/// (podcast programmes' covers) do.
async fn uses_of(conn: &mut Tx, id: i64, path: &str) -> DataResult<(Vec<MediaUse>, i64)> {
    let rows: Vec<(i64, String, String)> = crate::sql::query_as(uses())
        .bind(id)
        .bind(file_stem(path))
        .fetch_all(&mut *conn)
        .await?;
    let uses = rows
        .into_iter()
        .filter_map(|(story_id, lang, title)| {
            Some(MediaUse {
                story_id,
                lang: Lang::from_code(&lang)?,
                title,
            })
        })
        .collect();
    let programmes: i64 =
        crate::sql::query_scalar("SELECT count(*) FROM programmes WHERE cover_media_id = ?")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    Ok((uses, programmes))
}

/// Stores the descriptions of media `id` (any account of the back office: whoever may
/// upload may describe). Refused: a description too long (`alt_<lang>`), or no such item.
pub async fn describe(
    pool: &Db,
    user: &SessionUser,
    id: i64,
    descriptions: &[(Lang, String)],
) -> DataResult<Result<(), Problems>> {
    if !user.role.allows(Role::Author) {
        return Ok(Err(problem(WHOLE_FORM, "not_allowed")));
    }
    let problems: Problems = descriptions
        .iter()
        .filter(|(_, text)| text.trim().chars().count() > MAX_DESCRIPTION_CHARS)
        .map(|(lang, _)| (format!("alt_{}", lang.code()), "too_long".to_owned()))
        .collect();
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let mut tx = crate::write_tx(pool).await?;
    let exists: Option<i64> = crate::sql::query_scalar("SELECT id FROM media WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    if exists.is_none() {
        return Ok(Err(problem(WHOLE_FORM, "not_found")));
    }
    let cleaned: Vec<(Lang, String)> = descriptions
        .iter()
        .map(|(lang, text)| {
            (
                *lang,
                text.trim().chars().filter(|c| !c.is_control()).collect(),
            )
        })
        .collect();
    let alts: Vec<(Lang, &str)> = cleaned.iter().map(|(l, t)| (*l, t.as_str())).collect();
    super::write::set_alts(&mut tx, id, &alts).await?;
    audit_on(
        &mut tx,
        Some(user.id),
        "media.describe",
        &format!("media {id}"),
        "",
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Deletes media `id`, its renditions and their files (editors and administrators).
/// Refused while anything uses it, so no page loses a picture, a PDF or a sound.
pub async fn delete(
    pool: &Db,
    media_dir: &Path,
    user: &SessionUser,
    id: i64,
) -> DataResult<Result<(), Problems>> {
    if !user.role.allows(Role::Editor) {
        return Ok(Err(problem(WHOLE_FORM, "editors_only")));
    }
    let mut tx = crate::write_tx(pool).await?;
    let found: Option<(String, String)> =
        crate::sql::query_as("SELECT path, original_name FROM media WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut tx)
            .await?;
    let Some((path, name)) = found else {
        return Ok(Err(problem(WHOLE_FORM, "not_found")));
    };
    let (uses, other_uses) = uses_of(&mut tx, id, &path).await?;
    if !uses.is_empty() || other_uses > 0 {
        return Ok(Err(problem(WHOLE_FORM, "media_in_use")));
    }
    let mut files: Vec<String> =
        crate::sql::query_scalar("SELECT path FROM media_variants WHERE media_id = ?")
            .bind(id)
            .fetch_all(&mut tx)
            .await?;
    files.push(path);
    // Renditions and descriptions go with it (ON DELETE CASCADE).
    crate::sql::query("DELETE FROM media WHERE id = ?")
        .bind(id)
        .execute(&mut tx)
        .await?;
    audit_on(
        &mut tx,
        Some(user.id),
        "media.delete",
        &format!("media {id}"),
        &name,
    )
    .await?;
    tx.commit().await?;
    // Files last: a failed transaction leaves them, a missing file is no error.
    for file in files
        .iter()
        .filter(|f| !f.contains("..") && !f.starts_with('/'))
    {
        match tokio::fs::remove_file(media_dir.join(file)).await {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                tracing::warn!(%err, file, "removing a deleted media file");
            }
            _ => {}
        }
    }
    Ok(Ok(()))
}
