//! The site's structure as administrators edit it: sections (names, slugs and
//! descriptions per language, parent, order) and the header and footer menus (labels
//! per language, target, parent, order). The public header, footer and section pages
//! read the same tables on every request, so a change shows without a deploy.

pub mod menu_items;
pub mod sections;
#[cfg(test)]
mod tests;

use super::accounts::audit_on;
use super::DataResult;
use crate::lang::Lang;
use crate::model::{AdminMenuItem, Role, SessionUser, SiteStructure, WHOLE_FORM};
use crate::Db;

pub use super::accounts::Problems;

pub(crate) use super::accounts::problem;

/// Refuses anyone but an administrator.
pub(crate) fn admin_only(user: &SessionUser) -> Result<(), Problems> {
    match user.role.allows(Role::Admin) {
        true => Ok(()),
        false => Err(problem(WHOLE_FORM, "not_allowed")),
    }
}

/// Everything the structure screens show, labels in `lang`.
pub async fn structure(pool: &Db, lang: Lang) -> DataResult<SiteStructure> {
    let sections = sections::all(pool).await?;
    let menu_items: Vec<AdminMenuItem> = menu_items::all(pool, lang).await?;
    let pages: Vec<(i64, String)> = crate::sql::query_as(
        "SELECT s.id, COALESCE(
                    (SELECT title FROM story_translations WHERE story_id = s.id AND lang = ?),
                    (SELECT title FROM story_translations WHERE story_id = s.id ORDER BY id LIMIT 1))
         FROM stories s WHERE s.kind = 'page' ORDER BY 2",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    Ok(SiteStructure {
        sections,
        menu_items,
        pages,
    })
}

/// The two edited lists: an item's siblings are ordered among themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Sections,
    MenuItems,
}

impl List {
    fn siblings(self) -> &'static str {
        match self {
            List::Sections => {
                "SELECT id FROM sections
                 WHERE parent_id IS NOT DISTINCT FROM (SELECT parent_id FROM sections WHERE id = ?1)
                 ORDER BY position, id"
            }
            List::MenuItems => {
                "SELECT id FROM menu_items
                 WHERE menu = (SELECT menu FROM menu_items WHERE id = ?1)
                   AND parent_id IS NOT DISTINCT FROM (SELECT parent_id FROM menu_items WHERE id = ?1)
                 ORDER BY position, id"
            }
        }
    }

    fn table(self) -> &'static str {
        match self {
            List::Sections => "sections",
            List::MenuItems => "menu_items",
        }
    }

    /// The audit log's prefix (`section.move`, `menu.delete`).
    fn audited(self) -> &'static str {
        match self {
            List::Sections => "section",
            List::MenuItems => "menu",
        }
    }
}

/// Moves item `id` one place up (`up`) or down among its siblings and numbers them
/// again 10, 20, 30… `Ok(Ok(moved))`, or refused to anyone but an administrator.
pub async fn move_item(
    pool: &Db,
    user: &SessionUser,
    list: List,
    id: i64,
    up: bool,
) -> DataResult<Result<bool, Problems>> {
    if let Err(refused) = admin_only(user) {
        return Ok(Err(refused));
    }
    let mut tx = crate::write_tx(pool).await?;
    let mut ids: Vec<i64> = crate::sql::query_scalar(list.siblings())
        .bind(id)
        .fetch_all(&mut tx)
        .await?;
    let Some(at) = ids.iter().position(|&i| i == id) else {
        return Ok(Ok(false));
    };
    let other = match up {
        true if at > 0 => at - 1,
        false if at + 1 < ids.len() => at + 1,
        _ => return Ok(Ok(false)),
    };
    ids.swap(at, other);
    let update = format!("UPDATE {} SET position = ? WHERE id = ?", list.table());
    for (index, sibling) in ids.iter().enumerate() {
        crate::sql::query(&update)
            .bind((index as i64 + 1) * 10)
            .bind(sibling)
            .execute(&mut tx)
            .await?;
    }
    let action = format!("{}.move", list.audited());
    audit_on(&mut tx, Some(user.id), &action, &id.to_string(), "").await?;
    tx.commit().await?;
    Ok(Ok(true))
}

/// Deletes item `id`: a menu item with its children; a section only when it holds no
/// stories and no sub-sections (its menu items go with it), else the problem says which.
pub async fn delete(
    pool: &Db,
    user: &SessionUser,
    list: List,
    id: i64,
) -> DataResult<Result<(), Problems>> {
    if let Err(refused) = admin_only(user) {
        return Ok(Err(refused));
    }
    let mut tx = crate::write_tx(pool).await?;
    if list == List::Sections {
        let (stories, children): (i64, i64) = crate::sql::query_as(
            "SELECT (SELECT count(*) FROM stories WHERE section_id = ?1),
                    (SELECT count(*) FROM sections WHERE parent_id = ?1)",
        )
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
        if stories > 0 {
            return Ok(Err(problem(WHOLE_FORM, "section_has_stories")));
        }
        if children > 0 {
            return Ok(Err(problem(WHOLE_FORM, "section_has_children")));
        }
    }
    let gone = crate::sql::query(&format!("DELETE FROM {} WHERE id = ?", list.table()))
        .bind(id)
        .execute(&mut tx)
        .await?;
    if gone.rows_affected() == 0 {
        return Ok(Err(problem(WHOLE_FORM, "not_found")));
    }
    let action = format!("{}.delete", list.audited());
    audit_on(&mut tx, Some(user.id), &action, &id.to_string(), "").await?;
    tx.commit().await?;
    Ok(Ok(()))
}
