//! The publications library: books and reports of the five collections (the sections
//! under `ressources`), with filters by collection, year and the language a book is
//! written in. A publication is a story of kind `publication`, so cards, slugs,
//! translations, search and sitemaps work as for articles.

pub mod pdf;
pub mod seed;

use super::stories::{card_query_with, CardRow};
use super::DataResult;
use crate::lang::Lang;
use crate::model::{
    Collection, FileLink, LibraryFilters, LibraryPage, PublicationCard, PublicationPage,
    SectionLink,
};
use crate::Db;

/// Books a page of the listing.
pub const LIBRARY_PAGE_SIZE: u32 = 12;

/// Joins and extra columns of a publication card.
const EXTRA: &str = "p.year, p.languages, COALESCE(pt.authors, '') AS authors";
const JOINS: &str = "JOIN publications p ON p.story_id = t.story_id
    LEFT JOIN publication_translations pt ON pt.story_id = t.story_id AND pt.lang = t.lang";

#[derive(sqlx::FromRow)]
struct PublicationRow {
    year: i64,
    languages: String,
    authors: String,
    #[sqlx(flatten)]
    card: CardRow,
}

impl From<PublicationRow> for PublicationCard {
    fn from(row: PublicationRow) -> Self {
        PublicationCard {
            card: row.card.into(),
            year: row.year as i32,
            authors: row.authors,
            languages: row
                .languages
                .split(',')
                .filter_map(Lang::from_code)
                .collect(),
        }
    }
}

/// `WHERE` conditions of a filtered listing (`published` is the dialect's PUBLISHED);
/// their values are [`condition_values`].
fn conditions(filters: &LibraryFilters, published: &str) -> String {
    let mut sql = format!("WHERE t.lang = ? AND t.kind = 'publication' AND {published}");
    if filters.collection.is_some() {
        sql.push_str(" AND st.slug = ?");
    }
    if filters.year.is_some() {
        sql.push_str(" AND p.year = CAST(? AS BIGINT)");
    }
    if filters.language.is_some() {
        sql.push_str(" AND (',' || p.languages || ',') LIKE ?");
    }
    sql
}

/// The values of [`conditions`], in order.
fn condition_values(lang: Lang, filters: &LibraryFilters) -> Vec<String> {
    let mut values = vec![lang.code().to_owned()];
    if let Some(collection) = &filters.collection {
        values.push(collection.clone());
    }
    if let Some(year) = filters.year {
        values.push(year.to_string());
    }
    if let Some(language) = filters.language {
        values.push(format!("%,{},%", language.code()));
    }
    values
}

/// The library listing of an edition.
pub async fn library(
    pool: &Db,
    lang: Lang,
    filters: &LibraryFilters,
    page: u32,
) -> DataResult<LibraryPage> {
    let values = condition_values(lang, filters);
    let count_sql = crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM story_translations t {JOINS}
         LEFT JOIN section_translations st ON st.section_id = t.section_id AND st.lang = t.lang
         {}",
        conditions(filters, PUBLISHED)
    ));
    let mut count = crate::sql::query_scalar::<i64>(&count_sql);
    for value in &values {
        count = count.bind(value);
    }
    let total = count.fetch_one(pool).await? as u32;
    let total_pages = total.div_ceil(LIBRARY_PAGE_SIZE).max(1);
    let page = page.clamp(1, total_pages);
    let list_sql = crate::sql::dialect_sql!(card_query_with(
        EXTRA,
        &format!(
            "{JOINS} {} ORDER BY p.year DESC, t.published_at DESC LIMIT ? OFFSET ?",
            conditions(filters, PUBLISHED)
        ),
    ));
    let mut list = crate::sql::query_as::<PublicationRow>(&list_sql);
    for value in &values {
        list = list.bind(value);
    }
    let items = list
        .bind(i64::from(LIBRARY_PAGE_SIZE))
        .bind(i64::from((page - 1) * LIBRARY_PAGE_SIZE))
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(PublicationCard::from)
        .collect();
    let new_sql = crate::sql::dialect_sql!(card_query_with(
        EXTRA,
        &format!(
            "{JOINS} WHERE t.lang = ? AND t.kind = 'publication' AND {PUBLISHED}
             ORDER BY t.published_at DESC LIMIT 4"
        ),
    ));
    let new_releases = crate::sql::query_as::<PublicationRow>(&new_sql)
        .bind(lang.code())
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(PublicationCard::from)
        .collect();
    // `+t.section_id` keeps SQLite on the few publications (kind index) rather than on
    // every story of the collection's section, which may hold thousands of articles.
    let collections: Vec<(String, String, i64)> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "SELECT st.name, st.slug,
           (SELECT count(*) FROM story_translations t
             WHERE +t.section_id = s.id AND t.lang = st.lang AND t.kind = 'publication'
               AND {PUBLISHED})
         FROM sections s
         JOIN sections parent ON parent.id = s.parent_id AND parent.key = 'ressources'
         JOIN section_translations st ON st.section_id = s.id AND st.lang = ?
         ORDER BY s.position"
        )))
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    let years: Vec<i64> = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT DISTINCT p.year FROM publications p
         JOIN story_translations t ON t.story_id = p.story_id
         WHERE t.lang = ? AND t.kind = 'publication' AND {PUBLISHED} ORDER BY p.year DESC"
    )))
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    Ok(LibraryPage {
        collections: collections
            .into_iter()
            .map(|(name, slug, count)| Collection {
                section: SectionLink { name, slug },
                count: count as u32,
            })
            .collect(),
        years: years.into_iter().map(|y| y as i32).collect(),
        items,
        new_releases,
        page,
        total_pages,
        total,
    })
}

/// One publication of an edition by its slug.
pub async fn publication(pool: &Db, lang: Lang, slug: &str) -> DataResult<Option<PublicationPage>> {
    let sql = crate::sql::dialect_sql!(card_query_with(
        &format!("{EXTRA}, p.isbn, p.pages, COALESCE(pt.contents, '') AS contents, f.path AS pdf_path, f.bytes AS pdf_bytes"),
        &format!(
            "{JOINS} LEFT JOIN media f ON f.id = p.pdf_media_id
             WHERE t.lang = ? AND t.slug = ? AND t.kind = 'publication' AND {PUBLISHED}"
        ),
    ));
    #[derive(sqlx::FromRow)]
    struct Row {
        isbn: Option<String>,
        pages: Option<i64>,
        contents: String,
        pdf_path: Option<String>,
        pdf_bytes: Option<i64>,
        #[sqlx(flatten)]
        publication: PublicationRow,
    }
    let row: Option<Row> = crate::sql::query_as(&sql)
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let alternates =
        crate::alternates::of_story_slug(pool, lang, crate::model::StoryKind::Publication, slug)
            .await?;
    Ok(Some(PublicationPage {
        item: row.publication.into(),
        isbn: row.isbn,
        pages: row.pages.map(|p| p as u32),
        contents: row
            .contents
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        pdf: row.pdf_path.map(|path| FileLink {
            href: format!("/media/{path}"),
            bytes: row.pdf_bytes.unwrap_or(0) as u64,
        }),
        alternates,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn the_library_lists_filters_and_opens_books() {
        let db = test_db::with_demo().await;
        let all = library(&db.pool, Lang::Ar, &LibraryFilters::default(), 1)
            .await
            .unwrap();
        assert_eq!(all.total, 25);
        assert_eq!((all.items.len(), all.total_pages), (12, 3));
        let counts: Vec<u32> = all.collections.iter().map(|c| c.count).collect();
        assert_eq!(counts, [5, 5, 5, 5, 5], "five collections of five");
        assert_eq!(all.collections[1].section.name, "دراسات");
        assert_eq!(all.items[0].year, 2025, "newest first");
        assert_eq!(all.new_releases.len(), 4);
        assert!(all.years.windows(2).all(|w| w[0] > w[1]));
        let studies = LibraryFilters {
            collection: Some("etudes".into()),
            ..Default::default()
        };
        let found = library(&db.pool, Lang::Fr, &studies, 1).await.unwrap();
        assert_eq!(found.total, 5);
        assert!(found
            .items
            .iter()
            .all(|p| p.card.section.as_ref().unwrap().slug == "etudes"));
        let english_2025 = LibraryFilters {
            year: Some(2025),
            language: Some(Lang::En),
            ..Default::default()
        };
        let found = library(&db.pool, Lang::Fr, &english_2025, 1).await.unwrap();
        let titles: Vec<&str> = found.items.iter().map(|p| p.card.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Revue Migrations, n° 5", "Paroles d’écrivains, SIEL 2025"]
        );
        // Beyond the last page: the last page.
        assert_eq!(
            library(&db.pool, Lang::En, &LibraryFilters::default(), 99)
                .await
                .unwrap()
                .page,
            3
        );

        let slug = &all.items[0].card.slug;
        let book = publication(&db.pool, Lang::Ar, slug)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(book.isbn.as_deref(), Some("9789954061398"));
        assert_eq!(book.contents, ["الخط المغربي", "الخط المعاصر", "ورشات"]);
        let pdf = book.pdf.unwrap();
        let file = db
            ._dir
            .path()
            .join("media")
            .join(pdf.href.trim_start_matches("/media/"));
        let bytes = std::fs::read(file).expect("the seed wrote the PDF");
        assert_eq!(bytes.len() as u64, pdf.bytes);
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(publication(&db.pool, Lang::Ar, "nope")
            .await
            .unwrap()
            .is_none());
    }
}
