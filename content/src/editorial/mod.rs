//! Writing in the back office: the story list with its filters, the editor of one
//! language version, saving with the workflow (draft → review → scheduled → published →
//! archived) and the scheduler that puts scheduled versions on the site on time.
//!
//! Who may do what: authors write new versions and change versions that are not on the
//! site (draft or in review), and submit them for review; editors and administrators
//! also publish, schedule, unpublish and archive, and change any version.

pub mod attachment;
pub mod details;
pub mod list;
pub mod markdown;
pub mod page;
pub mod save;
#[cfg(test)]
mod tests;

use super::DataResult;
use crate::lang::Lang;
use crate::model::{Role, SectionOption, SessionUser, StoryStatus, VersionState};
use crate::Db;

/// Whether `user` may change a version in `status` (`None`: not written yet).
pub fn may_edit(user: &SessionUser, status: Option<StoryStatus>) -> bool {
    user.role.allows(Role::Editor)
        || matches!(
            status,
            None | Some(StoryStatus::Draft) | Some(StoryStatus::Review)
        )
}

/// The sections an editor can choose, named in `lang` (by key when a section has no
/// name in that language), alphabetically.
pub async fn section_options(pool: &Db, lang: Lang) -> DataResult<Vec<SectionOption>> {
    let rows: Vec<(i64, String)> = crate::sql::query_as(
        "SELECT s.id, COALESCE(st.name, s.key) AS name FROM sections s
         LEFT JOIN section_translations st ON st.section_id = s.id AND st.lang = ?
         ORDER BY lower(name)",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| SectionOption { id, name })
        .collect())
}

/// The three language versions of a story from `lang:status:published_at` items
/// separated by `|` (as the list's query groups them); missing languages are `None`.
pub(crate) fn versions_from(grouped: &str) -> Vec<VersionState> {
    let found: Vec<(Lang, StoryStatus, Option<String>)> = grouped
        .split('|')
        .filter_map(|item| {
            let mut parts = item.splitn(3, ':');
            let lang = Lang::from_code(parts.next()?)?;
            let status = StoryStatus::from_code(parts.next()?)?;
            let at = parts.next().filter(|a| !a.is_empty()).map(str::to_owned);
            Some((lang, status, at))
        })
        .collect();
    Lang::ALL
        .iter()
        .map(|&lang| {
            let version = found.iter().find(|(l, ..)| *l == lang);
            VersionState {
                lang,
                status: version.map(|(_, s, _)| *s),
                published_at: version.and_then(|(.., at)| at.clone()),
            }
        })
        .collect()
}

/// SQL: the versions of story `s` grouped as [`versions_from`] reads them.
pub(crate) const GROUPED_VERSIONS: &str =
    "(SELECT string_agg(v.lang || ':' || v.status || ':' || COALESCE(v.published_at, ''), '|')
      FROM story_translations v WHERE v.story_id = s.id)";

/// Puts every scheduled version whose time has come on the site (and in the search
/// index), recording it in the audit log. Returns how many went live.
pub async fn publish_due(pool: &Db) -> DataResult<u64> {
    let mut tx = crate::write_tx(pool).await?;
    let due: Vec<(i64, i64, String)> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "UPDATE story_translations SET status = 'published', updated_at = {NOW}
         WHERE status = 'scheduled' AND published_at <= {NOW}
         RETURNING id, story_id, lang"
    )))
    .fetch_all(&mut tx)
    .await?;
    for (id, story_id, lang) in &due {
        super::search::index::index_translation(&mut tx, *id).await?;
        super::accounts::audit_on(
            &mut tx,
            None,
            "story.published-on-time",
            &format!("story {story_id} {lang}"),
            "",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(due.len() as u64)
}
