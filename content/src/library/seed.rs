//! Demo publications (`demo/publications.toml`): each gets a generated PDF and SVG
//! cover under `MEDIA_DIR/demo/publications/`, a story of kind `publication` in its
//! collection's section, and its book details. Idempotent like the rest of the seed.

use super::pdf;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::seed::{seed_story, write_if_changed, SeedVersion};
use crate::write;
use crate::Tx;
use crate::{DataError, DataResult};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

const PUBLICATIONS: &str = include_str!("../../demo/publications.toml");

#[derive(Deserialize)]
struct Library {
    publication: Vec<PublicationDef>,
}

#[derive(Deserialize)]
struct PublicationDef {
    key: String,
    section: String,
    date: String,
    year: i64,
    #[serde(default)]
    isbn: Option<String>,
    languages: Vec<String>,
    fr: BookVersion,
    ar: BookVersion,
    en: BookVersion,
}

#[derive(Deserialize)]
struct BookVersion {
    title: String,
    authors: String,
    summary: String,
    contents: Vec<String>,
}

/// Colours of the five collections' covers.
fn cover_colours(section: &str) -> (&'static str, &'static str) {
    match section {
        "actes-de-colloques" => ("#0b5d4b", "#f2c14e"),
        "etudes" => ("#1d3557", "#a8dadc"),
        "oeuvres-litteraires" => ("#7f1d1d", "#fde68a"),
        "beaux-livres" => ("#3f3f46", "#f4a261"),
        _ => ("#4c1d95", "#c4b5fd"),
    }
}

/// A book cover (600×900): the collection's colours, the title in the book's first
/// language, the year.
fn cover_svg(def: &PublicationDef) -> String {
    let (dark, accent) = cover_colours(&def.section);
    let version = match def.languages.first().map(String::as_str) {
        Some("ar") => &def.ar,
        Some("en") => &def.en,
        _ => &def.fr,
    };
    let rtl = def.languages.first().map(String::as_str) == Some("ar");
    // In right-to-left text "start" is the right edge.
    let x = if rtl { 540 } else { 60 };
    let mut lines: Vec<String> = Vec::new();
    for word in version.title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= 16 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    let title: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                r##"<text x="{x}" y="{}" font-size="40" font-weight="700" fill="#fff" font-family="Georgia, 'Noto Naskh Arabic', serif"{}>{}</text>"##,
                290 + i * 54,
                if rtl { r#" direction="rtl""# } else { "" },
                html_escape::encode_text(line)
            )
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 900" width="600" height="900"><rect width="600" height="900" fill="{dark}"/><rect x="0" y="0" width="600" height="40" fill="{accent}"/><rect x="60" y="200" width="120" height="8" fill="{accent}"/>{title}<text x="60" y="820" font-size="32" fill="{accent}" font-family="Georgia, serif">CCME · {year}</text></svg>"##,
        year = def.year,
    )
}

/// Loads the demo publications; returns how many stories were created.
pub async fn seed_publications(
    conn: &mut Tx,
    media_dir: &Path,
    sections: &HashMap<String, i64>,
) -> DataResult<usize> {
    let library: Library = toml::from_str(PUBLICATIONS)
        .map_err(|e| DataError::Invalid(format!("publications.toml: {e}")))?;
    let dir = media_dir.join("demo/publications");
    std::fs::create_dir_all(&dir)?;
    let mut created = 0;
    for def in &library.publication {
        let section_id = *sections
            .get(&def.section)
            .ok_or_else(|| DataError::Invalid(format!("unknown collection {}", def.section)))?;
        let versions = [
            (Lang::Fr, &def.fr),
            (Lang::Ar, &def.ar),
            (Lang::En, &def.en),
        ];
        // The PDF: French title and contents (Latin letters for the standard PDF font),
        // a dozen pages or so.
        let pages = 8 + (def.year as usize % 9);
        let mut lines = vec![
            def.fr.authors.clone(),
            format!("CCME, {}", def.year),
            String::new(),
        ];
        lines.extend(def.fr.contents.iter().cloned());
        let document = pdf::document(&def.fr.title, &lines, &def.fr.summary, pages);
        let pdf_path = format!("demo/publications/{}.pdf", def.key);
        write_if_changed(&media_dir.join(&pdf_path), &document)?;
        let svg = cover_svg(def);
        let cover_path = format!("demo/publications/{}.svg", def.key);
        write_if_changed(&media_dir.join(&cover_path), svg.as_bytes())?;
        let alts: Vec<(Lang, String)> = versions
            .iter()
            .map(|(lang, v)| (*lang, v.title.clone()))
            .collect();
        let alt_refs: Vec<(Lang, &str)> = alts.iter().map(|(l, a)| (*l, a.as_str())).collect();
        let cover = write::upsert_image(
            conn,
            &cover_path,
            "image/svg+xml",
            (600, 900),
            svg.len() as i64,
            &alt_refs,
        )
        .await?;
        let pdf_id = write::upsert_file(
            conn,
            "pdf",
            &pdf_path,
            "application/pdf",
            document.len() as i64,
        )
        .await?;

        let editions: Vec<SeedVersion> = versions
            .iter()
            .map(|(lang, v)| SeedVersion {
                lang: *lang,
                title: &v.title,
                summary: &v.summary,
                body: &v.summary,
                signature: &v.authors,
            })
            .collect();
        let (id, new) = seed_story(
            conn,
            StoryKind::Publication,
            Some(section_id),
            &def.key,
            &def.date,
            Some(cover),
            &editions,
        )
        .await?;
        created += usize::from(new);
        crate::sql::query(
            "INSERT INTO publications (story_id, year, isbn, languages, pages, pdf_media_id)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (story_id) DO UPDATE SET year = excluded.year, isbn = excluded.isbn,
               languages = excluded.languages, pages = excluded.pages,
               pdf_media_id = excluded.pdf_media_id",
        )
        .bind(id)
        .bind(def.year)
        .bind(&def.isbn)
        .bind(def.languages.join(","))
        .bind(pages as i64)
        .bind(pdf_id)
        .execute(&mut *conn)
        .await?;
        for (lang, version) in versions {
            crate::sql::query(
                "INSERT INTO publication_translations (story_id, lang, authors, contents)
                 VALUES (?, ?, ?, ?)
                 ON CONFLICT (story_id, lang) DO UPDATE SET authors = excluded.authors,
                   contents = excluded.contents",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&version.authors)
            .bind(version.contents.join("\n"))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(created)
}
