//! Reading sections: lookup by slug, ancestry (breadcrumbs), sub-sections, and the
//! paginated listing of a section with all its sub-sections.

use super::stories::{card_query, CardRow};
use super::DataResult;
use crate::lang::Lang;
use crate::model::{SectionBlock, SectionLink, StoryCard};
use crate::Db;

/// A section in one language, with what its page needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SectionRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub name: String,
    pub slug: String,
    pub description: String,
}

impl SectionRow {
    /// The link form of this section.
    pub fn link(&self) -> SectionLink {
        SectionLink {
            name: self.name.clone(),
            slug: self.slug.clone(),
        }
    }
}

const SECTION_SELECT: &str = "SELECT s.id, s.parent_id, st.name, st.slug, st.description
    FROM sections s JOIN section_translations st ON st.section_id = s.id AND st.lang = ?";

/// A section by its slug in `lang`.
pub async fn by_slug(pool: &Db, lang: Lang, slug: &str) -> DataResult<Option<SectionRow>> {
    Ok(
        crate::sql::query_as(&format!("{SECTION_SELECT} WHERE st.slug = ?"))
            .bind(lang.code())
            .bind(slug)
            .fetch_optional(pool)
            .await?,
    )
}

/// A section by id in `lang` (e.g. to follow a story into another edition).
pub async fn by_id(pool: &Db, lang: Lang, id: i64) -> DataResult<Option<SectionRow>> {
    Ok(
        crate::sql::query_as(&format!("{SECTION_SELECT} WHERE s.id = ?"))
            .bind(lang.code())
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

/// The chain of sections from the root down to `id` (included), for breadcrumbs.
pub async fn ancestry(pool: &Db, lang: Lang, id: i64) -> DataResult<Vec<SectionLink>> {
    let rows: Vec<(String, String)> = crate::sql::query_as(
        "WITH RECURSIVE chain(id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM sections WHERE id = ?
             UNION ALL
             SELECT s.id, s.parent_id, chain.depth + 1 FROM sections s JOIN chain ON s.id = chain.parent_id
             WHERE chain.depth < 16)
         SELECT st.name, st.slug FROM chain
         JOIN section_translations st ON st.section_id = chain.id AND st.lang = ?
         ORDER BY chain.depth DESC",
    )
    .bind(id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, slug)| SectionLink { name, slug })
        .collect())
}

/// Direct sub-sections of `id`, in menu order.
pub async fn children(pool: &Db, lang: Lang, id: i64) -> DataResult<Vec<SectionLink>> {
    let rows: Vec<SectionRow> = crate::sql::query_as(&format!(
        "{SECTION_SELECT} WHERE s.parent_id = ? ORDER BY s.position, s.id"
    ))
    .bind(lang.code())
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(SectionRow::link).collect())
}

pub(crate) const SUBTREE: &str = "WITH RECURSIVE tree(id) AS (
        SELECT ?1 UNION ALL SELECT s.id FROM sections s JOIN tree ON s.parent_id = tree.id)";

/// Published stories of language ?2 in the section tree. Static pages have no section,
/// so this reads the `story_tr_section` index alone (no table rows) to filter and sort.
/// `published` is the dialect's PUBLISHED.
fn in_tree(published: &str) -> String {
    format!("t.lang = ?2 AND t.section_id IN (SELECT id FROM tree) AND {published}")
}

/// Page `page` (1-based) of the newest stories in section `id` and all its sub-sections,
/// with the total count.
pub async fn listing(
    pool: &Db,
    lang: Lang,
    id: i64,
    page: u32,
    per_page: u32,
) -> DataResult<(Vec<StoryCard>, u32)> {
    let offset = page.saturating_sub(1).saturating_mul(per_page);
    let stories = newest_in_tree(pool, lang, id, per_page, offset).await?;
    let total: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "{SUBTREE} SELECT count(*) FROM story_translations t WHERE {}",
        in_tree(PUBLISHED)
    )))
    .bind(id)
    .bind(lang.code())
    .fetch_one(pool)
    .await?;
    Ok((stories, total as u32))
}

/// For the home page: each top-level section that has stories in `lang`, with its newest.
pub async fn home_blocks(pool: &Db, lang: Lang, per_block: u32) -> DataResult<Vec<SectionBlock>> {
    let roots: Vec<SectionRow> = crate::sql::query_as(&format!(
        "{SECTION_SELECT} WHERE s.parent_id IS NULL ORDER BY s.position, s.id"
    ))
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let mut blocks = Vec::with_capacity(roots.len());
    for root in roots {
        let stories = newest_in_tree(pool, lang, root.id, per_block, 0).await?;
        if !stories.is_empty() {
            blocks.push(SectionBlock {
                section: root.link(),
                stories,
            });
        }
    }
    Ok(blocks)
}

/// The newest published stories of section `id` and its sub-sections.
async fn newest_in_tree(
    pool: &Db,
    lang: Lang,
    id: i64,
    limit: u32,
    offset: u32,
) -> DataResult<Vec<StoryCard>> {
    use crate::sql::dialect::{postgres, sqlite};
    // Pick the page's ids from the index first, then read only those rows.
    let page = |ids: &str| {
        format!(
            "{SUBTREE} {}",
            card_query(&format!(
                "WHERE t.id IN ({ids}) ORDER BY t.published_at DESC"
            ))
        )
    };
    let sql = crate::sql::Sql::owned(
        page(&format!(
            "SELECT t.id FROM story_translations t WHERE {}
             ORDER BY t.published_at DESC LIMIT ?3 OFFSET ?4",
            in_tree(sqlite::PUBLISHED)
        )),
        // PostgreSQL would read every story of the edition and sort them (110 ms at
        // 100,000 articles): instead each section of the tree gives its newest from
        // its own index (lang, status, section, date), and only those are sorted.
        page(&format!(
            "SELECT n.id FROM tree, LATERAL (
               SELECT t.id, t.published_at FROM story_translations t
               WHERE t.lang = ?2 AND t.section_id = tree.id AND {}
               ORDER BY t.published_at DESC LIMIT ?3 + ?4) AS n
             ORDER BY n.published_at DESC LIMIT ?3 OFFSET ?4",
            postgres::PUBLISHED
        )),
    );
    let rows: Vec<CardRow> = crate::sql::query_as(&sql)
        .bind(id)
        .bind(lang.code())
        .bind(i64::from(limit))
        .bind(i64::from(offset))
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(StoryCard::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn parent_section_lists_its_subsections_stories_paginated() {
        let db = test_db::with_demo().await;
        let archives = by_slug(&db.pool, Lang::Fr, "archives-du-ccme")
            .await
            .unwrap()
            .expect("section");
        let kids = children(&db.pool, Lang::Fr, archives.id).await.unwrap();
        assert_eq!(kids.len(), 3);
        let (first, total) = listing(&db.pool, Lang::Fr, archives.id, 1, 4)
            .await
            .unwrap();
        assert_eq!(first.len(), 4);
        assert!(total > 4, "archives gathers its sub-sections' stories");
        assert!(first
            .iter()
            .any(|c| c.section.as_ref().unwrap().slug != "archives-du-ccme"));
        let (second, _) = listing(&db.pool, Lang::Fr, archives.id, 2, 4)
            .await
            .unwrap();
        assert!(
            second.iter().all(|c| !first.contains(c)),
            "pages do not overlap"
        );
        assert!(first.last().unwrap().published_at >= second[0].published_at);
        let (beyond, _) = listing(&db.pool, Lang::Fr, archives.id, 999, 4)
            .await
            .unwrap();
        assert!(beyond.is_empty());
    }

    #[tokio::test]
    async fn breadcrumb_runs_from_root_in_each_language() {
        let db = test_db::with_demo().await;
        let fr = by_slug(&db.pool, Lang::Fr, "medias-et-migration")
            .await
            .unwrap()
            .unwrap();
        let trail = ancestry(&db.pool, Lang::Fr, fr.id).await.unwrap();
        let names: Vec<_> = trail.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Archives du CCME", "Médias et migration"]);
        let ar = ancestry(&db.pool, Lang::Ar, fr.id).await.unwrap();
        assert_eq!(ar.len(), 2);
        assert!(ar[0]
            .name
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
    }

    #[tokio::test]
    async fn home_blocks_cover_main_sections_in_every_language() {
        let db = test_db::with_demo().await;
        for lang in Lang::ALL {
            let blocks = home_blocks(&db.pool, lang, 4).await.unwrap();
            assert!(blocks.len() >= 3, "{lang}: {} blocks", blocks.len());
            assert!(blocks
                .iter()
                .all(|b| !b.stories.is_empty() && b.stories.len() <= 4));
        }
    }
}
