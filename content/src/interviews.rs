//! Interviews: question-and-answer stories of kind `interview` (their body's headings
//! are the questions) with who is interviewed, their role and country of residence,
//! listed newest first with a filter by country.

use super::stories::{card_query_with, media_image, CardRow};
use super::{DataError, DataResult};
use crate::lang::Lang;
use crate::model::{InterviewCard, InterviewsPage};
use crate::{Db, Tx};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(sqlx::FromRow)]
struct InterviewRow {
    interviewee: String,
    role: String,
    country_name: String,
    portrait_path: Option<String>,
    portrait_width: Option<i64>,
    portrait_height: Option<i64>,
    portrait_alt: String,
    #[sqlx(flatten)]
    card: CardRow,
}

/// The interviews of an edition, from one country (ISO code) or all.
pub async fn interviews(
    pool: &Db,
    lang: Lang,
    country: Option<&str>,
) -> DataResult<InterviewsPage> {
    let sql = crate::sql::dialect_sql!(card_query_with(
        "it.interviewee, it.role, it.country_name, pm.path AS portrait_path,
         pm.width AS portrait_width, pm.height AS portrait_height,
         COALESCE(pmt.alt, '') AS portrait_alt",
        &format!(
            "JOIN interviews i ON i.story_id = t.story_id
             JOIN interview_translations it ON it.story_id = t.story_id AND it.lang = t.lang
             LEFT JOIN media pm ON pm.id = i.portrait_id
             LEFT JOIN media_translations pmt ON pmt.media_id = pm.id AND pmt.lang = t.lang
             WHERE t.lang = ? AND t.kind = 'interview' AND {PUBLISHED}
               AND (? IS NULL OR i.country = ?)
             ORDER BY t.published_at DESC"
        ),
    ));
    let items = crate::sql::query_as::<InterviewRow>(&sql)
        .bind(lang.code())
        .bind(country)
        .bind(country)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| InterviewCard {
            card: row.card.into(),
            interviewee: row.interviewee,
            role: row.role,
            country: row.country_name,
            portrait: media_image(
                row.portrait_path,
                row.portrait_width,
                row.portrait_height,
                row.portrait_alt,
            ),
        })
        .collect();
    // `t.kind` lets SQLite start from the few interviews, not from every story.
    let countries: Vec<(String, String, i64)> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "SELECT i.country, min(it.country_name), count(*) FROM interviews i
         JOIN interview_translations it ON it.story_id = i.story_id
         JOIN story_translations t ON t.story_id = i.story_id AND t.lang = it.lang
         WHERE it.lang = ? AND t.kind = 'interview' AND {PUBLISHED}
         GROUP BY i.country ORDER BY min(it.country_name)"
        )))
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    Ok(InterviewsPage {
        countries: countries
            .into_iter()
            .map(|(code, name, count)| (code, name, count as u32))
            .collect(),
        items,
    })
}

#[derive(Deserialize)]
struct Demo {
    interview: Vec<InterviewDef>,
}

#[derive(Deserialize)]
struct InterviewDef {
    key: String,
    country: String,
    fr: [String; 3],
    ar: [String; 3],
    en: [String; 3],
}

/// Records who is interviewed in the demo interviews (`demo/interviews.toml`), with a
/// generated portrait, once the stories exist (`stories`: demo key → story id).
pub async fn seed_interviews(
    conn: &mut Tx,
    toml_text: &str,
    media_dir: &Path,
    stories: &HashMap<String, i64>,
) -> DataResult<()> {
    let demo: Demo = toml::from_str(toml_text)
        .map_err(|e| DataError::Invalid(format!("interviews.toml: {e}")))?;
    for def in &demo.interview {
        let id = *stories
            .get(&def.key)
            .ok_or_else(|| DataError::Invalid(format!("interview of unknown story {}", def.key)))?;
        let names = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ]
        .map(|(lang, [name, _, _])| (lang, name.as_str()));
        let portrait = super::faces::seed::portrait(conn, media_dir, &def.key, &names).await?;
        crate::sql::query(
            "INSERT INTO interviews (story_id, country, portrait_id) VALUES (?, ?, ?)
             ON CONFLICT (story_id) DO UPDATE SET country = excluded.country,
               portrait_id = excluded.portrait_id",
        )
        .bind(id)
        .bind(&def.country)
        .bind(portrait)
        .execute(&mut *conn)
        .await?;
        for (lang, [name, role, country]) in [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ] {
            crate::sql::query(
                "INSERT INTO interview_translations (story_id, lang, interviewee, role, country_name)
                 VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (story_id, lang) DO UPDATE SET interviewee = excluded.interviewee,
                   role = excluded.role, country_name = excluded.country_name",
            )
            .bind(id)
            .bind(lang.code())
            .bind(name)
            .bind(role)
            .bind(country)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn interviews_list_newest_first_and_filter_by_country() {
        let db = test_db::with_demo().await;
        let all = interviews(&db.pool, Lang::Fr, None).await.unwrap();
        assert_eq!(all.items.len(), 8);
        assert_eq!(all.items[0].interviewee, "Karima Ahdad");
        assert!(all
            .items
            .windows(2)
            .all(|w| w[0].card.published_at >= w[1].card.published_at));
        let canada = all
            .countries
            .iter()
            .find(|(code, _, _)| code == "CA")
            .unwrap();
        assert_eq!((canada.1.as_str(), canada.2), ("Canada", 2));
        let found = interviews(&db.pool, Lang::Ar, Some("CA")).await.unwrap();
        assert_eq!(found.items.len(), 2);
        assert!(found.items.iter().all(|i| i.country == "كندا"));
        // Interviews only in French are not listed in the other editions.
        assert_eq!(
            interviews(&db.pool, Lang::En, None)
                .await
                .unwrap()
                .items
                .len(),
            6
        );
    }
}
