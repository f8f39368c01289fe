//! Tags: the keywords editors give a story in each language. A tag is one concept
//! across languages (`tags.key`) named per edition; readers follow a tag's link from an
//! article to every published story of that edition that carries it.

use super::stories::{card_query, CardRow};
use super::write::{candidates, slugify};
use super::DataResult;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{EditorProblem, SectionLink, StoryCard};
use crate::{Db, Tx};

/// Most tags one story carries in one language.
pub const MAX_TAGS: usize = 20;
/// Longest tag name.
pub const MAX_TAG_CHARS: usize = 60;

/// The names typed in the editor's tag field: split on commas (Latin or Arabic) and
/// semicolons, trimmed, without repeats (case aside). Refused when there are more
/// than [`MAX_TAGS`] or one is longer than [`MAX_TAG_CHARS`].
pub fn parse_tags(typed: &str) -> Result<Vec<String>, EditorProblem> {
    let mut names: Vec<String> = Vec::new();
    for name in typed.split([',', '،', ';', '؛']) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty()
            || names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            continue;
        }
        if name.chars().count() > MAX_TAG_CHARS {
            return Err(EditorProblem::TagsInvalid);
        }
        names.push(name);
    }
    if names.len() > MAX_TAGS {
        return Err(EditorProblem::TagsInvalid);
    }
    Ok(names)
}

/// The tags of a story in `lang`, in name order.
pub async fn of_story(pool: &Db, story_id: i64, lang: Lang) -> DataResult<Vec<SectionLink>> {
    let rows: Vec<(String, String)> = crate::sql::query_as(
        "SELECT tt.name, tt.slug FROM story_tags st
         JOIN tag_translations tt ON tt.tag_id = st.tag_id AND tt.lang = ?
         WHERE st.story_id = ? ORDER BY tt.name",
    )
    .bind(lang.code())
    .bind(story_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, slug)| SectionLink { name, slug })
        .collect())
}

/// The first slug from `name` that no tag of `lang` has (nor as its key).
async fn free_slug(conn: &mut Tx, lang: Lang, name: &str) -> DataResult<String> {
    for slug in candidates(slugify(name), "tag") {
        let taken: bool = crate::sql::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM tag_translations WHERE lang = ? AND slug = ?)
                 OR EXISTS (SELECT 1 FROM tags WHERE key = ? || '-' || ?)",
        )
        .bind(lang.code())
        .bind(&slug)
        .bind(lang.code())
        .bind(&slug)
        .fetch_one(&mut *conn)
        .await?;
        if !taken {
            return Ok(slug);
        }
    }
    unreachable!("candidates never run out")
}

/// The tag named `name` in `lang` (case aside), created if new.
async fn tag_named(conn: &mut Tx, lang: Lang, name: &str) -> DataResult<i64> {
    let found: Option<i64> = crate::sql::query_scalar(
        "SELECT tag_id FROM tag_translations WHERE lang = ? AND lower(name) = lower(?)",
    )
    .bind(lang.code())
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = found {
        return Ok(id);
    }
    let slug = free_slug(conn, lang, name).await?;
    let id: i64 =
        crate::sql::query_scalar("INSERT INTO tags (key) VALUES (? || '-' || ?) RETURNING id")
            .bind(lang.code())
            .bind(&slug)
            .fetch_all(&mut *conn)
            .await?
            .written()?;
    crate::sql::query(
        "INSERT INTO tag_translations (tag_id, lang, name, slug) VALUES (?, ?, ?, ?)",
    )
    .bind(id)
    .bind(lang.code())
    .bind(name)
    .bind(&slug)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Gives the story exactly `names` among its tags named in `lang` (tags with no name in
/// `lang`, set from another edition, stay).
pub async fn set_story_tags(
    conn: &mut Tx,
    story_id: i64,
    lang: Lang,
    names: &[String],
) -> DataResult<()> {
    crate::sql::query(
        "DELETE FROM story_tags WHERE story_id = ? AND tag_id IN
             (SELECT tag_id FROM tag_translations WHERE lang = ?)",
    )
    .bind(story_id)
    .bind(lang.code())
    .execute(&mut *conn)
    .await?;
    for name in names {
        let tag = tag_named(conn, lang, name).await?;
        tag_story(conn, story_id, tag).await?;
    }
    Ok(())
}

/// Gives story `story_id` tag `tag_id` (nothing if it has it).
pub(crate) async fn tag_story(conn: &mut Tx, story_id: i64, tag_id: i64) -> DataResult<()> {
    crate::sql::query(
        "INSERT INTO story_tags (story_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(story_id)
    .bind(tag_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A tag by its slug in `lang`: (id, name, slug).
pub async fn by_slug(pool: &Db, lang: Lang, slug: &str) -> DataResult<Option<(i64, SectionLink)>> {
    let row: Option<(i64, String, String)> = crate::sql::query_as(
        "SELECT tag_id, name, slug FROM tag_translations WHERE lang = ? AND slug = ?",
    )
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, name, slug)| (id, SectionLink { name, slug })))
}

/// The slug of tag `id` in `lang`, for the language switcher.
pub async fn slug_in(pool: &Db, lang: Lang, id: i64) -> DataResult<Option<String>> {
    Ok(
        crate::sql::query_scalar("SELECT slug FROM tag_translations WHERE lang = ? AND tag_id = ?")
            .bind(lang.code())
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// Page `page` (1-based) of the newest published stories of `lang` with tag `id`, and
/// their count.
pub async fn listing(
    pool: &Db,
    lang: Lang,
    id: i64,
    page: u32,
    per_page: u32,
) -> DataResult<(Vec<StoryCard>, u32)> {
    // `published` is the dialect's PUBLISHED.
    let tagged = |published: &str| {
        format!(
            "t.lang = ?1 AND {published} AND t.story_id IN (SELECT story_id FROM story_tags WHERE tag_id = ?2)"
        )
    };
    let sql = crate::sql::dialect_sql!(card_query(&format!(
        "WHERE {} ORDER BY t.published_at DESC LIMIT ?3 OFFSET ?4",
        tagged(PUBLISHED)
    )));
    let rows: Vec<CardRow> = crate::sql::query_as(&sql)
        .bind(lang.code())
        .bind(id)
        .bind(i64::from(per_page))
        .bind(i64::from(page.saturating_sub(1).saturating_mul(per_page)))
        .fetch_all(pool)
        .await?;
    let total: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM story_translations t WHERE {}",
        tagged(PUBLISHED)
    )))
    .bind(lang.code())
    .bind(id)
    .fetch_one(pool)
    .await?;
    Ok((
        rows.into_iter().map(StoryCard::from).collect(),
        total as u32,
    ))
}

#[cfg(test)]
mod tests;
