//! Sections as administrators edit them: the tree in reading order, saving one
//! (names, slugs unique per language, descriptions, parent without cycles). Audited;
//! moving and deleting are in the parent module, shared with menu items.

use super::{admin_only, problem, Problems};
use crate::accounts::audit_on;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{AdminSection, SectionName, SessionUser, WHOLE_FORM};
use crate::write::{candidates, slugify};
use crate::DataResult;
use crate::{Db, Tx};

/// Longest section name.
const MAX_NAME_CHARS: usize = 120;
/// Longest description.
const MAX_DESCRIPTION_CHARS: usize = 1_000;

/// One language of a section as typed.
#[derive(Clone, Debug, Default)]
pub struct NameInput {
    pub lang: Option<Lang>,
    pub name: String,
    pub slug: String,
    pub description: String,
}

/// A section as typed: its parent (`""` for the top level) and one entry a language.
#[derive(Clone, Debug, Default)]
pub struct SectionInput {
    pub parent: String,
    pub names: Vec<NameInput>,
}

/// Every section, parents before their children, siblings in order, with depth.
pub async fn all(pool: &Db) -> DataResult<Vec<AdminSection>> {
    type Row = (i64, String, Option<i64>, i64, i64, i64);
    let rows: Vec<Row> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "WITH RECURSIVE tree(id, depth, sort) AS (
             SELECT id, CAST(0 AS BIGINT), {} FROM sections WHERE parent_id IS NULL
             UNION ALL
             SELECT s.id, tree.depth + 1, tree.sort || '/' || {}
             FROM sections s JOIN tree ON s.parent_id = tree.id WHERE tree.depth < 16)
         SELECT s.id, s.key, s.parent_id, s.position, tree.depth,
                (SELECT count(*) FROM stories WHERE section_id = s.id)
         FROM tree JOIN sections s ON s.id = tree.id ORDER BY tree.sort",
        format!(
            "{} || '.' || {}",
            zero_padded("position", 6),
            zero_padded("id", 6)
        ),
        format!(
            "{} || '.' || {}",
            zero_padded("s.position", 6),
            zero_padded("s.id", 6)
        ),
    )))
    .fetch_all(pool)
    .await?;
    let names: Vec<(i64, String, String, String, String)> = crate::sql::query_as(
        "SELECT section_id, lang, name, slug, description FROM section_translations
         ORDER BY CASE lang WHEN 'fr' THEN 0 WHEN 'ar' THEN 1 ELSE 2 END",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, key, parent_id, position, depth, stories)| AdminSection {
                id,
                key,
                parent_id,
                position,
                depth: depth as u32,
                stories,
                names: names
                    .iter()
                    .filter(|n| n.0 == id)
                    .filter_map(|(_, lang, name, slug, description)| {
                        Some(SectionName {
                            lang: Lang::from_code(lang)?,
                            name: name.clone(),
                            slug: slug.clone(),
                            description: description.clone(),
                        })
                    })
                    .collect(),
            },
        )
        .collect())
}

/// The checked names of `input`: (lang, name, slug, description) for each language
/// given a name, or the problems.
async fn checked_names(
    conn: &mut Tx,
    id: Option<i64>,
    input: &SectionInput,
) -> DataResult<Result<Vec<(Lang, String, String, String)>, Problems>> {
    let mut problems = Problems::new();
    let mut names = Vec::new();
    for typed in &input.names {
        let Some(lang) = typed.lang else { continue };
        let name = typed.name.trim();
        let field = |what: &str| format!("{what}_{}", lang.code());
        if name.is_empty() {
            if !typed.slug.trim().is_empty() || !typed.description.trim().is_empty() {
                problems.push((field("name"), "required".into()));
            }
            continue;
        }
        if name.chars().count() > MAX_NAME_CHARS {
            problems.push((field("name"), "too_long".into()));
        }
        if typed.description.chars().count() > MAX_DESCRIPTION_CHARS {
            problems.push((field("description"), "too_long".into()));
        }
        let slug = match slugify(&typed.slug) {
            typed_slug if typed_slug.is_empty() => slugify(name),
            typed_slug => typed_slug,
        };
        let taken: bool = crate::sql::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM section_translations
                            WHERE lang = ? AND slug = ? AND section_id IS DISTINCT FROM ?)",
        )
        .bind(lang.code())
        .bind(&slug)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
        if slug.is_empty() {
            problems.push((field("slug"), "slug_invalid".into()));
        } else if taken {
            problems.push((field("slug"), "slug_taken".into()));
        }
        names.push((
            lang,
            name.to_owned(),
            slug,
            typed.description.trim().to_owned(),
        ));
    }
    if names.is_empty() && problems.is_empty() {
        problems.push(("name_fr".into(), "required".into()));
    }
    Ok(if problems.is_empty() {
        Ok(names)
    } else {
        Err(problems)
    })
}

/// The parent typed, if it exists and is not `id` itself or one of its descendants.
async fn checked_parent(
    conn: &mut Tx,
    id: Option<i64>,
    parent: &str,
) -> DataResult<Result<Option<i64>, Problems>> {
    if parent.trim().is_empty() {
        return Ok(Ok(None));
    }
    let Ok(parent) = parent.trim().parse::<i64>() else {
        return Ok(Err(problem("parent", "parent_invalid")));
    };
    // The chain from the chosen parent up to the root must not pass through `id`.
    let chain: Vec<i64> = crate::sql::query_scalar(
        "WITH RECURSIVE up(id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM sections WHERE id = ?
             UNION ALL
             SELECT s.id, s.parent_id, up.depth + 1 FROM sections s JOIN up ON s.id = up.parent_id
             WHERE up.depth < 16)
         SELECT id FROM up",
    )
    .bind(parent)
    .fetch_all(&mut *conn)
    .await?;
    Ok(
        match chain.is_empty() || id.is_some_and(|id| chain.contains(&id)) {
            true => Err(problem("parent", "parent_invalid")),
            false => Ok(Some(parent)),
        },
    )
}

/// A language-neutral key for a new section, from its first name.
async fn new_key(conn: &mut Tx, name: &str) -> DataResult<String> {
    let base: String = slugify(name).chars().take(60).collect();
    for key in candidates(base, "section") {
        let taken: bool =
            crate::sql::query_scalar("SELECT EXISTS (SELECT 1 FROM sections WHERE key = ?)")
                .bind(&key)
                .fetch_one(&mut *conn)
                .await?;
        if !taken {
            return Ok(key);
        }
    }
    unreachable!("candidates never run out")
}

/// Creates (`id` None) or updates a section: `Ok(Ok(id))`, or the problems with
/// nothing stored. A language left without a name loses its version.
pub async fn save(
    pool: &Db,
    user: &SessionUser,
    id: Option<i64>,
    input: &SectionInput,
) -> DataResult<Result<i64, Problems>> {
    if let Err(refused) = admin_only(user) {
        return Ok(Err(refused));
    }
    let mut tx = crate::write_tx(pool).await?;
    let names = match checked_names(&mut tx, id, input).await? {
        Ok(names) => names,
        Err(problems) => return Ok(Err(problems)),
    };
    let parent = match checked_parent(&mut tx, id, &input.parent).await? {
        Ok(parent) => parent,
        Err(problems) => return Ok(Err(problems)),
    };
    let last = "(SELECT COALESCE(max(position), 0) + 10 FROM sections WHERE parent_id IS NOT DISTINCT FROM ?1)";
    let id = match id {
        Some(id) => {
            let moved = crate::sql::query(&format!(
                "UPDATE sections SET position = CASE WHEN parent_id IS NOT DISTINCT FROM ?1 THEN position ELSE {last} END,
                                     parent_id = ?1
                 WHERE id = ?2"
            ))
            .bind(parent)
            .bind(id)
            .execute(&mut tx)
            .await?;
            if moved.rows_affected() == 0 {
                return Ok(Err(problem(WHOLE_FORM, "not_found")));
            }
            id
        }
        None => {
            let key = new_key(&mut tx, &names[0].1).await?;
            crate::sql::query_scalar(&format!(
                "INSERT INTO sections (key, parent_id, position) VALUES (?2, ?1, {last}) RETURNING id"
            ))
            .bind(parent)
            .bind(key)
            .fetch_all(&mut tx)
            .await?
            .written()?
        }
    };
    crate::sql::query("DELETE FROM section_translations WHERE section_id = ?")
        .bind(id)
        .execute(&mut tx)
        .await?;
    for (lang, name, slug, description) in &names {
        crate::sql::query(
            "INSERT INTO section_translations (section_id, lang, name, slug, description)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(lang.code())
        .bind(name)
        .bind(slug)
        .bind(description)
        .execute(&mut tx)
        .await?;
    }
    audit_on(&mut tx, Some(user.id), "section.save", &names[0].1, "").await?;
    tx.commit().await?;
    Ok(Ok(id))
}
