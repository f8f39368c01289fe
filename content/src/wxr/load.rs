//! Writes a parsed export in one transaction: authors, sections (categories, parents
//! first), tags, media (attachments), then stories grouped by translation, their tags
//! and redirects. Everything is keyed by the old site's host and WordPress ids
//! (`wp:<host>:…`), so a second run finds what the first created and only updates what
//! changed.

use super::media::{load_media, upload_bases};
use super::stories::{load_story, ContentMaps, Lookups};
use super::terms::{load_authors, load_sections, load_tags};
use super::{channel_lang, Export, ImportOptions, ImportReport, Item};
use crate::lang::Lang;
use crate::{DataError, DataResult};
use crate::{Db, Tx};
use std::collections::HashMap;

/// Called after each story group with (done, total).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// Imports `export` into the database; nothing is written if anything fails.
pub async fn load(
    pool: &Db,
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
                 \"{}\": pass --lang {}",
                export.language,
                Lang::ALL.map(Lang::code).join("|")
            )))
        }
    };
    let mut tx = crate::write_tx(pool).await?;
    let conn: &mut Tx = &mut tx;

    let authors = load_authors(conn, export, &host, &mut report).await?;
    let sections = load_sections(conn, export, &host, default_lang, &mut report).await?;
    let tags = load_tags(conn, export, &host, default_lang, &mut report).await?;
    let bases = upload_bases(export);
    let media = load_media(conn, export, options, &bases, &mut report).await?;

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
    let context = ContentMaps::new(export, &media, bases);
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
