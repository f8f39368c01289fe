//! Reading stories: cards for lists, full articles, related and latest items,
//! translations of a story. One query per list; every filter matches an index.

use super::DataResult;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{Image, SectionLink, StoryCard};
use crate::Db;

/// Columns of a card, selected from `story_translations t` and its joins (`CARD_JOINS`).
const CARD_COLUMNS: &str = "t.kind, t.slug, t.title, t.summary, t.published_at,
    st.name AS section_name, st.slug AS section_slug,
    m.path AS cover_path, m.width AS cover_width, m.height AS cover_height,
    COALESCE(mt.alt, '') AS cover_alt,
    (SELECT string_agg('/media/' || v.path || ' ' || v.width || 'w', ', ')
     FROM media_variants v WHERE v.media_id = m.id AND v.mime <> 'image/webp') AS cover_srcset,
    (SELECT string_agg('/media/' || v.path || ' ' || v.width || 'w', ', ')
     FROM media_variants v WHERE v.media_id = m.id AND v.mime = 'image/webp') AS cover_webp_srcset";

const CARD_JOINS: &str = "
    LEFT JOIN section_translations st ON st.section_id = t.section_id AND st.lang = t.lang
    LEFT JOIN media m ON m.id = t.cover_media_id
    LEFT JOIN media_translations mt ON mt.media_id = m.id AND mt.lang = t.lang";

/// A card as read from the database, before it becomes a [`StoryCard`].
#[derive(sqlx::FromRow)]
pub(crate) struct CardRow {
    kind: StoryKind,
    slug: String,
    title: String,
    summary: String,
    published_at: Option<String>,
    section_name: Option<String>,
    section_slug: Option<String>,
    cover_path: Option<String>,
    cover_width: Option<i64>,
    cover_height: Option<i64>,
    cover_alt: String,
    cover_srcset: Option<String>,
    cover_webp_srcset: Option<String>,
}

impl From<CardRow> for StoryCard {
    fn from(row: CardRow) -> Self {
        let section = match (row.section_name, row.section_slug) {
            (Some(name), Some(slug)) => Some(SectionLink { name, slug }),
            _ => None,
        };
        let cover = media_image(
            row.cover_path,
            row.cover_width,
            row.cover_height,
            row.cover_alt,
        )
        .map(|image| Image {
            srcset: row.cover_srcset.unwrap_or_default(),
            webp_srcset: row.cover_webp_srcset.unwrap_or_default(),
            ..image
        });
        StoryCard {
            kind: row.kind,
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            published_at: row.published_at.unwrap_or_default(),
            section,
            cover,
        }
    }
}

/// A picture of the `media` table as pages show it (`path` is under `/media/`).
pub(crate) fn media_image(
    path: Option<String>,
    width: Option<i64>,
    height: Option<i64>,
    alt: String,
) -> Option<Image> {
    path.map(|path| Image {
        src: format!("/media/{path}"),
        width: width.unwrap_or(0) as u32,
        height: height.unwrap_or(0) as u32,
        alt,
        srcset: String::new(),
        webp_srcset: String::new(),
    })
}

/// Builds a card query: `SELECT <card columns> FROM story_translations t <joins> <rest>`.
pub(crate) fn card_query(rest: &str) -> String {
    format!("SELECT {CARD_COLUMNS} FROM story_translations t {CARD_JOINS} {rest}")
}

/// A card query that also selects `extra` columns (for rows that flatten a [`CardRow`]).
pub(crate) fn card_query_with(extra: &str, rest: &str) -> String {
    format!("SELECT {extra}, {CARD_COLUMNS} FROM story_translations t {CARD_JOINS} {rest}")
}

/// The newest published articles of an edition, `skip_slug` left out (the one being read).
pub async fn latest(
    pool: &Db,
    lang: Lang,
    limit: u32,
    skip_slug: Option<&str>,
) -> DataResult<Vec<StoryCard>> {
    let sql = crate::sql::dialect_sql!(card_query(&format!(
        "WHERE t.lang = ? AND t.kind = 'article' AND {PUBLISHED} AND t.slug IS DISTINCT FROM ?
         ORDER BY t.published_at DESC LIMIT ?"
    )));
    let rows: Vec<CardRow> = crate::sql::query_as(&sql)
        .bind(lang.code())
        .bind(skip_slug)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(StoryCard::from).collect())
}

/// The featured story of the home page: the newest article marked featured, else the
/// newest article with a cover image. Two index lookups, never a sort of the archive.
pub async fn featured(pool: &Db, lang: Lang) -> DataResult<Option<StoryCard>> {
    let marked = crate::sql::dialect_sql!(card_query(&format!(
        // ORDERED_JOIN makes SQLite start from the few featured stories.
        "WHERE t.id IN (SELECT t2.id FROM stories s {ORDERED_JOIN} story_translations t2
                        ON t2.story_id = s.id AND t2.lang = ? WHERE s.featured)
           AND t.kind = 'article' AND {PUBLISHED}
         ORDER BY t.published_at DESC LIMIT 1"
    )));
    let row: Option<CardRow> = crate::sql::query_as(&marked)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?;
    if let Some(row) = row {
        return Ok(Some(row.into()));
    }
    let with_cover = crate::sql::dialect_sql!(card_query(&format!(
        "WHERE t.lang = ? AND t.kind = 'article' AND {PUBLISHED} AND t.cover_media_id IS NOT NULL
         ORDER BY t.published_at DESC LIMIT 1"
    )));
    let row: Option<CardRow> = crate::sql::query_as(&with_cover)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?;
    Ok(row.map(StoryCard::from))
}

/// What an article page needs of a story beyond its card.
#[derive(sqlx::FromRow)]
pub struct StoryDetails {
    pub story_id: i64,
    pub kind: StoryKind,
    pub section_id: Option<i64>,
    pub body_html: String,
    pub signature: String,
    pub source: String,
    pub updated_at: String,
}

/// One story translation as read for its page: card and details.
#[derive(sqlx::FromRow)]
pub struct StoryRow {
    #[sqlx(flatten)]
    pub details: StoryDetails,
    #[sqlx(flatten)]
    pub(crate) card: CardRow,
}

impl StoryRow {
    /// Splits the row into the list view of the story and the rest.
    pub fn into_card(self) -> (StoryCard, StoryDetails) {
        (self.card.into(), self.details)
    }
}

/// A published story of the given kinds by its slug in one edition.
pub async fn by_slug(
    pool: &Db,
    lang: Lang,
    slug: &str,
    page_kind: bool,
) -> DataResult<Option<StoryRow>> {
    let kind_filter = if page_kind {
        "t.kind = 'page'"
    } else {
        "t.kind <> 'page'"
    };
    let sql = crate::sql::dialect_sql!(format!(
        "SELECT {STORY_COLUMNS}, {CARD_COLUMNS} FROM story_translations t {CARD_JOINS}
         WHERE t.lang = ? AND t.slug = ? AND {kind_filter} AND {PUBLISHED}"
    ));
    Ok(crate::sql::query_as(&sql)
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await?)
}

/// Columns of a [`StoryRow`] besides its card's.
const STORY_COLUMNS: &str =
    "t.story_id, t.kind, t.section_id, t.body_html, t.signature, t.source, t.updated_at";

/// Version `lang` of story `story_id` whatever its status or kind (the back office's
/// preview).
pub async fn any_version(pool: &Db, story_id: i64, lang: Lang) -> DataResult<Option<StoryRow>> {
    let sql = format!(
        "SELECT {STORY_COLUMNS}, {CARD_COLUMNS} FROM story_translations t {CARD_JOINS}
         WHERE t.story_id = ? AND t.lang = ?"
    );
    Ok(crate::sql::query_as(&sql)
        .bind(story_id)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?)
}

/// The published slugs of a story in every edition, for the switcher and hreflang.
pub async fn translations(pool: &Db, story_id: i64) -> DataResult<Vec<(Lang, String)>> {
    let rows: Vec<(String, String)> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT t.lang, t.slug FROM story_translations t WHERE t.story_id = ? AND {PUBLISHED}"
    )))
    .bind(story_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(lang, slug)| Lang::from_code(&lang).map(|l| (l, slug)))
        .collect())
}

/// Up to `limit` stories of the same section nearest in time to `published_at`
/// (before and after), nearest first. Two short index scans, not a sort of the section.
pub async fn related(
    pool: &Db,
    lang: Lang,
    section_id: i64,
    published_at: &str,
    skip_slug: &str,
    limit: u32,
) -> DataResult<Vec<StoryCard>> {
    // `published` is the dialect's PUBLISHED.
    let side = |op: &str, order: &str, published: &str| {
        format!(
            "SELECT * FROM (SELECT t.id FROM story_translations t
               WHERE t.lang = ?1 AND t.section_id = ?2 AND t.kind <> 'page' AND {published}
                 AND t.published_at {op} ?3 AND t.slug <> ?4
               ORDER BY t.published_at {order} LIMIT ?5) AS side"
        )
    };
    let sql = crate::sql::dialect_sql!(card_query(&format!(
        "WHERE t.id IN ({} UNION ALL {})
         ORDER BY abs({} - {}), t.published_at DESC LIMIT ?5",
        side("<=", "DESC", PUBLISHED),
        side(">", "ASC", PUBLISHED),
        in_days("t.published_at"),
        in_days("?3"),
    )));
    let rows: Vec<CardRow> = crate::sql::query_as(&sql)
        .bind(lang.code())
        .bind(section_id)
        .bind(published_at)
        .bind(skip_slug)
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(StoryCard::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn latest_is_newest_first_and_skips_current() {
        let db = test_db::with_demo().await;
        let latest = latest(&db.pool, Lang::Fr, 5, None).await.unwrap();
        assert_eq!(latest.len(), 5);
        assert!(latest
            .windows(2)
            .all(|w| w[0].published_at >= w[1].published_at));
        let skipped = super::latest(&db.pool, Lang::Fr, 5, Some(&latest[0].slug))
            .await
            .unwrap();
        assert!(skipped.iter().all(|c| c.slug != latest[0].slug));
    }

    #[tokio::test]
    async fn featured_is_the_marked_story_in_every_language() {
        let db = test_db::with_demo().await;
        for lang in Lang::ALL {
            let card = featured(&db.pool, lang).await.unwrap().expect("featured");
            assert!(card.title.contains("2025"), "{lang}: {}", card.title);
            assert!(card.cover.is_some());
        }
        crate::sql::query("UPDATE stories SET featured = FALSE")
            .execute(&db.pool)
            .await
            .unwrap();
        let fallback = featured(&db.pool, Lang::Fr)
            .await
            .unwrap()
            .expect("newest with cover");
        assert!(fallback.cover.is_some());
    }

    #[tokio::test]
    async fn article_found_by_slug_with_translations() {
        let db = test_db::with_demo().await;
        let slug = "l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres";
        let row = by_slug(&db.pool, Lang::Fr, slug, false)
            .await
            .unwrap()
            .expect("article");
        let (card, rest) = row.into_card();
        assert_eq!(card.published_at.get(0..10), Some("2015-04-19"));
        assert_eq!(rest.source, "LE MATIN");
        assert_eq!(card.section.unwrap().name, "Médias et migration");
        let langs = translations(&db.pool, rest.story_id).await.unwrap();
        assert_eq!(langs.len(), 1, "this article exists in French only");
        // A page slug is not an article, and an unknown slug is nothing.
        assert!(by_slug(&db.pool, Lang::Fr, "mentions-legales", false)
            .await
            .unwrap()
            .is_none());
        assert!(by_slug(&db.pool, Lang::Fr, "mentions-legales", true)
            .await
            .unwrap()
            .is_some());
        assert!(by_slug(&db.pool, Lang::Fr, "nope", false)
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn related_are_same_section_nearest_in_time() {
        let db = test_db::with_demo().await;
        let slug = "l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres";
        let (card, rest) = by_slug(&db.pool, Lang::Fr, slug, false)
            .await
            .unwrap()
            .unwrap()
            .into_card();
        let related = related(
            &db.pool,
            Lang::Fr,
            rest.section_id.unwrap(),
            &card.published_at,
            slug,
            6,
        )
        .await
        .unwrap();
        assert!(!related.is_empty());
        assert!(related.iter().all(|c| c.slug != slug));
        assert!(related
            .iter()
            .all(|c| c.section.as_ref().unwrap().name == "Médias et migration"));
        let distance = |c: &StoryCard| {
            (c.published_at.get(0..4).unwrap().parse::<i32>().unwrap() - 2015).abs()
        };
        assert!(related
            .windows(2)
            .all(|w| distance(&w[0]) <= distance(&w[1]) + 1));
        // A draft has no date yet: its preview lists the section's stories all the same.
        let undated = super::related(&db.pool, Lang::Fr, rest.section_id.unwrap(), "", slug, 6)
            .await
            .unwrap();
        assert!(!undated.is_empty());
    }
}
