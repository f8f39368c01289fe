//! Posts and pages of an export become stories: one per translation group, one
//! translation per language, content converted and sanitised, tags attached, old
//! addresses recorded. Existing translations are compared and only rewritten (and
//! re-indexed) when the file says something new.

use super::content::{self, ContentContext, MediaRef};
use super::media::LoadedMedia;
use super::terms::free_slug;
use super::{Export, ImportReport, Item, Outcome};
use crate::address::decode_segment;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::search::excerpt::html_to_text;
use crate::write::{sanitize_html, slugify, NewStory, NewTranslation};
use crate::Tx;
use crate::{redirects, search, DataResult};
use const_format::concatcp;
use std::collections::HashMap;

/// What content conversion reads, built once per import.
pub(super) struct ContentMaps {
    attachments: HashMap<i64, MediaRef>,
    children: HashMap<i64, Vec<i64>>,
    bases: Vec<String>,
}

impl ContentMaps {
    pub(super) fn new(
        export: &Export,
        media: &HashMap<i64, LoadedMedia>,
        bases: Vec<String>,
    ) -> Self {
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
            bases,
        }
    }
}

pub(super) struct Lookups<'a> {
    pub(super) sections: &'a HashMap<String, i64>,
    pub(super) tags: &'a HashMap<String, i64>,
    pub(super) authors: &'a HashMap<String, i64>,
    pub(super) media: &'a HashMap<i64, LoadedMedia>,
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

pub(super) async fn load_story(
    conn: &mut Tx,
    source_key: &str,
    items: &[&Item],
    default_lang: Lang,
    maps: &ContentMaps,
    lookups: Lookups<'_>,
    report: &mut ImportReport,
) -> DataResult<()> {
    let first = items[0];
    let kind = if first.post_type == "page" {
        StoryKind::Page
    } else {
        StoryKind::Article
    };
    let section_id = items.iter().find_map(|item| {
        item.categories
            .iter()
            .filter(|(domain, _, _)| domain == "category")
            .find_map(|(_, slug, _)| lookups.sections.get(slug).copied())
    });
    let section_id = if kind == StoryKind::Page {
        None
    } else {
        section_id
    };
    let featured = items.iter().any(|i| i.sticky);
    let author_id = lookups.authors.get(&first.creator).copied();
    let existing: Option<i64> =
        crate::sql::query_scalar("SELECT id FROM stories WHERE source_key = ?")
            .bind(source_key)
            .fetch_optional(&mut *conn)
            .await?;
    let story_id = match existing {
        Some(id) => {
            crate::sql::query(
                "UPDATE stories SET kind = ?, section_id = ?, featured = ?, author_id = ?
                 WHERE id = ? AND (kind, section_id, featured, author_id) IS DISTINCT FROM (?, ?, ?, ?)",
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
            crate::sql::query_scalar(
                "INSERT INTO stories (kind, section_id, featured, source_key, author_id) VALUES (?, ?, ?, ?, ?) RETURNING id",
            )
            .bind(story.kind)
            .bind(story.section_id)
            .bind(story.featured)
            .bind(story.source_key)
            .bind(author_id)
            .fetch_all(&mut *conn)
            .await?
            .written()?
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
            if let (true, Some(&tag)) = (domain == "post_tag", lookups.tags.get(slug)) {
                crate::tags::tag_story(conn, story_id, tag).await?;
            }
        }
        // Old addresses: the permalink, ?p= / ?page_id=, and permalinks under old slugs.
        let id_query = if kind == StoryKind::Page {
            "page_id"
        } else {
            "p"
        };
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
async fn ensure_section_in(conn: &mut Tx, section_id: i64, lang: Lang) -> DataResult<()> {
    let has: Option<bool> = crate::sql::query_scalar(
        "SELECT TRUE FROM section_translations WHERE section_id = ? AND lang = ?",
    )
    .bind(section_id)
    .bind(lang.code())
    .fetch_optional(&mut *conn)
    .await?;
    if has.is_some() {
        return Ok(());
    }
    let (name, slug): (String, String) = crate::sql::query_as(
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
    crate::sql::query(
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
    conn: &mut Tx,
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
    let existing: Option<Row> = crate::sql::query_as(
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
        let id = crate::write::insert_clean_translation(conn, story_id, &tr).await?;
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
    crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE story_translations SET slug = ?, title = ?, summary = ?, body_html = ?, status = ?,
           published_at = ?, cover_media_id = ?, updated_at = ",
        NOW,
        " WHERE id = ?"
    )))
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
