//! Pictures inside an article's text get the renditions of their library item, as on
//! covers: a `<picture>` whose WebP `<source>` comes first and whose `<img>` keeps the
//! JPEG/PNG sizes and the original. Written at reading time, not stored, so a picture
//! that gets its renditions later (the WordPress archive's, see `media_renditions`)
//! shows them at once, and the stored text stays what the editor wrote.

use super::DataResult;
use crate::Db;
use std::collections::HashMap;

/// How wide the article's text is (`.article` in `style/main.css`): what the browser
/// picks a rendition for.
const BODY_SIZES: &str = "(max-width: 44rem) 100vw, 44rem";

/// An `<img>` of the text that shows a library picture and has no `srcset` of its own
/// (one that has is left as written): where the tag starts and ends, and the picture's
/// path under `/media/`.
struct LibraryImg {
    start: usize,
    end: usize,
    path: String,
}

/// The library `<img>` tags of sanitised HTML (ammonia serialises attributes in double
/// quotes, with `"` escaped, so quotes are the only thing to follow to find a tag's end).
fn library_imgs(html: &str) -> Vec<LibraryImg> {
    let mut imgs = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find("<img") {
        let start = from + found;
        let mut quoted = false;
        let end = html[start..]
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(html.len(), |(i, _)| start + i + 1);
        let tag = &html[start..end];
        let path = tag
            .split_once(" src=\"/media/")
            .and_then(|(_, rest)| rest.split_once('"'))
            .filter(|_| !tag.contains(" srcset="))
            .map(|(path, _)| path.replace("&amp;", "&"));
        if let Some(path) = path {
            imgs.push(LibraryImg { start, end, path });
        }
        from = end;
    }
    imgs
}

/// A URL of the media folder as a `srcset` candidate (no spaces or commas, which
/// separate candidates; attribute-safe).
pub fn candidate(path: &str, width: i64) -> String {
    let url = path
        .replace('&', "&amp;")
        .replace('"', "%22")
        .replace(' ', "%20")
        .replace(',', "%2C");
    format!("/media/{url} {width}w")
}

/// The `srcset` candidates of one picture.
#[derive(Debug, Default)]
pub struct Candidates {
    /// JPEG/PNG renditions, then the original: what every browser reads.
    pub fallback: Vec<String>,
    /// WebP renditions, offered first.
    pub webp: Vec<String>,
}

/// The renditions of each of `paths` that has some.
async fn srcsets(pool: &Db, paths: &[String]) -> DataResult<HashMap<String, Candidates>> {
    let marks = vec!["?"; paths.len()].join(", ");
    let sql = format!(
        "SELECT m.path, m.width, v.width, v.path, v.mime
         FROM media m JOIN media_variants v ON v.media_id = m.id
         WHERE m.path IN ({marks}) ORDER BY m.path, v.width"
    );
    type Row = (String, Option<i64>, i64, String, String);
    let rows: Vec<Row> = paths
        .iter()
        .fold(crate::sql::query_as(&sql), |query, path| query.bind(path))
        .fetch_all(pool)
        .await?;
    let mut out: HashMap<String, Candidates> = HashMap::new();
    let mut originals = HashMap::new();
    for (path, original_width, width, variant, mime) in rows {
        originals.insert(path.clone(), original_width);
        let entry = out.entry(path).or_default();
        let list = match mime.as_str() {
            "image/webp" => &mut entry.webp,
            _ => &mut entry.fallback,
        };
        list.push(candidate(&variant, width));
    }
    for (path, entry) in &mut out {
        if let Some(Some(width)) = originals.get(path) {
            entry.fallback.push(candidate(path, *width));
        }
    }
    Ok(out)
}

/// `html` with each picture of the media library that has renditions offered in them.
pub async fn with_renditions(pool: &Db, html: String) -> DataResult<String> {
    let imgs = library_imgs(&html);
    let paths = paths_of(&imgs);
    if paths.is_empty() {
        return Ok(html);
    }
    let sets = srcsets(pool, &paths).await?;
    Ok(rewrite(&html, &imgs, &sets))
}

/// The media-library paths of the pictures of `html` (sanitised) that may get
/// renditions, each once.
pub fn library_paths(html: &str) -> Vec<String> {
    paths_of(&library_imgs(html))
}

/// The paths of `imgs`, each once.
fn paths_of(imgs: &[LibraryImg]) -> Vec<String> {
    let mut paths: Vec<String> = imgs.iter().map(|img| img.path.clone()).collect();
    paths.sort();
    paths.dedup();
    paths
}

/// `html` (sanitised) with the renditions in `sets`, by picture path, offered in its
/// pictures: the rewriting alone, without the database (what `fuzz/` exercises).
pub fn offer(html: &str, sets: &HashMap<String, Candidates>) -> String {
    rewrite(html, &library_imgs(html), sets)
}

/// `html` with the renditions in `sets` offered in its library pictures `imgs`.
fn rewrite(html: &str, imgs: &[LibraryImg], sets: &HashMap<String, Candidates>) -> String {
    let mut out = String::with_capacity(html.len() + 512 * sets.len());
    let mut copied = 0;
    for img in imgs {
        let Some(Candidates { fallback, webp }) = sets.get(&img.path) else {
            continue;
        };
        out.push_str(&html[copied..img.start]);
        let rest = &html[img.start + "<img".len()..img.end];
        let tag = format!(
            "<img srcset=\"{}\" sizes=\"{BODY_SIZES}\"{rest}",
            fallback.join(", ")
        );
        if webp.is_empty() {
            out.push_str(&tag);
        } else {
            out.push_str(&format!(
                "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{BODY_SIZES}\">{tag}</picture>",
                webp.join(", ")
            ));
        }
        copied = img.end;
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests;
