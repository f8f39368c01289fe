//! The demo's twenty faces of the diaspora (`demo/faces.toml`) and the generated
//! portraits of profiles and interviewees (SVG illustrations, never photographs of
//! real people), written under `MEDIA_DIR/demo/portraits/`.

use super::index::{initial, sort_key};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::seed::{seed_story, write_if_changed, SeedVersion};
use crate::write::upsert_image;
use crate::Tx;
use crate::{DataError, DataResult};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

const FACES: &str = include_str!("../../demo/faces.toml");

#[derive(Deserialize)]
struct Demo {
    profile: Vec<ProfileDef>,
}

#[derive(Deserialize)]
struct ProfileDef {
    key: String,
    date: String,
    country: String,
    field: String,
    #[serde(default)]
    related: Vec<String>,
    fr: Edition,
    ar: Edition,
    en: Edition,
}

#[derive(Deserialize)]
struct Edition {
    name: String,
    sort: String,
    city: String,
    country: String,
    summary: String,
    bio: String,
}

/// Seeds the demo profiles in the `visages` section, with their portraits and the
/// stories about them (`stories`: demo key → id). Returns how many were created.
pub async fn seed_profiles(
    conn: &mut Tx,
    media_dir: &Path,
    sections: &HashMap<String, i64>,
    stories: &HashMap<String, i64>,
) -> DataResult<usize> {
    let demo: Demo =
        toml::from_str(FACES).map_err(|e| DataError::Invalid(format!("faces.toml: {e}")))?;
    let section = sections.get("visages").copied();
    let mut created = 0;
    for def in &demo.profile {
        let editions = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ];
        let names = editions.map(|(lang, e)| (lang, e.name.as_str()));
        let photo = portrait(conn, media_dir, &def.key, &names).await?;
        let versions: Vec<SeedVersion> = editions
            .iter()
            .map(|(lang, e)| SeedVersion {
                lang: *lang,
                title: &e.name,
                summary: &e.summary,
                body: &e.bio,
                signature: "",
            })
            .collect();
        let (id, new) = seed_story(
            conn,
            StoryKind::Profile,
            section,
            &def.key,
            &def.date,
            Some(photo),
            &versions,
        )
        .await?;
        created += usize::from(new);
        crate::sql::query(
            "INSERT INTO profiles (story_id, country, field) VALUES (?, ?, ?)
             ON CONFLICT (story_id) DO UPDATE SET country = excluded.country, field = excluded.field",
        )
        .bind(id)
        .bind(&def.country)
        .bind(&def.field)
        .execute(&mut *conn)
        .await?;
        for (lang, e) in editions {
            let key = sort_key(&e.sort);
            crate::sql::query(
                "INSERT INTO profile_translations
                   (story_id, lang, sort_name, sort_key, initial, city, country_name)
                 VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (story_id, lang) DO UPDATE SET sort_name = excluded.sort_name,
                   sort_key = excluded.sort_key, initial = excluded.initial,
                   city = excluded.city, country_name = excluded.country_name",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&e.sort)
            .bind(&key)
            .bind(initial(&key))
            .bind(&e.city)
            .bind(&e.country)
            .execute(&mut *conn)
            .await?;
        }
        for (position, related) in def.related.iter().enumerate() {
            let story = *stories.get(related).ok_or_else(|| {
                DataError::Invalid(format!("profile {} names unknown story {related}", def.key))
            })?;
            crate::sql::query(
                "INSERT INTO profile_stories (profile_id, story_id, position) VALUES (?, ?, ?)
                 ON CONFLICT (profile_id, story_id) DO UPDATE SET position = excluded.position",
            )
            .bind(id)
            .bind(story)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(created)
}

/// Writes and records the portrait illustration of `key` (480×600 SVG: a bust on a
/// coloured ground), with its alt text in each edition naming the person. Returns its
/// media id.
pub(crate) async fn portrait(
    conn: &mut Tx,
    media_dir: &Path,
    key: &str,
    names: &[(Lang, &str); 3],
) -> DataResult<i64> {
    const GROUNDS: [(&str, &str); 6] = [
        ("#0b5d4b", "#f2c14e"),
        ("#7a1f2b", "#f4d58d"),
        ("#17324d", "#e9c46a"),
        ("#3d2c5b", "#f2a65a"),
        ("#7c4a03", "#f6e7c1"),
        ("#24414e", "#e76f51"),
    ];
    let seed = key
        .bytes()
        .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    let (ground, figure) = GROUNDS[seed % GROUNDS.len()];
    let tilt = (seed / 7) % 30;
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="480" height="600" viewBox="0 0 480 600"><rect width="480" height="600" fill="{ground}"/><circle cx="{cx}" cy="110" r="160" fill="{figure}" opacity=".18"/><circle cx="240" cy="235" r="92" fill="{figure}"/><path d="M70 600c0-130 76-205 170-205s170 75 170 205z" fill="{figure}"/></svg>"#,
        cx = 330 + tilt
    );
    let relative = format!("demo/portraits/{key}.svg");
    let file = media_dir.join(&relative);
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_if_changed(&file, svg.as_bytes())?;
    let alts: Vec<(Lang, String)> = names
        .iter()
        .map(|(lang, name)| {
            let alt = match lang {
                Lang::Fr => format!("Portrait (illustration) : {name}"),
                Lang::Ar => format!("صورة (رسم توضيحي): {name}"),
                Lang::En => format!("Portrait (illustration): {name}"),
            };
            (*lang, alt)
        })
        .collect();
    let alts: Vec<(Lang, &str)> = alts.iter().map(|(l, a)| (*l, a.as_str())).collect();
    upsert_image(
        conn,
        &relative,
        "image/svg+xml",
        (480, 600),
        svg.len() as i64,
        &alts,
    )
    .await
}
