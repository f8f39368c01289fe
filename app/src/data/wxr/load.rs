//! Writes a parsed export in one transaction: authors, sections (categories, parents
//! first), tags, media (attachments), then stories grouped by translation, their tags
//! and redirects. Everything is keyed by the old site's host and WordPress ids
//! (`wp:<host>:…`), so a second run finds what the first created and only updates what
//! changed.

use super::content::{self, ContentContext, MediaRef};
use super::{channel_lang, Export, ImportOptions, ImportReport, Item, Outcome};
use crate::data::search::excerpt::html_to_text;
use crate::data::write::{
    sanitize_html, slugify, upsert_section, NewStory, NewTranslation, SectionName,
};
use crate::data::{redirects, search, DataError, DataResult};
use crate::i18n::{decode_segment, Lang};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;

/// Called after each story group with (done, total).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Imports `export` into the database; nothing is written if anything fails.
pub async fn load(
    pool: &SqlitePool,
    export: &Export,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> DataResult<ImportReport> {
    let default_lang = options.lang.or_else(|| channel_lang(&export.language));
    let host = site_host(&export.site_url);
    let mut report = ImportReport {
        items_in_file: export.items.len() as u32,
        comments: export.items.iter().map(|i| i.comments).sum(),
        ..Default::default()
    };
    let needs_default = export
        .items
        .iter()
        .any(|i| matches!(i.post_type.as_str(), "post" | "page") && i.language.is_none());
    let default_lang = match (default_lang, needs_default) {
        (Some(lang), _) => lang,
        (None, false) => Lang::default(),
        (None, true) => {
            return Err(DataError::Invalid(format!(
                "the export carries no language data (Polylang/WPML) and its <language> is \
                 \"{}\": pass --lang fr|ar|en",
                export.language
            )))
        }
    };
    let mut tx = pool.begin().await?;
    let conn: &mut SqliteConnection = &mut tx;

    let authors = load_authors(conn, export, &host, &mut report).await?;
    let sections = load_sections(conn, export, &host, default_lang, &mut report).await?;
    let tags = load_tags(conn, export, &host, default_lang, &mut report).await?;
    let media = load_media(conn, export, options, &mut report).await?;

    // Stories: items grouped by translation group (or alone), in file order.
    let mut groups: Vec<(String, Vec<&Item>)> = Vec::new();
    let mut group_index: HashMap<String, usize> = HashMap::new();
    for item in &export.items {
        let kind = match item.post_type.as_str() {
            "post" | "page" => item.post_type.as_str(),
            "attachment" => continue,
            "nav_menu_item" => {
                report.skip("menu entries (rebuild menus in the menu editor)");
                continue;
            }
            other => {
                report.skip(format!("items of type \"{other}\""));
                continue;
            }
        };
        match item.status.as_str() {
            "trash" => {
                report.skip("posts in the trash");
                continue;
            }
            "auto-draft" | "inherit" => {
                report.skip("automatic drafts and revisions");
                continue;
            }
            _ => {}
        }
        if let Some(code) = &item.language {
            if Lang::from_code(code).is_none() {
                report.skip(format!(
                    "{kind}s in language \"{code}\" (not an edition of the site)"
                ));
                continue;
            }
        }
        let key = match &item.translation_group {
            Some(group) => format!("group:{group}"),
            None => format!("post:{}", item.id),
        };
        let index = *group_index.entry(key.clone()).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[index].1.push(item);
    }
    let context = ContentMaps::new(export, &media);
    let total = groups.len() as u64;
    for (done, (key, items)) in groups.iter().enumerate() {
        let source_key = format!("wp:{host}:{key}");
        load_story(
            conn,
            &source_key,
            items,
            default_lang,
            &context,
            Lookups {
                sections: &sections,
                tags: &tags,
                authors: &authors,
                media: &media,
            },
            &mut report,
        )
        .await?;
        progress(done as u64 + 1, total);
    }
    tx.commit().await?;
    Ok(report)
}

/// The old site's host (`wpthemetestdata.wordpress.com`), the namespace of every key.
fn site_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or("").to_ascii_lowercase()
}

async fn load_authors(
    conn: &mut SqliteConnection,
    export: &Export,
    host: &str,
    report: &mut ImportReport,
) -> DataResult<HashMap<String, i64>> {
    let mut ids = HashMap::new();
    for author in &export.authors {
        let key = format!("wp:{host}:{}", author.login);
        let name = name_or(&author.name, &author.login);
        let existing: Option<(i64, String)> =
            sqlx::query_as("SELECT id, display_name FROM authors WHERE key = ?")
                .bind(&key)
                .fetch_optional(&mut *conn)
                .await?;
        let (id, outcome) = match existing {
            Some((id, old)) if old == name => (id, Outcome::Unchanged),
            Some((id, _)) => {
                sqlx::query("UPDATE authors SET display_name = ? WHERE id = ?")
                    .bind(name)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                (id, Outcome::Updated)
            }
            None => {
                let id = sqlx::query_scalar(
                    "INSERT INTO authors (key, display_name) VALUES (?, ?) RETURNING id",
                )
                .bind(&key)
                .bind(name)
                .fetch_one(&mut *conn)
                .await?;
                (id, Outcome::Created)
            }
        };
        report.authors.add(outcome);
        ids.insert(author.login.clone(), id);
    }
    Ok(ids)
}

/// A name, or the slug when WordPress had none.
fn name_or<'a>(name: &'a str, slug: &'a str) -> &'a str {
    if name.is_empty() {
        slug
    } else {
        name
    }
}

/// A slug not yet used in `lang` by another owner (`table`'s `owner` column ≠ `me`).
async fn free_slug(
    conn: &mut SqliteConnection,
    table: &str,
    owner: &str,
    lang: Lang,
    wanted: &str,
    me: i64,
) -> DataResult<String> {
    let base: String = wanted.chars().take(180).collect();
    let base = if base.is_empty() {
        "sans-titre".to_owned()
    } else {
        base
    };
    let mut candidate = base.clone();
    for n in 2.. {
        let taken: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT {owner} FROM {table} WHERE lang = ? AND slug = ? AND {owner} <> ?"
        ))
        .bind(lang.code())
        .bind(&candidate)
        .bind(me)
        .fetch_optional(&mut *conn)
        .await?;
        if taken.is_none() {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Categories become sections, parents before children; each also answers its old
/// `/category/…` address.
async fn load_sections(
    conn: &mut SqliteConnection,
    export: &Export,
    host: &str,
    lang: Lang,
    report: &mut ImportReport,
) -> DataResult<HashMap<String, i64>> {
    let mut ids: HashMap<String, i64> = HashMap::new();
    let by_slug: HashMap<&str, &super::Category> = export
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c))
        .collect();
    let mut pending: Vec<&super::Category> = export.categories.iter().collect();
    let mut position = 0;
    while !pending.is_empty() {
        let before = pending.len();
        let mut next = Vec::new();
        for category in pending {
            let parent =
                if category.parent.is_empty() || !by_slug.contains_key(category.parent.as_str()) {
                    None
                } else if let Some(&id) = ids.get(&category.parent) {
                    Some(id)
                } else {
                    next.push(category);
                    continue;
                };
            position += 1;
            let key = format!("wp:{host}:cat:{}", category.slug);
            let (id, outcome) =
                write_category(conn, &key, parent, position, lang, category).await?;
            report.sections.add(outcome);
            // WordPress category addresses: /category/child and /category/parent/child.
            let mut chain = vec![category.slug.as_str()];
            let mut up = category.parent.as_str();
            while let Some(parent) = by_slug.get(up).filter(|_| chain.len() < 16) {
                chain.insert(0, parent.slug.as_str());
                up = parent.parent.as_str();
            }
            for old in [
                format!("/category/{}", category.slug),
                format!("/category/{}", chain.join("/")),
            ] {
                if let Some(old) = redirects::normalize(&old) {
                    redirects::add_section(conn, &old, id, lang).await?;
                }
            }
            ids.insert(category.slug.clone(), id);
        }
        if next.len() == before {
            // A parent loop: attach what remains at the top rather than fail.
            for category in &next {
                report.skip(format!(
                    "category \"{}\" parent loop (kept at the top)",
                    category.slug
                ));
            }
            let detached: Vec<super::Category> = next
                .iter()
                .map(|c| super::Category {
                    parent: String::new(),
                    ..(*c).clone()
                })
                .collect();
            let sub = Export {
                categories: detached,
                ..Default::default()
            };
            let more = Box::pin(load_sections(conn, &sub, host, lang, report)).await?;
            ids.extend(more);
            break;
        }
        pending = next;
    }
    Ok(ids)
}

/// A section as it stands before an import touches it.
#[derive(sqlx::FromRow)]
struct StoredSection {
    id: i64,
    parent_id: Option<i64>,
    name: Option<String>,
    slug: Option<String>,
    description: Option<String>,
}

/// Creates or updates the section of one category; unchanged ones are not written.
async fn write_category(
    conn: &mut SqliteConnection,
    key: &str,
    parent: Option<i64>,
    position: i64,
    lang: Lang,
    category: &super::Category,
) -> DataResult<(i64, Outcome)> {
    let existing: Option<StoredSection> = sqlx::query_as(
        "SELECT s.id, s.parent_id, st.name, st.slug, st.description FROM sections s
         LEFT JOIN section_translations st ON st.section_id = s.id AND st.lang = ?
         WHERE s.key = ?",
    )
    .bind(lang.code())
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    let name = name_or(&category.name, &category.slug);
    let me = existing.as_ref().map_or(0, |e| e.id);
    let wanted = decode_segment(&category.slug);
    let slug = free_slug(
        conn,
        "section_translations",
        "section_id",
        lang,
        &wanted,
        me,
    )
    .await?;
    let outcome = match &existing {
        None => Outcome::Created,
        Some(old)
            if old.parent_id == parent
                && old.name.as_deref() == Some(name)
                && old.slug.as_deref() == Some(&slug)
                && old.description.as_deref() == Some(&category.description) =>
        {
            return Ok((me, Outcome::Unchanged));
        }
        Some(_) => Outcome::Updated,
    };
    let names = [SectionName {
        lang,
        name,
        slug: &slug,
        description: &category.description,
    }];
    let id = upsert_section(conn, key, parent, position, &names).await?;
    Ok((id, outcome))
}

async fn load_tags(
    conn: &mut SqliteConnection,
    export: &Export,
    host: &str,
    lang: Lang,
    report: &mut ImportReport,
) -> DataResult<HashMap<String, i64>> {
    let mut ids = HashMap::new();
    for tag in &export.tags {
        let key = format!("wp:{host}:tag:{}", tag.slug);
        let name = name_or(&tag.name, &tag.slug);
        let existing: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT t.id, tt.name FROM tags t LEFT JOIN tag_translations tt ON tt.tag_id = t.id AND tt.lang = ? WHERE t.key = ?",
        )
        .bind(lang.code())
        .bind(&key)
        .fetch_optional(&mut *conn)
        .await?;
        let id = match existing {
            Some((id, Some(old))) if old == name => {
                report.tags.add(Outcome::Unchanged);
                id
            }
            other => {
                report.tags.add(if other.is_some() {
                    Outcome::Updated
                } else {
                    Outcome::Created
                });
                let id: i64 = match other {
                    Some((id, _)) => id,
                    None => {
                        sqlx::query_scalar("INSERT INTO tags (key) VALUES (?) RETURNING id")
                            .bind(&key)
                            .fetch_one(&mut *conn)
                            .await?
                    }
                };
                let slug = free_slug(
                    conn,
                    "tag_translations",
                    "tag_id",
                    lang,
                    &decode_segment(&tag.slug),
                    id,
                )
                .await?;
                sqlx::query(
                    "INSERT INTO tag_translations (tag_id, lang, name, slug) VALUES (?, ?, ?, ?)
                     ON CONFLICT (tag_id, lang) DO UPDATE SET name = excluded.name, slug = excluded.slug",
                )
                .bind(id)
                .bind(lang.code())
                .bind(name)
                .bind(&slug)
                .execute(&mut *conn)
                .await?;
                id
            }
        };
        ids.insert(tag.slug.clone(), id);
    }
    Ok(ids)
}

/// An attachment as stored: its media row and what content needs of it.
pub struct LoadedMedia {
    pub id: i64,
    pub reference: MediaRef,
}

fn mime_of(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "ogv" => "video/ogg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn media_kind(mime: &str) -> &'static str {
    match mime.split('/').next() {
        Some("image") => "image",
        Some("audio") => "audio",
        Some("video") => "video",
        _ if mime == "application/pdf" => "pdf",
        _ => "other",
    }
}

async fn load_media(
    conn: &mut SqliteConnection,
    export: &Export,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> DataResult<HashMap<i64, LoadedMedia>> {
    let bases = upload_bases(export);
    let mut out = HashMap::new();
    for item in export.items.iter().filter(|i| i.post_type == "attachment") {
        let Some(path) = content::media_path(&item.attachment_url, &bases) else {
            report.skip("attachments without a file address");
            continue;
        };
        let mime = mime_of(&path);
        let meta = item.attachment.clone().unwrap_or_default();
        let (width, height) = meta.size.map_or((None, None), |(w, h)| (Some(w), Some(h)));
        let bytes = std::fs::metadata(options.media_dir.join(&path)).map(|m| m.len() as i64);
        if bytes.is_err() {
            report.missing_files += 1;
        }
        let existing: Option<(i64, String, Option<i64>, Option<i64>)> =
            sqlx::query_as("SELECT id, mime, width, height FROM media WHERE path = ?")
                .bind(&path)
                .fetch_optional(&mut *conn)
                .await?;
        let unchanged = existing.as_ref().is_some_and(|(_, m, w, h)| {
            m == mime && *w == width.map(i64::from) && *h == height.map(i64::from)
        });
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO media (kind, path, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, mime = excluded.mime,
               width = excluded.width, height = excluded.height,
               bytes = MAX(media.bytes, excluded.bytes)
             RETURNING id",
        )
        .bind(media_kind(mime))
        .bind(&path)
        .bind(mime)
        .bind(width)
        .bind(height)
        .bind(bytes.unwrap_or(0))
        .fetch_one(&mut *conn)
        .await?;
        let alt = if meta.alt.is_empty() {
            item.title.clone()
        } else {
            meta.alt.clone()
        };
        for lang in Lang::ALL {
            sqlx::query(
                "INSERT INTO media_translations (media_id, lang, alt) VALUES (?, ?, ?)
                 ON CONFLICT (media_id, lang) DO NOTHING",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&alt)
            .execute(&mut *conn)
            .await?;
        }
        report.media.add(match existing {
            None => Outcome::Created,
            Some(_) if unchanged => Outcome::Unchanged,
            Some(_) => Outcome::Updated,
        });
        out.insert(
            item.id,
            LoadedMedia {
                id,
                reference: MediaRef {
                    url: item.attachment_url.clone(),
                    alt,
                    mime: mime.to_owned(),
                },
            },
        );
    }
    Ok(out)
}

/// The old uploads folders named by the export's attachments, longest first.
fn upload_bases(export: &Export) -> Vec<String> {
    let mut bases: Vec<String> = export
        .items
        .iter()
        .filter(|i| i.post_type == "attachment")
        .filter_map(|i| content::upload_base(&i.attachment_url))
        .collect();
    bases.sort_by_key(|b| std::cmp::Reverse(b.len()));
    bases.dedup();
    bases
}

/// What content conversion reads, built once per import.
struct ContentMaps {
    attachments: HashMap<i64, MediaRef>,
    children: HashMap<i64, Vec<i64>>,
    bases: Vec<String>,
}

impl ContentMaps {
    fn new(export: &Export, media: &HashMap<i64, LoadedMedia>) -> Self {
        let attachments = media
            .iter()
            .map(|(id, m)| (*id, m.reference.clone()))
            .collect();
        let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
        for item in export
            .items
            .iter()
            .filter(|i| i.post_type == "attachment" && i.parent > 0)
        {
            children.entry(item.parent).or_default().push(item.id);
        }
        ContentMaps {
            attachments,
            children,
            bases: upload_bases(export),
        }
    }
}

struct Lookups<'a> {
    sections: &'a HashMap<String, i64>,
    tags: &'a HashMap<String, i64>,
    authors: &'a HashMap<String, i64>,
    media: &'a HashMap<i64, LoadedMedia>,
}

/// `2013-01-11 20:22:19` (UTC) → `2013-01-11T20:22:19Z`; WordPress's zero date → None.
fn iso_date(item: &Item) -> Option<String> {
    [&item.date_gmt, &item.date]
        .into_iter()
        .find(|d| d.len() == 19 && !d.starts_with("0000"))
        .map(|d| format!("{}T{}Z", &d[..10], &d[11..]))
}

fn status_of(item: &Item) -> &'static str {
    match item.status.as_str() {
        "publish" => "published",
        "future" => "scheduled",
        "pending" => "review",
        _ => "draft",
    }
}

/// A readable title even when WordPress had none.
fn title_of(item: &Item, text: &str) -> String {
    let title = item.title.trim();
    if !title.is_empty() {
        return title.to_owned();
    }
    let words: Vec<&str> = text.split_whitespace().take(10).collect();
    if words.is_empty() {
        format!("#{}", item.id)
    } else {
        format!("{}…", words.join(" "))
    }
}

/// The excerpt, else the first forty words, as cards show a summary.
fn summary_of(item: &Item, text: &str) -> String {
    let excerpt = html_to_text(&item.excerpt);
    let excerpt = excerpt.trim();
    if !excerpt.is_empty() {
        return excerpt.to_owned();
    }
    let words: Vec<&str> = text.split_whitespace().take(40).collect();
    let mut summary = words.join(" ");
    if text.split_whitespace().nth(40).is_some() {
        summary.push('…');
    }
    summary
}

async fn load_story(
    conn: &mut SqliteConnection,
    source_key: &str,
    items: &[&Item],
    default_lang: Lang,
    maps: &ContentMaps,
    lookups: Lookups<'_>,
    report: &mut ImportReport,
) -> DataResult<()> {
    let first = items[0];
    let kind = if first.post_type == "page" {
        "page"
    } else {
        "article"
    };
    let section_id = items.iter().find_map(|item| {
        item.categories
            .iter()
            .filter(|(domain, _, _)| domain == "category")
            .find_map(|(_, slug, _)| lookups.sections.get(slug).copied())
    });
    let section_id = if kind == "page" { None } else { section_id };
    let featured = items.iter().any(|i| i.sticky);
    let author_id = lookups.authors.get(&first.creator).copied();
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM stories WHERE source_key = ?")
        .bind(source_key)
        .fetch_optional(&mut *conn)
        .await?;
    let story_id = match existing {
        Some(id) => {
            sqlx::query(
                "UPDATE stories SET kind = ?, section_id = ?, featured = ?, author_id = ?
                 WHERE id = ? AND (kind, section_id, featured, author_id) IS NOT (?, ?, ?, ?)",
            )
            .bind(kind)
            .bind(section_id)
            .bind(featured)
            .bind(author_id)
            .bind(id)
            .bind(kind)
            .bind(section_id)
            .bind(featured)
            .bind(author_id)
            .execute(&mut *conn)
            .await?;
            id
        }
        None => {
            let story = NewStory {
                kind,
                section_id,
                featured,
                source_key: Some(source_key),
            };
            sqlx::query_scalar(
                "INSERT INTO stories (kind, section_id, featured, source_key, author_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(story.kind)
            .bind(story.section_id)
            .bind(story.featured)
            .bind(story.source_key)
            .bind(author_id)
            .fetch_one(&mut *conn)
            .await?
        }
    };
    let mut seen_langs = Vec::new();
    for item in items {
        let lang = item
            .language
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(default_lang);
        if seen_langs.contains(&lang) {
            report.skip("second version in the same language of one translation group");
            continue;
        }
        seen_langs.push(lang);
        if let Some(section_id) = section_id {
            ensure_section_in(conn, section_id, lang).await?;
        }
        let ctx = ContentContext {
            post_id: item.id,
            attachments: &maps.attachments,
            children: &maps.children,
            upload_bases: &maps.bases,
            lang,
        };
        let body = sanitize_html(&content::to_html(
            &item.content,
            &ctx,
            &mut report.dropped_shortcodes,
        ));
        let text = html_to_text(&body);
        let title = title_of(item, &text);
        let summary = summary_of(item, &text);
        let wanted = decode_segment(&item.slug);
        let wanted = if wanted.is_empty() {
            slugify(&title)
        } else {
            wanted
        };
        let wanted = if wanted.is_empty() {
            format!("{kind}-{}", item.id)
        } else {
            wanted
        };
        let published_at = iso_date(item);
        let cover = item
            .thumbnail
            .and_then(|id| lookups.media.get(&id))
            .map(|m| m.id);
        let translation = NewTranslation {
            lang,
            slug: &wanted,
            title: &title,
            summary: &summary,
            body_html: &body,
            signature: "",
            source: "",
            status: status_of(item),
            published_at: published_at.as_deref(),
            cover_media_id: cover,
        };
        let (translation_id, outcome) = upsert_translation(conn, story_id, &translation).await?;
        report.stories.add(outcome);
        // Tags of the story.
        for (domain, slug, _) in &item.categories {
            if let (true, Some(tag)) = (domain == "post_tag", lookups.tags.get(slug)) {
                sqlx::query("INSERT OR IGNORE INTO story_tags (story_id, tag_id) VALUES (?, ?)")
                    .bind(story_id)
                    .bind(tag)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        // Old addresses: the permalink, ?p= / ?page_id=, and permalinks under old slugs.
        let id_query = if kind == "page" { "page_id" } else { "p" };
        let mut old = vec![item.link.clone(), format!("/?{id_query}={}", item.id)];
        for previous in &item.old_slugs {
            if let Some(stem) = item.link.trim_end_matches('/').rsplit_once('/') {
                old.push(format!("{}/{previous}/", stem.0));
            }
        }
        for address in old.iter().filter_map(|a| redirects::normalize(a)) {
            redirects::add_story(conn, &address, translation_id).await?;
            report.redirects += 1;
        }
    }
    Ok(())
}

/// A story's section must have a name in the story's language to be listed there.
async fn ensure_section_in(
    conn: &mut SqliteConnection,
    section_id: i64,
    lang: Lang,
) -> DataResult<()> {
    let has: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM section_translations WHERE section_id = ? AND lang = ?")
            .bind(section_id)
            .bind(lang.code())
            .fetch_optional(&mut *conn)
            .await?;
    if has.is_some() {
        return Ok(());
    }
    let (name, slug): (String, String) = sqlx::query_as(
        "SELECT name, slug FROM section_translations WHERE section_id = ? ORDER BY lang LIMIT 1",
    )
    .bind(section_id)
    .fetch_one(&mut *conn)
    .await?;
    let slug = free_slug(
        conn,
        "section_translations",
        "section_id",
        lang,
        &slug,
        section_id,
    )
    .await?;
    sqlx::query(
        "INSERT INTO section_translations (section_id, lang, name, slug) VALUES (?, ?, ?, ?)",
    )
    .bind(section_id)
    .bind(lang.code())
    .bind(name)
    .bind(slug)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Inserts the translation, or updates it when what the file says differs.
async fn upsert_translation(
    conn: &mut SqliteConnection,
    story_id: i64,
    tr: &NewTranslation<'_>,
) -> DataResult<(i64, Outcome)> {
    type Row = (
        i64,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
    );
    let existing: Option<Row> = sqlx::query_as(
        "SELECT id, slug, title, summary, body_html, status, published_at, cover_media_id
         FROM story_translations WHERE story_id = ? AND lang = ?",
    )
    .bind(story_id)
    .bind(tr.lang.code())
    .fetch_optional(&mut *conn)
    .await?;
    let me = existing.as_ref().map_or(0, |row| row.0);
    let slug = free_slug(
        conn,
        "story_translations",
        "story_id",
        tr.lang,
        tr.slug,
        story_id,
    )
    .await?;
    let Some((id, old_slug, title, summary, body, status, published_at, cover)) = existing else {
        let tr = NewTranslation { slug: &slug, ..*tr };
        let id = crate::data::write::insert_clean_translation(conn, story_id, &tr).await?;
        return Ok((id, Outcome::Created));
    };
    let same = old_slug == slug
        && title == tr.title
        && summary == tr.summary
        && body == tr.body_html
        && status == tr.status
        && published_at.as_deref() == tr.published_at
        && cover == tr.cover_media_id;
    if same {
        return Ok((me, Outcome::Unchanged));
    }
    sqlx::query(
        "UPDATE story_translations SET slug = ?, title = ?, summary = ?, body_html = ?, status = ?,
           published_at = ?, cover_media_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?",
    )
    .bind(&slug)
    .bind(tr.title)
    .bind(tr.summary)
    .bind(tr.body_html)
    .bind(tr.status)
    .bind(tr.published_at)
    .bind(tr.cover_media_id)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    search::index::index_translation(conn, id).await?;
    Ok((id, Outcome::Updated))
}
