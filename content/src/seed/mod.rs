//! Demo content: the sections, menus, static pages and articles of `demo/content.toml`,
//! with generated cover illustrations. Loaded on start when the database is empty, and
//! idempotent (keys identify everything), so it can run again safely.

use super::write::{self, NewStory, NewTranslation, SectionName};
use super::{DataError, DataResult};
use crate::db::Written;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::{Db, Tx};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

mod covers;

pub use covers::{write_covers, Cover};

const CONTENT: &str = include_str!("../../demo/content.toml");
const PAGES: &str = include_str!("../../demo/pages.toml");
const INTERVIEWS: &str = include_str!("../../demo/interviews.toml");

#[derive(Deserialize)]
struct Content {
    #[serde(default)]
    section: Vec<SectionDef>,
    #[serde(default)]
    story: Vec<StoryDef>,
    #[serde(default)]
    menu: Vec<MenuDef>,
}

#[derive(Deserialize)]
struct SectionDef {
    key: String,
    #[serde(default)]
    parent: Option<String>,
    fr: [String; 2],
    ar: [String; 2],
    en: [String; 2],
    #[serde(default)]
    description: HashMap<String, String>,
}

#[derive(Deserialize)]
struct StoryDef {
    key: String,
    #[serde(default)]
    kind: StoryKind,
    #[serde(default)]
    section: Option<String>,
    date: String,
    #[serde(default)]
    cover: Option<usize>,
    #[serde(default)]
    featured: bool,
    fr: Option<Version>,
    ar: Option<Version>,
    en: Option<Version>,
}

#[derive(Deserialize)]
struct Version {
    title: String,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    summary: String,
    body: String,
    #[serde(default)]
    signature: String,
    #[serde(default)]
    source: String,
}

#[derive(Deserialize)]
struct MenuDef {
    menu: String,
    target: String,
    #[serde(default, rename = "ref")]
    reference: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    label: HashMap<String, String>,
    #[serde(default)]
    children: Vec<MenuDef>,
}

/// Whether the database holds no stories yet (then the server seeds the demo).
pub async fn is_empty(pool: &Db) -> DataResult<bool> {
    let count: i64 = crate::sql::query_scalar("SELECT count(*) FROM stories")
        .fetch_one(pool)
        .await?;
    Ok(count == 0)
}

/// Loads the whole demo into the database and writes cover images under `media_dir`.
/// Returns the number of stories created by this run.
pub async fn seed_demo(pool: &Db, media_dir: &Path) -> DataResult<usize> {
    let parse = |text: &str, name: &str| {
        toml::from_str::<Content>(text).map_err(|e| DataError::Invalid(format!("{name}: {e}")))
    };
    let mut content = parse(CONTENT, "content.toml")?;
    let pages = parse(PAGES, "pages.toml")?;
    content.story.extend(pages.story);
    content
        .story
        .extend(parse(INTERVIEWS, "interviews.toml")?.story);
    content.menu.extend(pages.menu);

    let covers = write_covers(media_dir)?;
    let mut tx = crate::write_tx(pool).await?;
    let mut cover_ids = Vec::with_capacity(covers.len());
    for cover in &covers {
        let alts: Vec<(Lang, &str)> = Lang::ALL.iter().map(|&l| (l, cover.alt(l))).collect();
        let bytes = cover.svg.len() as i64;
        cover_ids.push(
            write::upsert_image(
                &mut tx,
                &cover.path,
                "image/svg+xml",
                (1200, 675),
                bytes,
                &alts,
            )
            .await?,
        );
    }

    let mut sections: HashMap<String, i64> = HashMap::new();
    for (position, def) in content.section.iter().enumerate() {
        let parent = def.parent.as_ref().and_then(|p| sections.get(p)).copied();
        let names = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ]
        .map(|(lang, [name, slug])| SectionName {
            lang,
            name,
            slug,
            description: def
                .description
                .get(lang.code())
                .map(String::as_str)
                .unwrap_or(""),
        });
        let id = write::upsert_section(&mut tx, &def.key, parent, position as i64, &names).await?;
        sections.insert(def.key.clone(), id);
    }

    let mut created = 0;
    let mut stories: HashMap<String, i64> = HashMap::new();
    for def in &content.story {
        let section_id = match &def.section {
            Some(key) => Some(
                *sections
                    .get(key)
                    .ok_or_else(|| DataError::Invalid(format!("unknown section {key}")))?,
            ),
            None => None,
        };
        let cover = def.cover.map(|i| cover_ids[i % cover_ids.len()]);
        let versions = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ];
        let slugs: Vec<(Lang, &Version, String)> = versions
            .iter()
            .filter_map(|(lang, v)| {
                v.as_ref().map(|v| {
                    (
                        *lang,
                        v,
                        v.slug.clone().unwrap_or_else(|| write::slugify(&v.title)),
                    )
                })
            })
            .collect();
        let bodies: Vec<String> = slugs
            .iter()
            .map(|(_, v, _)| paragraphs_to_html(&v.body))
            .collect();
        let translations: Vec<NewTranslation> = slugs
            .iter()
            .zip(&bodies)
            .map(|((lang, v, slug), body)| NewTranslation {
                lang: *lang,
                slug,
                title: &v.title,
                summary: &v.summary,
                body_html: body,
                signature: &v.signature,
                source: &v.source,
                status: "published",
                published_at: Some(&def.date),
                cover_media_id: cover,
            })
            .collect();
        let story = NewStory {
            kind: def.kind,
            section_id,
            featured: def.featured,
            source_key: Some(&def.key),
        };
        let (id, new) = write::insert_story(&mut tx, &story, &translations).await?;
        created += usize::from(new);
        stories.insert(def.key.clone(), id);
    }

    super::interviews::seed_interviews(&mut tx, INTERVIEWS, media_dir, &stories).await?;
    created += super::faces::seed::seed_profiles(&mut tx, media_dir, &sections, &stories).await?;
    created += super::library::seed::seed_publications(&mut tx, media_dir, &sections).await?;
    created += super::podcasts::seed::seed_podcasts(&mut tx, media_dir).await?;

    let has_menu: i64 = crate::sql::query_scalar("SELECT count(*) FROM menu_items")
        .fetch_one(&mut tx)
        .await?;
    if has_menu == 0 {
        for (position, def) in content.menu.iter().enumerate() {
            insert_menu(&mut tx, def, None, position as i64, &sections, &stories).await?;
        }
    }
    tx.commit().await?;
    Ok(created)
}

async fn insert_menu(
    conn: &mut Tx,
    def: &MenuDef,
    parent: Option<i64>,
    position: i64,
    sections: &HashMap<String, i64>,
    stories: &HashMap<String, i64>,
) -> DataResult<()> {
    let lookup =
        |map: &HashMap<String, i64>| def.reference.as_ref().and_then(|r| map.get(r)).copied();
    let (section_id, story_id) = match def.target.as_str() {
        "section" => (lookup(sections), None),
        "story" => (None, lookup(stories)),
        _ => (None, None),
    };
    if def.reference.is_some() && section_id.is_none() && story_id.is_none() {
        return Err(DataError::Invalid(format!(
            "menu points at unknown {:?}",
            def.reference
        )));
    }
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO menu_items (menu, parent_id, position, target, section_id, story_id, path)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&def.menu)
    .bind(parent)
    .bind(position)
    .bind(&def.target)
    .bind(section_id)
    .bind(story_id)
    .bind(&def.path)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    for (lang, label) in &def.label {
        crate::sql::query(
            "INSERT INTO menu_item_labels (menu_item_id, lang, label) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(lang)
        .bind(label)
        .execute(&mut *conn)
        .await?;
    }
    for (child_position, child) in def.children.iter().enumerate() {
        Box::pin(insert_menu(
            conn,
            child,
            Some(id),
            child_position as i64,
            sections,
            stories,
        ))
        .await?;
    }
    Ok(())
}

/// Turns the demo's light markup into HTML: blank lines separate paragraphs, `> ` starts
/// a quotation, `## ` a sub-heading. Text is escaped; the result is sanitised on insert.
pub fn paragraphs_to_html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            if let Some(q) = p.strip_prefix("> ") {
                format!("<blockquote><p>{}</p></blockquote>", escape(q))
            } else if let Some(h) = p.strip_prefix("## ") {
                format!("<h2>{}</h2>", escape(h))
            } else {
                format!("<p>{}</p>", escape(p).replace('\n', " "))
            }
        })
        .collect()
}

/// Writes a generated demo file unless it already holds these bytes (re-seeding leaves
/// files, and their modification times, alone).
pub(crate) fn write_if_changed(file: &Path, bytes: &[u8]) -> DataResult<()> {
    if std::fs::read(file).ok().as_deref() != Some(bytes) {
        std::fs::write(file, bytes)?;
    }
    Ok(())
}

/// One edition of a seeded story of another kind (publication, episode, profile): the
/// body in the demo's light markup, the signature naming its authors or speakers.
pub(crate) struct SeedVersion<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub signature: &'a str,
}

/// Inserts (once, by `key`) a published story of `kind` with these editions; slugs come
/// from the titles. Returns its id and whether it was created.
pub(crate) async fn seed_story(
    conn: &mut Tx,
    kind: StoryKind,
    section_id: Option<i64>,
    key: &str,
    date: &str,
    cover: Option<i64>,
    versions: &[SeedVersion<'_>],
) -> DataResult<(i64, bool)> {
    let slugs: Vec<String> = versions.iter().map(|v| write::slugify(v.title)).collect();
    let bodies: Vec<String> = versions
        .iter()
        .map(|v| paragraphs_to_html(v.body))
        .collect();
    let translations: Vec<NewTranslation> = versions
        .iter()
        .zip(&slugs)
        .zip(&bodies)
        .map(|((v, slug), body)| NewTranslation {
            signature: v.signature,
            cover_media_id: cover,
            ..NewTranslation::published(v.lang, slug, v.title, v.summary, body, date)
        })
        .collect();
    let story = NewStory {
        kind,
        section_id,
        featured: false,
        source_key: Some(key),
    };
    write::insert_story(conn, &story, &translations).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn demo_is_rich_and_idempotent() {
        let db = test_db::with_demo().await;
        let pool = &db.pool;
        let articles: i64 =
            crate::sql::query_scalar("SELECT count(*) FROM stories WHERE kind = 'article'")
                .fetch_one(pool)
                .await
                .unwrap();
        assert!(articles >= 60, "{articles} articles");
        let trilingual: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM (SELECT story_id FROM story_translations WHERE kind = 'article'
             GROUP BY story_id HAVING count(DISTINCT lang) = 3) AS trilingual",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert!(
            trilingual * 3 >= articles,
            "{trilingual} of {articles} in three languages"
        );
        let years: i64 = crate::sql::query_scalar(
            "SELECT count(DISTINCT substr(published_at, 1, 4)) FROM story_translations",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert!(years >= 5, "{years} years");
        let vowelled: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM story_translations WHERE lang = 'ar' AND (body_html LIKE '%َ%' OR body_html LIKE '%ُ%')",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert!(vowelled >= 2, "Arabic with diacritics: {vowelled}");
        let empty_sections: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM sections s WHERE NOT EXISTS (
               SELECT 1 FROM story_translations t WHERE t.section_id = s.id)
             AND NOT EXISTS (SELECT 1 FROM sections c WHERE c.parent_id = s.id)",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        assert_eq!(empty_sections, 0, "every leaf section has stories");
        let again = seed_demo(pool, &db._dir.path().join("media"))
            .await
            .unwrap();
        assert_eq!(again, 0, "second run creates nothing");
    }

    #[test]
    fn light_markup_becomes_escaped_html() {
        let html = paragraphs_to_html("Un <b>texte</b>\nsuite\n\n> « Citation »\n\n## Titre");
        assert_eq!(html, "<p>Un &lt;b&gt;texte&lt;/b&gt; suite</p><blockquote><p>« Citation »</p></blockquote><h2>Titre</h2>");
    }
}
