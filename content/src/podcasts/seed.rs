//! Demo podcasts (`demo/podcasts.toml`): programmes, episodes with generated audio
//! under `MEDIA_DIR/demo/podcasts/`. Idempotent like the rest of the seed.

use super::wav;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::seed::{seed_story, write_if_changed, SeedVersion};
use crate::write;
use crate::Tx;
use crate::{DataError, DataResult};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

const PODCASTS: &str = include_str!("../../demo/podcasts.toml");

#[derive(Deserialize)]
struct Podcasts {
    programme: Vec<ProgrammeDef>,
    episode: Vec<EpisodeDef>,
}

#[derive(Deserialize)]
struct ProgrammeDef {
    key: String,
    fr: ProgrammeName,
    ar: ProgrammeName,
    en: ProgrammeName,
}

#[derive(Deserialize)]
struct ProgrammeName {
    name: String,
    slug: String,
    description: String,
}

#[derive(Deserialize)]
struct EpisodeDef {
    key: String,
    programme: String,
    number: i64,
    date: String,
    seconds: u32,
    fr: EpisodeVersion,
    ar: EpisodeVersion,
    en: EpisodeVersion,
}

#[derive(Deserialize)]
struct EpisodeVersion {
    title: String,
    strand: String,
    speakers: String,
    summary: String,
}

/// Loads the demo podcasts; returns how many episodes were created.
pub async fn seed_podcasts(conn: &mut Tx, media_dir: &Path) -> DataResult<usize> {
    let podcasts: Podcasts =
        toml::from_str(PODCASTS).map_err(|e| DataError::Invalid(format!("podcasts.toml: {e}")))?;
    let dir = media_dir.join("demo/podcasts");
    std::fs::create_dir_all(&dir)?;
    let mut programmes: HashMap<&str, i64> = HashMap::new();
    for (position, def) in podcasts.programme.iter().enumerate() {
        let id: i64 = crate::sql::query_scalar(
            "INSERT INTO programmes (key, position) VALUES (?, ?)
             ON CONFLICT (key) DO UPDATE SET position = excluded.position RETURNING id",
        )
        .bind(&def.key)
        .bind(position as i64)
        .fetch_all(&mut *conn)
        .await?
        .written()?;
        for (lang, name) in [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ] {
            crate::sql::query(
                "INSERT INTO programme_translations (programme_id, lang, name, slug, description)
                 VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (programme_id, lang) DO UPDATE SET name = excluded.name,
                   slug = excluded.slug, description = excluded.description",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&name.name)
            .bind(&name.slug)
            .bind(&name.description)
            .execute(&mut *conn)
            .await?;
        }
        programmes.insert(&def.key, id);
    }
    let mut created = 0;
    for (index, def) in podcasts.episode.iter().enumerate() {
        let programme = *programmes
            .get(def.programme.as_str())
            .ok_or_else(|| DataError::Invalid(format!("unknown programme {}", def.programme)))?;
        let audio = wav::tones(def.seconds, index as u32);
        let audio_path = format!("demo/podcasts/{}.wav", def.key);
        write_if_changed(&media_dir.join(&audio_path), &audio)?;
        let audio_id =
            write::upsert_file(conn, "audio", &audio_path, "audio/wav", audio.len() as i64).await?;
        let versions = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ];
        let editions: Vec<SeedVersion> = versions
            .iter()
            .map(|(lang, v)| SeedVersion {
                lang: *lang,
                title: &v.title,
                summary: &v.summary,
                body: &v.summary,
                signature: &v.speakers,
            })
            .collect();
        let (id, new) = seed_story(
            conn,
            StoryKind::Episode,
            None,
            &def.key,
            &def.date,
            None,
            &editions,
        )
        .await?;
        created += usize::from(new);
        crate::sql::query(
            "INSERT INTO episodes (story_id, programme_id, audio_media_id, duration_seconds, number)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (story_id) DO UPDATE SET programme_id = excluded.programme_id,
               audio_media_id = excluded.audio_media_id,
               duration_seconds = excluded.duration_seconds, number = excluded.number",
        )
        .bind(id)
        .bind(programme)
        .bind(audio_id)
        .bind(i64::from(def.seconds))
        .bind(def.number)
        .execute(&mut *conn)
        .await?;
        for (lang, version) in versions {
            let transcript = format!("{}\n\n{}", version.summary, version.speakers);
            crate::sql::query(
                "INSERT INTO episode_translations (story_id, lang, strand, speakers, transcript)
                 VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (story_id, lang) DO UPDATE SET strand = excluded.strand,
                   speakers = excluded.speakers, transcript = excluded.transcript",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&version.strand)
            .bind(&version.speakers)
            .bind(transcript)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(created)
}
