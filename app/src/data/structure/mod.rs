//! The site's structure as administrators edit it: sections (names, slugs and
//! descriptions per language, parent, order) and the header and footer menus (labels
//! per language, target, parent, order). The public header, footer and section pages
//! read the same tables on every request, so a change shows without a deploy.

pub mod menu_items;
pub mod sections;
#[cfg(test)]
mod tests;

use super::DataResult;
use crate::i18n::Lang;
use crate::model::{AdminMenuItem, Role, SessionUser, SiteStructure};
use sqlx::{SqliteConnection, SqlitePool};

pub use super::accounts::Problems;

pub(crate) use super::accounts::problem;

/// Refuses anyone but an administrator.
pub(crate) fn admin_only(user: &SessionUser) -> Result<(), Problems> {
    match user.role.allows(Role::Admin) {
        true => Ok(()),
        false => Err(problem("form", "not_allowed")),
    }
}

/// Everything the structure screens show, labels in `lang`.
pub async fn structure(pool: &SqlitePool, lang: Lang) -> DataResult<SiteStructure> {
    let sections = sections::all(pool).await?;
    let menu_items: Vec<AdminMenuItem> = menu_items::all(pool, lang).await?;
    let pages: Vec<(i64, String)> = sqlx::query_as(
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

/// Which siblings an item is ordered among.
#[derive(Clone, Copy)]
pub(crate) enum Siblings {
    Sections,
    MenuItems,
}

impl Siblings {
    fn query(self) -> &'static str {
        match self {
            Siblings::Sections => {
                "SELECT id FROM sections
                 WHERE parent_id IS (SELECT parent_id FROM sections WHERE id = ?1)
                 ORDER BY position, id"
            }
            Siblings::MenuItems => {
                "SELECT id FROM menu_items
                 WHERE menu = (SELECT menu FROM menu_items WHERE id = ?1)
                   AND parent_id IS (SELECT parent_id FROM menu_items WHERE id = ?1)
                 ORDER BY position, id"
            }
        }
    }

    fn update(self) -> &'static str {
        match self {
            Siblings::Sections => "UPDATE sections SET position = ? WHERE id = ?",
            Siblings::MenuItems => "UPDATE menu_items SET position = ? WHERE id = ?",
        }
    }
}

/// Moves item `id` one place up (`up`) or down among its siblings and numbers them
/// again 10, 20, 30… Returns whether it moved.
pub(crate) async fn move_among(
    conn: &mut SqliteConnection,
    siblings: Siblings,
    id: i64,
    up: bool,
) -> DataResult<bool> {
    let mut ids: Vec<i64> = sqlx::query_scalar(siblings.query())
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let Some(at) = ids.iter().position(|&i| i == id) else {
        return Ok(false);
    };
    let other = match up {
        true if at > 0 => at - 1,
        false if at + 1 < ids.len() => at + 1,
        _ => return Ok(false),
    };
    ids.swap(at, other);
    for (index, sibling) in ids.iter().enumerate() {
        sqlx::query(siblings.update())
            .bind((index as i64 + 1) * 10)
            .bind(sibling)
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}
