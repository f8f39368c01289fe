//! Header and footer menu items as administrators edit them: list (tops then their
//! children, in order), save one (labels per language, target, parent). Audited;
//! moving and deleting are in the parent module, shared with sections.

use super::{admin_only, problem, Problems};
use crate::accounts::audit_on;
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{AdminMenuItem, SessionUser, WHOLE_FORM};
use crate::DataResult;
use crate::{Db, Tx};

/// What an item may point at.
pub const TARGETS: [&str; 5] = ["home", "section", "story", "path", "none"];
/// The two menus.
pub const MENUS: [&str; 2] = ["main", "footer"];
/// Longest label.
const MAX_LABEL_CHARS: usize = 80;
/// Longest path or address.
const MAX_PATH_CHARS: usize = 300;

/// An item as typed (ids as text, as forms send them).
#[derive(Clone, Debug, Default)]
pub struct MenuInput {
    pub menu: String,
    pub parent: String,
    pub target: String,
    pub section: String,
    pub story: String,
    pub path: String,
    pub labels: Vec<(Lang, String)>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    menu: String,
    parent_id: Option<i64>,
    position: i64,
    target: String,
    section_id: Option<i64>,
    story_id: Option<i64>,
    path: Option<String>,
    shown: Option<String>,
}

/// Every item of both menus, each top item followed by its children, labels shown in
/// `lang` (its own label, else its target's name, else any label).
pub async fn all(pool: &Db, lang: Lang) -> DataResult<Vec<AdminMenuItem>> {
    let rows: Vec<Row> = crate::sql::query_as(
        "SELECT mi.id, mi.menu, mi.parent_id, mi.position, mi.target, mi.section_id,
                mi.story_id, mi.path,
                COALESCE(l.label, st.name, tt.title,
                         (SELECT label FROM menu_item_labels WHERE menu_item_id = mi.id LIMIT 1),
                         mi.path, mi.target) AS shown
         FROM menu_items mi
         LEFT JOIN menu_item_labels l ON l.menu_item_id = mi.id AND l.lang = ?1
         LEFT JOIN section_translations st ON st.section_id = mi.section_id AND st.lang = ?1
         LEFT JOIN story_translations tt ON tt.story_id = mi.story_id AND tt.lang = ?1
         ORDER BY CASE mi.menu WHEN 'main' THEN 0 ELSE 1 END,
                  COALESCE((SELECT position FROM menu_items p WHERE p.id = mi.parent_id), mi.position),
                  COALESCE(mi.parent_id, mi.id), mi.parent_id IS NOT NULL, mi.position, mi.id",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let labels: Vec<(i64, String, String)> =
        crate::sql::query_as("SELECT menu_item_id, lang, label FROM menu_item_labels")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|row| AdminMenuItem {
            labels: labels
                .iter()
                .filter(|(item, _, _)| *item == row.id)
                .filter_map(|(_, l, label)| Some((Lang::from_code(l)?, label.clone())))
                .collect(),
            id: row.id,
            menu: row.menu,
            parent_id: row.parent_id,
            position: row.position,
            target: row.target,
            section_id: row.section_id,
            story_id: row.story_id,
            path: row.path,
            shown: row.shown.unwrap_or_default(),
        })
        .collect())
}

/// An id typed in a form field, if it names a row `exists` finds.
async fn existing(conn: &mut Tx, sql: &str, typed: &str) -> DataResult<Option<i64>> {
    let Ok(id) = typed.trim().parse::<i64>() else {
        return Ok(None);
    };
    let found: bool = crate::sql::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(found.then_some(id))
}

/// A path on this site (`/…`, `{lang}` standing for the edition) or a web address.
fn valid_path(path: &str) -> bool {
    let on_site = path.starts_with('/') && !path.starts_with("//");
    let web = path.starts_with("https://") || path.starts_with("http://");
    (on_site || web)
        && path.chars().count() <= MAX_PATH_CHARS
        && !path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<')
}

/// The row an input becomes once checked: (menu, parent, target, section, story, path).
type Checked = (
    &'static str,
    Option<i64>,
    &'static str,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

async fn check(
    conn: &mut Tx,
    id: Option<i64>,
    input: &MenuInput,
) -> DataResult<Result<Checked, Problems>> {
    let mut problems = Problems::new();
    let menu = MENUS
        .into_iter()
        .find(|m| *m == input.menu)
        .unwrap_or("main");
    let Some(target) = TARGETS.into_iter().find(|t| *t == input.target) else {
        return Ok(Err(problem("target", "required")));
    };
    // A parent is a top item of the same menu, and an item with children stays on top.
    let parent = if input.parent.trim().is_empty() {
        None
    } else {
        let parent = existing(
            conn,
            "SELECT EXISTS (SELECT 1 FROM menu_items WHERE id = ?1 AND parent_id IS NULL)",
            &input.parent,
        )
        .await?;
        let has_children: bool = match id {
            Some(id) => {
                crate::sql::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM menu_items WHERE parent_id = ?)",
                )
                .bind(id)
                .fetch_one(&mut *conn)
                .await?
            }
            None => false,
        };
        let parent_menu: Option<String> =
            crate::sql::query_scalar("SELECT menu FROM menu_items WHERE id = ?")
                .bind(parent)
                .fetch_optional(&mut *conn)
                .await?;
        if parent.is_none() || parent == id || has_children || parent_menu.as_deref() != Some(menu)
        {
            problems.push(("parent".into(), "parent_invalid".into()));
        }
        parent
    };
    let section = match target {
        "section" => {
            let sql = "SELECT EXISTS (SELECT 1 FROM sections WHERE id = ?)";
            let found = existing(conn, sql, &input.section).await?;
            if found.is_none() {
                problems.push(("section".into(), "required".into()));
            }
            found
        }
        _ => None,
    };
    let story = match target {
        "story" => {
            let sql = "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ? AND kind = 'page')";
            let found = existing(conn, sql, &input.story).await?;
            if found.is_none() {
                problems.push(("story".into(), "required".into()));
            }
            found
        }
        _ => None,
    };
    let path = match target {
        "path" => {
            let path = input.path.trim();
            if !valid_path(path) {
                problems.push(("path".into(), "path_invalid".into()));
            }
            Some(path.to_owned())
        }
        _ => None,
    };
    for (lang, label) in &input.labels {
        if label.trim().chars().count() > MAX_LABEL_CHARS {
            problems.push((format!("label_{}", lang.code()), "too_long".into()));
        }
    }
    // A link to a path or a heading has no name of its own to fall back on.
    let unnamed = input.labels.iter().all(|(_, l)| l.trim().is_empty());
    if matches!(target, "path" | "none") && unnamed {
        problems.push(("label_fr".into(), "required".into()));
    }
    Ok(match problems.is_empty() {
        true => Ok((menu, parent, target, section, story, path)),
        false => Err(problems),
    })
}

/// Creates (`id` None, at the end of its menu) or updates an item: `Ok(Ok(id))`, or
/// the problems with nothing stored.
pub async fn save(
    pool: &Db,
    user: &SessionUser,
    id: Option<i64>,
    input: &MenuInput,
) -> DataResult<Result<i64, Problems>> {
    if let Err(refused) = admin_only(user) {
        return Ok(Err(refused));
    }
    let mut tx = crate::write_tx(pool).await?;
    let (menu, parent, target, section, story, path) = match check(&mut tx, id, input).await? {
        Ok(checked) => checked,
        Err(problems) => return Ok(Err(problems)),
    };
    let last = "(SELECT COALESCE(max(position), 0) + 10 FROM menu_items
                 WHERE menu = ?1 AND parent_id IS NOT DISTINCT FROM ?2)";
    let sql = match id {
        Some(_) => format!(
            "UPDATE menu_items SET
                 position = CASE WHEN menu = ?1 AND parent_id IS NOT DISTINCT FROM ?2 THEN position ELSE {last} END,
                 menu = ?1, parent_id = ?2, target = ?3, section_id = ?4, story_id = ?5, path = ?6
             WHERE id = ?7 RETURNING id"
        ),
        None => format!(
            "INSERT INTO menu_items (menu, parent_id, target, section_id, story_id, path, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, {last}) RETURNING id"
        ),
    };
    let saved: Option<i64> = crate::sql::query_scalar(&sql)
        .bind(menu)
        .bind(parent)
        .bind(target)
        .bind(section)
        .bind(story)
        .bind(path)
        .bind(id)
        .fetch_all(&mut tx)
        .await?
        .maybe_written()?;
    let Some(id) = saved else {
        return Ok(Err(problem(WHOLE_FORM, "not_found")));
    };
    // An item that went under a parent in another menu takes its children along.
    crate::sql::query("UPDATE menu_items SET menu = ? WHERE parent_id = ?")
        .bind(menu)
        .bind(id)
        .execute(&mut tx)
        .await?;
    crate::sql::query("DELETE FROM menu_item_labels WHERE menu_item_id = ?")
        .bind(id)
        .execute(&mut tx)
        .await?;
    for (lang, label) in input.labels.iter().filter(|(_, l)| !l.trim().is_empty()) {
        crate::sql::query(
            "INSERT INTO menu_item_labels (menu_item_id, lang, label) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(lang.code())
        .bind(label.trim())
        .execute(&mut tx)
        .await?;
    }
    audit_on(&mut tx, Some(user.id), "menu.save", &id.to_string(), target).await?;
    tx.commit().await?;
    Ok(Ok(id))
}
