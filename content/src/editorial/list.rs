//! The back office's story list: every kind, newest first, filtered by status,
//! language, section, author, words of the title, or a missing translation. Pages are
//! taken by story id (the primary key), so a page of a 100,000-story archive reads 25
//! stories, not the archive.

use super::{section_options, versions_from, GROUPED_VERSIONS};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{AdminStoryRow, StoryFilter, StoryList, StoryStatus, ADMIN_PAGE_SIZE};
use crate::sql::QueryBuilder;
use crate::DataResult;
use crate::Db;

/// Adds the filter's conditions (each a bound parameter) after a `WHERE TRUE`.
fn push_filters(query: &mut QueryBuilder<'_>, filter: &StoryFilter) {
    let status = filter
        .status
        .as_deref()
        .and_then(StoryStatus::from_code)
        .map(StoryStatus::code);
    let lang = filter.lang.as_deref().and_then(Lang::from_code);
    if status.is_some() || lang.is_some() {
        query.push(" AND EXISTS (SELECT 1 FROM story_translations f WHERE f.story_id = s.id");
        if let Some(status) = status {
            query.push(" AND f.status = ").push_bind(status);
        }
        if let Some(lang) = lang {
            query.push(" AND f.lang = ").push_bind(lang.code());
        }
        query.push(")");
    }
    if let Some(section) = filter.section {
        query.push(" AND s.section_id = ").push_bind(section);
    }
    if let Some(author) = filter.author {
        query.push(" AND s.created_by = ").push_bind(author);
    }
    let words = filter.q.as_deref().map(str::trim).unwrap_or("");
    if !words.is_empty() {
        let pattern = format!(
            "%{}%",
            words
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        query
            .push(" AND EXISTS (SELECT 1 FROM story_translations w WHERE w.story_id = s.id AND lower(w.title) LIKE lower(")
            .push_bind(pattern)
            .push(") ESCAPE '\\')");
    }
    if let Some(missing) = filter.missing.as_deref().and_then(Lang::from_code) {
        query
            .push(" AND NOT EXISTS (SELECT 1 FROM story_translations m WHERE m.story_id = s.id AND m.lang = ")
            .push_bind(missing.code())
            .push(")");
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: StoryKind,
    title: String,
    title_lang: String,
    section: Option<String>,
    author: String,
    versions: Option<String>,
}

/// One page of the list, titles and section names in the back office's `lang`.
pub async fn list(pool: &Db, lang: Lang, filter: &StoryFilter) -> DataResult<StoryList> {
    let mut count = QueryBuilder::new("SELECT count(*) FROM stories s WHERE TRUE");
    push_filters(&mut count, filter);
    let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
    let total = total as u32;
    let pages = total.div_ceil(ADMIN_PAGE_SIZE).max(1);
    let page = filter.page.unwrap_or(1).clamp(1, pages);

    let mut rows = QueryBuilder::new(format!(
        "SELECT s.id, s.kind, {GROUPED_VERSIONS} AS versions,
           COALESCE(CASE WHEN u.name = '' THEN u.email ELSE u.name END, a.display_name, '') AS author,
           COALESCE(st.name, sec.key) AS section,
           t.title, t.lang AS title_lang
         FROM stories s
         JOIN story_translations t ON t.id = (
           SELECT x.id FROM story_translations x WHERE x.story_id = s.id
           ORDER BY x.lang = "
    ));
    rows.push_bind(lang.code())
        .push(
            " DESC, x.id LIMIT 1)
         LEFT JOIN users u ON u.id = s.created_by
         LEFT JOIN authors a ON a.id = s.author_id
         LEFT JOIN sections sec ON sec.id = s.section_id
         LEFT JOIN section_translations st ON st.section_id = s.section_id AND st.lang = ",
        )
        .push_bind(lang.code())
        .push(" WHERE TRUE");
    push_filters(&mut rows, filter);
    rows.push(" ORDER BY s.id DESC LIMIT ")
        .push_bind(i64::from(ADMIN_PAGE_SIZE))
        .push(" OFFSET ")
        .push_bind(i64::from((page - 1) * ADMIN_PAGE_SIZE));
    let rows: Vec<Row> = rows.build_query_as().fetch_all(pool).await?;

    let authors: Vec<(i64, String)> = crate::sql::query_as(
        "SELECT id, CASE WHEN name = '' THEN email ELSE name END FROM users
         ORDER BY lower(CASE WHEN name = '' THEN email ELSE name END)",
    )
    .fetch_all(pool)
    .await?;
    Ok(StoryList {
        rows: rows
            .into_iter()
            .map(|row| AdminStoryRow {
                id: row.id,
                kind: row.kind,
                title: row.title,
                title_lang: Lang::from_code(&row.title_lang).unwrap_or_default(),
                section: row.section,
                author: row.author,
                versions: versions_from(row.versions.as_deref().unwrap_or("")),
            })
            .collect(),
        total,
        page,
        pages,
        sections: section_options(pool, lang).await?,
        authors,
    })
}
