//! Writing content: sections, stories with their translations, media. Shared by the demo
//! seed, the volume generator and (later) imports and the back office. Bodies are
//! sanitised here, whatever their origin, so nothing unsafe is ever stored.

use super::search::normalize::{fold_latin, is_arabic_mark};
use super::{DataError, DataResult};
use crate::db::Written;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::Tx;

/// One language version of a section.
pub struct SectionName<'a> {
    pub lang: Lang,
    pub name: &'a str,
    pub slug: &'a str,
    pub description: &'a str,
}

/// Creates the section `key` (or updates its names and place when it exists) and returns
/// its id. Idempotent, so seeds and imports can run again.
pub async fn upsert_section(
    conn: &mut Tx,
    key: &str,
    parent_id: Option<i64>,
    position: i64,
    names: &[SectionName<'_>],
) -> DataResult<i64> {
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO sections (key, parent_id, position) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET parent_id = excluded.parent_id, position = excluded.position
         RETURNING id",
    )
    .bind(key)
    .bind(parent_id)
    .bind(position)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    for name in names {
        crate::sql::query(
            "INSERT INTO section_translations (section_id, lang, name, slug, description)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (section_id, lang) DO UPDATE SET
               name = excluded.name, slug = excluded.slug, description = excluded.description",
        )
        .bind(id)
        .bind(name.lang.code())
        .bind(name.name)
        .bind(name.slug)
        .bind(name.description)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The language-independent part of a story.
pub struct NewStory<'a> {
    pub kind: StoryKind,
    pub section_id: Option<i64>,
    pub featured: bool,
    /// Identifies content from outside (seed, import) to keep re-runs idempotent.
    pub source_key: Option<&'a str>,
}

/// One language version of a story, as given by a writer; `body_html` is sanitised
/// before it is stored.
pub struct NewTranslation<'a> {
    pub lang: Lang,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub body_html: &'a str,
    pub signature: &'a str,
    pub source: &'a str,
    pub status: &'a str,
    pub published_at: Option<&'a str>,
    pub cover_media_id: Option<i64>,
}

impl<'a> NewTranslation<'a> {
    /// A published version without signature, source or cover (generated and test
    /// content); set the other fields with struct update syntax when needed.
    pub fn published(
        lang: Lang,
        slug: &'a str,
        title: &'a str,
        summary: &'a str,
        body_html: &'a str,
        published_at: &'a str,
    ) -> Self {
        NewTranslation {
            lang,
            slug,
            title,
            summary,
            body_html,
            signature: "",
            source: "",
            status: "published",
            published_at: Some(published_at),
            cover_media_id: None,
        }
    }
}

/// Inserts a story and its translations. When a story with the same `source_key`
/// exists, nothing is written and its id is returned (`false` = not created).
pub async fn insert_story(
    conn: &mut Tx,
    story: &NewStory<'_>,
    translations: &[NewTranslation<'_>],
) -> DataResult<(i64, bool)> {
    if let Some(key) = story.source_key {
        let existing: Option<i64> =
            crate::sql::query_scalar("SELECT id FROM stories WHERE source_key = ?")
                .bind(key)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(id) = existing {
            return Ok((id, false));
        }
    }
    if translations.is_empty() {
        return Err(DataError::Invalid(
            "a story needs at least one translation".into(),
        ));
    }
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO stories (kind, section_id, featured, source_key) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(story.kind)
    .bind(story.section_id)
    .bind(story.featured)
    .bind(story.source_key)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    for tr in translations {
        insert_translation(conn, id, tr).await?;
    }
    Ok((id, true))
}

/// Adds one language version to an existing story.
pub async fn insert_translation(
    conn: &mut Tx,
    story_id: i64,
    tr: &NewTranslation<'_>,
) -> DataResult<i64> {
    let body = sanitize_html(tr.body_html);
    insert_clean_translation(
        conn,
        story_id,
        &NewTranslation {
            body_html: &body,
            ..*tr
        },
    )
    .await
}

/// Adds one language version whose body already went through [`sanitize_html`]
/// (imports clean it first to derive summaries from it; cleaning twice is wasted time).
pub(crate) async fn insert_clean_translation(
    conn: &mut Tx,
    story_id: i64,
    tr: &NewTranslation<'_>,
) -> DataResult<i64> {
    let body = tr.body_html;
    let id: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "INSERT INTO story_translations
           (story_id, lang, slug, title, summary, body_html, signature, source, status,
            published_at, updated_at, cover_media_id, kind, section_id)
         SELECT s.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, {NOW}),
                ?, s.kind, s.section_id
         FROM stories s WHERE s.id = ?
         RETURNING id"
    )))
    .bind(tr.lang.code())
    .bind(tr.slug)
    .bind(tr.title)
    .bind(tr.summary)
    .bind(body)
    .bind(tr.signature)
    .bind(tr.source)
    .bind(tr.status)
    .bind(tr.published_at)
    .bind(tr.published_at)
    .bind(tr.cover_media_id)
    .bind(story_id)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    super::search::index::index_translation(conn, id).await?;
    Ok(id)
}

/// The names a new key or slug tries in turn: `base`, `base-2`, `base-3`… (`fallback`
/// instead of an empty `base`). Sections, tags and imported stories each take the
/// first one free by their own idea of "taken".
pub(crate) fn candidates(base: String, fallback: &str) -> impl Iterator<Item = String> {
    let base = if base.is_empty() {
        fallback.to_owned()
    } else {
        base
    };
    std::iter::once(base.clone()).chain((2..).map(move |n| format!("{base}-{n}")))
}

/// Registers an image file (path relative to the media folder) with its alt texts.
pub async fn upsert_image(
    conn: &mut Tx,
    path: &str,
    mime: &str,
    size: (u32, u32),
    bytes: i64,
    alts: &[(Lang, &str)],
) -> DataResult<i64> {
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO media (kind, path, mime, width, height, bytes) VALUES ('image', ?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET mime = excluded.mime, width = excluded.width,
           height = excluded.height, bytes = excluded.bytes
         RETURNING id",
    )
    .bind(path)
    .bind(mime)
    .bind(i64::from(size.0))
    .bind(i64::from(size.1))
    .bind(bytes)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    set_alts(conn, id, alts).await?;
    Ok(id)
}

/// Writes the alt texts (descriptions) of media `id` in the languages given; the
/// others keep theirs.
pub async fn set_alts(conn: &mut Tx, id: i64, alts: &[(Lang, &str)]) -> DataResult<()> {
    for (lang, alt) in alts {
        crate::sql::query(
            "INSERT INTO media_translations (media_id, lang, alt) VALUES (?, ?, ?)
             ON CONFLICT (media_id, lang) DO UPDATE SET alt = excluded.alt",
        )
        .bind(id)
        .bind(lang.code())
        .bind(alt)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Records a non-image file under `MEDIA_DIR` (`kind`: pdf, audio, video, other) by
/// its path; returns its id.
pub async fn upsert_file(
    conn: &mut Tx,
    kind: &str,
    path: &str,
    mime: &str,
    bytes: i64,
) -> DataResult<i64> {
    crate::sql::query_scalar(
        "INSERT INTO media (kind, path, mime, bytes) VALUES (?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, mime = excluded.mime,
           bytes = excluded.bytes
         RETURNING id",
    )
    .bind(kind)
    .bind(path)
    .bind(mime)
    .bind(bytes)
    .fetch_all(&mut *conn)
    .await?
    .written()
}

/// Cleans article HTML to a safe subset (no scripts, handlers, styles or foreign
/// frames; audio and video players are kept). ammonia is the maintained,
/// html5ever-based sanitiser of the Rust ecosystem.
pub fn sanitize_html(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["audio", "video", "source"])
        .add_tag_attributes("audio", ["controls", "preload", "src"])
        .add_tag_attributes(
            "video",
            ["controls", "preload", "src", "poster", "width", "height"],
        )
        .add_tag_attributes("source", ["src", "type"])
        .add_tag_attributes("img", ["loading"])
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Makes a URL slug from a title: Latin letters folded to ASCII lower case, Arabic
/// letters kept (percent-encoded in links), everything else collapsed to `-`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut dash = false;
    for ch in title
        .chars()
        .flat_map(|c| fold_latin(c).map_or_else(|| vec![c], |f| f.chars().collect()))
    {
        if is_arabic_mark(ch) {
            continue;
        }
        let keep = ch.is_ascii_alphanumeric() || is_arabic_letter(ch);
        if keep {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(ch.to_lowercase());
        } else {
            dash = true;
        }
    }
    slug.chars()
        .take(120)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

fn is_arabic_letter(ch: char) -> bool {
    // Letters and Arabic-Indic digits.
    matches!(ch, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_french_and_keep_arabic() {
        assert_eq!(
            slugify("L’UE soutient le Maroc dans ses efforts d’intégration des immigrés"),
            "l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres"
        );
        assert_eq!(slugify("Œuvres littéraires"), "oeuvres-litteraires");
        assert_eq!(slugify("مَجْلِسُ الجالية  2025"), "مجلس-الجالية-2025");
        assert_eq!(slugify("  --  "), "");
    }

    #[test]
    fn sanitiser_drops_scripts_and_handlers() {
        let dirty = r#"<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(1)">l</a>"#;
        let clean = sanitize_html(dirty);
        assert!(!clean.contains("script"));
        assert!(!clean.contains("onclick"));
        assert!(!clean.contains("javascript:"));
        assert!(clean.contains("<p>Hi</p>"));
    }
}
