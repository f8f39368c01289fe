//! Authors, categories (as a section tree) and tags of an export, each keyed by the old
//! site's host and WordPress slug so a re-run finds them; old `/category/…` addresses
//! are recorded on the way.

use super::{Export, ImportReport, Outcome};
use crate::address::decode_segment;
use crate::db::Written;
use crate::lang::Lang;
use crate::write::{candidates, upsert_section, SectionName};
use crate::Tx;
use crate::{redirects, DataResult};
use std::collections::HashMap;

pub(super) async fn load_authors(
    conn: &mut Tx,
    export: &Export,
    host: &str,
    report: &mut ImportReport,
) -> DataResult<HashMap<String, i64>> {
    let mut ids = HashMap::new();
    for author in &export.authors {
        let key = format!("wp:{host}:{}", author.login);
        let name = name_or(&author.name, &author.login);
        let existing: Option<(i64, String)> =
            crate::sql::query_as("SELECT id, display_name FROM authors WHERE key = ?")
                .bind(&key)
                .fetch_optional(&mut *conn)
                .await?;
        let (id, outcome) = match existing {
            Some((id, old)) if old == name => (id, Outcome::Unchanged),
            Some((id, _)) => {
                crate::sql::query("UPDATE authors SET display_name = ? WHERE id = ?")
                    .bind(name)
                    .bind(id)
                    .execute(&mut *conn)
                    .await?;
                (id, Outcome::Updated)
            }
            None => {
                let id = crate::sql::query_scalar(
                    "INSERT INTO authors (key, display_name) VALUES (?, ?) RETURNING id",
                )
                .bind(&key)
                .bind(name)
                .fetch_all(&mut *conn)
                .await?
                .written()?;
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
pub(super) async fn free_slug(
    conn: &mut Tx,
    table: &str,
    owner: &str,
    lang: Lang,
    wanted: &str,
    me: i64,
) -> DataResult<String> {
    let base: String = wanted.chars().take(180).collect();
    let query = format!("SELECT {owner} FROM {table} WHERE lang = ? AND slug = ? AND {owner} <> ?");
    for candidate in candidates(base, "sans-titre") {
        let taken: Option<i64> = crate::sql::query_scalar(&query)
            .bind(lang.code())
            .bind(&candidate)
            .bind(me)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(candidate);
        }
    }
    unreachable!("candidates never run out")
}

/// Categories become sections, parents before children; each also answers its old
/// `/category/…` address.
pub(super) async fn load_sections(
    conn: &mut Tx,
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
    conn: &mut Tx,
    key: &str,
    parent: Option<i64>,
    position: i64,
    lang: Lang,
    category: &super::Category,
) -> DataResult<(i64, Outcome)> {
    let existing: Option<StoredSection> = crate::sql::query_as(
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

pub(super) async fn load_tags(
    conn: &mut Tx,
    export: &Export,
    host: &str,
    lang: Lang,
    report: &mut ImportReport,
) -> DataResult<HashMap<String, i64>> {
    let mut ids = HashMap::new();
    for tag in &export.tags {
        let key = format!("wp:{host}:tag:{}", tag.slug);
        let name = name_or(&tag.name, &tag.slug);
        let existing: Option<(i64, Option<String>)> = crate::sql::query_as(
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
                        crate::sql::query_scalar("INSERT INTO tags (key) VALUES (?) RETURNING id")
                            .bind(&key)
                            .fetch_all(&mut *conn)
                            .await?
                            .written()?
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
                crate::sql::query(
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
