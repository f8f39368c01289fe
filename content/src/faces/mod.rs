//! Faces of the diaspora: profiles are stories of kind `profile` (title = name, cover =
//! photo) with a country and city of residence, a field, the sort form of the name for
//! the A–Z index, and the articles and interviews about the person. Also the person
//! box of interviews and profiles.

pub mod index;
pub mod seed;

use super::stories::{card_query, card_query_with, media_image, CardRow};
use super::DataResult;
use crate::address::story_path;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::FIELDS;
use crate::model::{FacesFilter, FacesPage, IndexLetter, Person, ProfileCard, StoryCard};
use crate::Db;
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct ProfileRow {
    field: String,
    city: String,
    country_name: String,
    #[sqlx(flatten)]
    card: CardRow,
}

/// Published profiles of the edition, joined to their facts (`p`, `pt`).
const PROFILES: &str = "JOIN profiles p ON p.story_id = t.story_id
    JOIN profile_translations pt ON pt.story_id = t.story_id AND pt.lang = t.lang";

/// The gallery of an edition: profiles matching `filter`, sorted by name, with the
/// countries and fields to choose from and the A–Z index (counted within the country
/// and field chosen, so the index never offers a letter that leads to nothing).
pub async fn faces(pool: &Db, lang: Lang, filter: &FacesFilter) -> DataResult<FacesPage> {
    let country = filter.country.as_deref();
    let field = filter.field.as_deref().filter(|f| FIELDS.contains(f));
    let letter = filter.letter.as_deref();
    let sql = crate::sql::dialect_sql!(card_query_with(
        "p.field, pt.city, pt.country_name",
        &format!(
            "{PROFILES} WHERE t.lang = ? AND t.kind = 'profile' AND {PUBLISHED}
               AND (?2 IS NULL OR p.country = ?2) AND (?3 IS NULL OR p.field = ?3)
               AND (?4 IS NULL OR pt.initial = ?4)
             ORDER BY pt.sort_key"
        ),
    ));
    let items = crate::sql::query_as::<ProfileRow>(&sql)
        .bind(lang.code())
        .bind(country)
        .bind(field)
        .bind(letter)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| ProfileCard {
            card: row.card.into(),
            field: row.field,
            city: row.city,
            country: row.country_name,
        })
        .collect();

    let facts: Vec<(String, String, String, String)> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "SELECT p.country, pt.country_name, p.field, pt.initial FROM story_translations t
         {PROFILES} WHERE t.lang = ? AND t.kind = 'profile' AND {PUBLISHED}"
        )))
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    let mut countries: HashMap<String, (String, u32)> = HashMap::new();
    let mut fields: HashMap<String, u32> = HashMap::new();
    let mut letters: HashMap<String, u32> =
        index::alphabet(lang).into_iter().map(|l| (l, 0)).collect();
    for (code, name, profile_field, initial) in facts {
        let entry = countries.entry(code.clone()).or_insert((name, 0));
        entry.1 += 1;
        *fields.entry(profile_field.clone()).or_default() += 1;
        if country.is_none_or(|c| c == code) && field.is_none_or(|f| f == profile_field) {
            *letters.entry(initial).or_default() += 1;
        }
    }
    let mut countries: Vec<(String, String, u32)> = countries
        .into_iter()
        .map(|(code, (name, count))| (code, name, count))
        .collect();
    countries.sort_by_key(|c| index::sort_key(&c.1));
    let mut letters: Vec<IndexLetter> = letters
        .into_iter()
        .map(|(letter, count)| IndexLetter { letter, count })
        .collect();
    letters.sort_by_key(|l| index::letter_rank(lang, &l.letter));
    Ok(FacesPage {
        items,
        countries,
        fields: FIELDS
            .iter()
            .filter_map(|f| fields.get(*f).map(|n| ((*f).to_owned(), *n)))
            .collect(),
        letters,
    })
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    name: String,
    role: String,
    city: String,
    country_name: String,
    photo_path: Option<String>,
    photo_width: Option<i64>,
    photo_height: Option<i64>,
    photo_alt: String,
}

/// Who a story is about, for its page: the interviewee (with their portrait and, if
/// they have one, their profile) or the person of a profile. `None` for other kinds.
pub async fn person(
    pool: &Db,
    lang: Lang,
    story_id: i64,
    kind: StoryKind,
) -> DataResult<Option<Person>> {
    let (sql, profile_of) = match kind {
        StoryKind::Interview => (
            "SELECT it.interviewee AS name, it.role, '' AS city, it.country_name,
                    m.path AS photo_path, m.width AS photo_width, m.height AS photo_height,
                    COALESCE(mt.alt, '') AS photo_alt
             FROM interviews i JOIN interview_translations it ON it.story_id = i.story_id
             LEFT JOIN media m ON m.id = i.portrait_id
             LEFT JOIN media_translations mt ON mt.media_id = m.id AND mt.lang = it.lang
             WHERE i.story_id = ?1 AND it.lang = ?2",
            true,
        ),
        StoryKind::Profile => (
            "SELECT t.title AS name, p.field AS role, pt.city, pt.country_name,
                    m.path AS photo_path, m.width AS photo_width, m.height AS photo_height,
                    COALESCE(mt.alt, '') AS photo_alt
             FROM story_translations t
             JOIN profiles p ON p.story_id = t.story_id
             JOIN profile_translations pt ON pt.story_id = t.story_id AND pt.lang = t.lang
             LEFT JOIN media m ON m.id = t.cover_media_id
             LEFT JOIN media_translations mt ON mt.media_id = m.id AND mt.lang = t.lang
             WHERE t.story_id = ?1 AND t.lang = ?2",
            false,
        ),
        _ => return Ok(None),
    };
    let Some(row) = crate::sql::query_as::<PersonRow>(sql)
        .bind(story_id)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let profile_href = if profile_of {
        let slug: Option<String> = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
            "SELECT t.slug FROM profile_stories ps
             {ORDERED_JOIN} story_translations t ON t.story_id = ps.profile_id AND t.lang = ?2
             WHERE ps.story_id = ?1 AND {PUBLISHED} LIMIT 1"
        )))
        .bind(story_id)
        .bind(lang.code())
        .fetch_optional(pool)
        .await?;
        slug.map(|slug| story_path(lang, StoryKind::Profile, &slug))
    } else {
        None
    };
    let (role, field) = if profile_of {
        (row.role, None)
    } else {
        (String::new(), Some(row.role))
    };
    let place = lang.join_list(&[row.city, row.country_name]);
    Ok(Some(Person {
        name: row.name,
        role,
        field,
        place,
        portrait: media_image(
            row.photo_path,
            row.photo_width,
            row.photo_height,
            row.photo_alt,
        ),
        profile_href,
    }))
}

/// The articles and interviews about a person, in the editors' order, in `lang`.
pub async fn stories_about(pool: &Db, lang: Lang, profile_id: i64) -> DataResult<Vec<StoryCard>> {
    // ORDERED_JOIN: start from the person's few links, never from every story of the
    // edition (SQLite would otherwise walk the whole archive and probe the links).
    let sql = crate::sql::dialect_sql!(card_query(&format!(
        "WHERE t.id IN (SELECT t2.id FROM profile_stories ps {ORDERED_JOIN} story_translations t2
                        ON t2.story_id = ps.story_id AND t2.lang = ?2 WHERE ps.profile_id = ?1)
           AND {PUBLISHED}
         ORDER BY (SELECT ps.position FROM profile_stories ps
                   WHERE ps.profile_id = ?1 AND ps.story_id = t.story_id)"
    )));
    let rows: Vec<CardRow> = crate::sql::query_as(&sql)
        .bind(profile_id)
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(StoryCard::from).collect())
}

#[cfg(test)]
mod tests;
