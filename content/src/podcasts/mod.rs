//! Podcasts: programmes and their episodes. An episode is a story of kind `episode`,
//! so cards, slugs, translations, search and sitemaps work as for articles; this
//! module adds the programme, the audio file, duration, strand and speakers.

pub mod seed;
pub mod wav;

use super::stories::{card_query_with, CardRow};
use super::DataResult;
use crate::lang::Lang;
use crate::model::{EpisodeCard, EpisodePage, FileLink, PodcastsPage, Programme, ProgrammePage};
use crate::Db;

const EXTRA: &str = "pt.name AS programme_name, pt.slug AS programme_slug, e.number,
    e.duration_seconds, COALESCE(et.strand, '') AS strand, COALESCE(et.speakers, '') AS speakers,
    a.path AS audio_path, a.bytes AS audio_bytes";
const JOINS: &str = "JOIN episodes e ON e.story_id = t.story_id
    JOIN programme_translations pt ON pt.programme_id = e.programme_id AND pt.lang = t.lang
    LEFT JOIN episode_translations et ON et.story_id = t.story_id AND et.lang = t.lang
    LEFT JOIN media a ON a.id = e.audio_media_id";

#[derive(sqlx::FromRow)]
struct EpisodeRow {
    programme_name: String,
    programme_slug: String,
    number: i64,
    duration_seconds: i64,
    strand: String,
    speakers: String,
    audio_path: Option<String>,
    audio_bytes: Option<i64>,
    #[sqlx(flatten)]
    card: CardRow,
}

impl From<EpisodeRow> for EpisodeCard {
    fn from(row: EpisodeRow) -> Self {
        EpisodeCard {
            card: row.card.into(),
            programme_name: row.programme_name,
            programme_slug: row.programme_slug,
            number: row.number as u32,
            duration_seconds: row.duration_seconds as u32,
            strand: row.strand,
            speakers: row.speakers,
            audio: row.audio_path.map(|path| FileLink {
                href: format!("/media/{path}"),
                bytes: row.audio_bytes.unwrap_or(0) as u64,
            }),
        }
    }
}

async fn episodes(
    pool: &Db,
    lang: Lang,
    filter: &str,
    order: &str,
    bind: Option<&str>,
) -> DataResult<Vec<EpisodeCard>> {
    let sql = crate::sql::dialect_sql!(card_query_with(
        EXTRA,
        &format!("{JOINS} WHERE t.lang = ? AND t.kind = 'episode' AND {PUBLISHED} {filter} ORDER BY {order}"),
    ));
    let mut query = crate::sql::query_as::<EpisodeRow>(&sql).bind(lang.code());
    if let Some(value) = bind {
        query = query.bind(value);
    }
    Ok(query
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(EpisodeCard::from)
        .collect())
}

async fn programmes(pool: &Db, lang: Lang, slug: Option<&str>) -> DataResult<Vec<Programme>> {
    let rows: Vec<(String, String, String, i64)> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT pt.name, pt.slug, pt.description,
           (SELECT count(*) FROM episodes e {ORDERED_JOIN} story_translations t ON t.story_id = e.story_id
             WHERE e.programme_id = p.id AND t.lang = pt.lang AND {PUBLISHED})
         FROM programmes p JOIN programme_translations pt ON pt.programme_id = p.id
         WHERE pt.lang = ? AND (? IS NULL OR pt.slug = ?)
         ORDER BY p.position"
    )))
    .bind(lang.code())
    .bind(slug)
    .bind(slug)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(name, slug, description, count)| Programme {
            name,
            slug,
            description,
            episode_count: count as u32,
        })
        .collect())
}

/// The slug of a programme in each edition, from its slug in `lang`.
pub async fn programme_slugs(pool: &Db, lang: Lang, slug: &str) -> DataResult<Vec<(Lang, String)>> {
    let rows: Vec<(String, String)> = crate::sql::query_as(
        "SELECT other.lang, other.slug FROM programme_translations this
         JOIN programme_translations other ON other.programme_id = this.programme_id
         WHERE this.lang = ? AND this.slug = ?",
    )
    .bind(lang.code())
    .bind(slug)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(l, s)| Some((Lang::from_code(&l)?, s)))
        .collect())
}

/// `/{lang}/podcasts`.
pub async fn podcasts(pool: &Db, lang: Lang) -> DataResult<PodcastsPage> {
    Ok(PodcastsPage {
        programmes: programmes(pool, lang, None).await?,
        latest: episodes(pool, lang, "", "t.published_at DESC LIMIT 6", None).await?,
    })
}

/// `/{lang}/podcasts/{programme}`; `None` for an unknown programme.
pub async fn programme(pool: &Db, lang: Lang, slug: &str) -> DataResult<Option<ProgrammePage>> {
    let Some(programme) = programmes(pool, lang, Some(slug)).await?.into_iter().next() else {
        return Ok(None);
    };
    let episodes = episodes(pool, lang, "AND pt.slug = ?", "e.number", Some(slug)).await?;
    Ok(Some(ProgrammePage {
        programme,
        episodes,
        alternates: crate::alternates::of_programme(pool, lang, slug).await?,
    }))
}

/// `/{lang}/podcasts/episode/{slug}`; `None` for an unknown episode.
pub async fn episode(pool: &Db, lang: Lang, slug: &str) -> DataResult<Option<EpisodePage>> {
    let Some(episode) = episodes(pool, lang, "AND t.slug = ?", "t.id", Some(slug))
        .await?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    let transcript: String = crate::sql::query_scalar(
        "SELECT et.transcript FROM episode_translations et
         JOIN story_translations t ON t.story_id = et.story_id AND t.lang = et.lang
         WHERE t.lang = ? AND t.slug = ?",
    )
    .bind(lang.code())
    .bind(slug)
    .fetch_optional(pool)
    .await?
    .unwrap_or_default();
    Ok(Some(EpisodePage {
        episode,
        transcript: transcript
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
        alternates: crate::alternates::of_story_slug(
            pool,
            lang,
            crate::model::StoryKind::Episode,
            slug,
        )
        .await?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn programmes_list_their_episodes_with_audio() {
        let db = test_db::with_demo().await;
        let page = podcasts(&db.pool, Lang::Ar).await.unwrap();
        let counts: Vec<u32> = page.programmes.iter().map(|p| p.episode_count).collect();
        assert_eq!(counts, [6, 4]);
        assert_eq!(page.latest.len(), 6);
        assert_eq!(page.latest[0].card.title, "لقاء: المقاولة بين ضفتين");
        let siel = programme(&db.pool, Lang::Fr, "special-siel-2025")
            .await
            .unwrap()
            .unwrap();
        let numbers: Vec<u32> = siel.episodes.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        assert_eq!(siel.episodes[0].strand, "Voix des Amériques");
        let first = &siel.episodes[0];
        let audio = first.audio.as_ref().unwrap();
        let file = db
            ._dir
            .path()
            .join("media")
            .join(audio.href.trim_start_matches("/media/"));
        let bytes = std::fs::read(file).unwrap();
        assert_eq!(bytes.len() as u64, audio.bytes);
        assert_eq!(bytes.len() as u32, 44 + 8_000 * first.duration_seconds);
        let shown = episode(&db.pool, Lang::Fr, &first.card.slug)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(shown.transcript.len(), 2);
        assert!(programme(&db.pool, Lang::Fr, "nope")
            .await
            .unwrap()
            .is_none());
        assert!(episode(&db.pool, Lang::Fr, "nope").await.unwrap().is_none());
    }
}
