//! Old addresses (WordPress permalinks, `?p=ID`, `?page_id=ID`, `/category/…`) and
//! where they lead now. Stored normalised: percent-decoded, no trailing slash; looked up
//! the same way, so `/2013/01/x`, `/2013/01/x/` and `%d8%a7`/`%D8%A7` all match.

use super::DataResult;
use crate::address::decode_segment;
use crate::address::Page;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::{Db, Tx};

/// The stored form of an old address: a path (`/2013/01/11/slug`) or a query naming a
/// post (`?p=123`, `?page_id=7`). `None` for the site root or anything unusable.
pub fn normalize(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path_and_query = if url.contains("://") {
        without_scheme
            .find(['/', '?'])
            .map_or("", |i| &without_scheme[i..])
    } else {
        without_scheme
    };
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    if let Some(post) = query.and_then(post_query) {
        return Some(post);
    }
    let decoded = decode_segment(path.split('#').next().unwrap_or(""));
    let trimmed = decoded.trim_end_matches('/');
    if trimmed.is_empty() || !trimmed.starts_with('/') || trimmed.len() > 2000 {
        return None;
    }
    Some(trimmed.to_lowercase())
}

/// `p=123` / `page_id=123` / `attachment_id=…` in a query string, as `?p=123`.
pub fn post_query(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        let is_post = matches!(key, "p" | "page_id");
        (is_post && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("?{key}={value}"))
    })
}

/// Where an old address leads now (a site-relative path), if anywhere. Only published
/// stories are targets: a draft's old address stays a 404 until it is published.
pub async fn resolve(pool: &Db, old: &str) -> DataResult<Option<String>> {
    let story: Option<(String, StoryKind, String)> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "SELECT t.lang, t.kind, t.slug FROM redirects r
         JOIN story_translations t ON t.id = r.story_translation_id
         WHERE r.old_path = ? AND {PUBLISHED}"
        )))
        .bind(old)
        .fetch_optional(pool)
        .await?;
    if let Some((lang, kind, slug)) = story {
        return Ok(Lang::from_code(&lang).map(|l| crate::address::story_path(l, kind, &slug)));
    }
    let section: Option<(String, String)> = crate::sql::query_as(
        "SELECT st.lang, st.slug FROM section_redirects r
         JOIN section_translations st ON st.section_id = r.section_id AND st.lang = r.lang
         WHERE r.old_path = ?",
    )
    .bind(old)
    .fetch_optional(pool)
    .await?;
    Ok(section
        .and_then(|(lang, slug)| Lang::from_code(&lang).map(|l| Page::section(&slug).path(l))))
}

/// Records that `old` (normalised) leads to a story translation; a later import wins.
pub async fn add_story(conn: &mut Tx, old: &str, translation_id: i64) -> DataResult<()> {
    crate::sql::query(
        "INSERT INTO redirects (old_path, story_translation_id) VALUES (?, ?)
         ON CONFLICT (old_path) DO UPDATE SET story_translation_id = excluded.story_translation_id",
    )
    .bind(old)
    .bind(translation_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that `old` (normalised) leads to a section in `lang`.
pub async fn add_section(conn: &mut Tx, old: &str, section_id: i64, lang: Lang) -> DataResult<()> {
    crate::sql::query(
        "INSERT INTO section_redirects (old_path, section_id, lang) VALUES (?, ?, ?)
         ON CONFLICT (old_path) DO UPDATE SET section_id = excluded.section_id, lang = excluded.lang",
    )
    .bind(old)
    .bind(section_id)
    .bind(lang.code())
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn old_addresses_normalise_alike() {
        let a = normalize("https://old.example/2013/01/11/markup-html-tags/").unwrap();
        assert_eq!(a, "/2013/01/11/markup-html-tags");
        assert_eq!(normalize("/2013/01/11/markup-html-tags").unwrap(), a);
        assert_eq!(
            normalize("https://old.example/?p=1241").as_deref(),
            Some("?p=1241")
        );
        assert_eq!(
            normalize("/?page_id=7&lang=fr").as_deref(),
            Some("?page_id=7")
        );
        assert_eq!(
            normalize("https://old.example/2015/04/%d8%a7%d9%84/").as_deref(),
            Some("/2015/04/ال")
        );
        assert_eq!(
            normalize("/2015/04/%D8%A7%D9%84").as_deref(),
            Some("/2015/04/ال")
        );
        assert_eq!(normalize("https://old.example/"), None);
        assert_eq!(normalize("https://old.example"), None);
        assert_eq!(normalize("/?p=abc"), None);
    }
}
