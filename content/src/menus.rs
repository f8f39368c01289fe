//! Header and footer menus of an edition, resolved in one query: each item's label
//! (its own, or its target's name) and link in the reader's language.

use super::DataResult;
use crate::address::{story_path, Page};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{MenuItem, Navigation};
use crate::Db;

#[derive(sqlx::FromRow)]
struct MenuRow {
    id: i64,
    menu: String,
    parent_id: Option<i64>,
    target: String,
    label: Option<String>,
    section_slug: Option<String>,
    story_slug: Option<String>,
    path: Option<String>,
}

impl MenuRow {
    fn href(&self, lang: Lang) -> Option<String> {
        match self.target.as_str() {
            "home" => Some(Page::Home.path(lang)),
            "section" => self
                .section_slug
                .as_deref()
                .map(|s| Page::section(s).path(lang)),
            "story" => self
                .story_slug
                .as_deref()
                .map(|s| story_path(lang, StoryKind::Page, s)),
            "path" => self
                .path
                .as_deref()
                .map(|p| p.replace("{lang}", lang.code())),
            _ => None,
        }
    }
}

/// Both menus of `lang`. Items whose target has no version in `lang` are left out.
pub async fn navigation(pool: &Db, lang: Lang) -> DataResult<Navigation> {
    let rows: Vec<MenuRow> = crate::sql::query_as(
        "SELECT mi.id, mi.menu, mi.parent_id, mi.target,
                COALESCE(l.label, st.name, tt.title) AS label,
                st.slug AS section_slug, tt.slug AS story_slug, mi.path
         FROM menu_items mi
         LEFT JOIN menu_item_labels l ON l.menu_item_id = mi.id AND l.lang = ?1
         LEFT JOIN section_translations st ON st.section_id = mi.section_id AND st.lang = ?1
         LEFT JOIN story_translations tt ON tt.story_id = mi.story_id AND tt.lang = ?1
                                          AND tt.status = 'published'
         ORDER BY mi.position, mi.id",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let year: i64 = crate::sql::query_scalar(crate::sql::dialect_const!(const_format::concatcp!(
        "SELECT ",
        CURRENT_YEAR
    )))
    .fetch_one(pool)
    .await?;
    let tree = |menu: &str| -> Vec<MenuItem> {
        let item = |row: &MenuRow| -> Option<MenuItem> {
            Some(MenuItem {
                label: row.label.clone()?,
                href: row.href(lang),
                children: vec![],
            })
        };
        rows.iter()
            .filter(|r| r.menu == menu && r.parent_id.is_none())
            .filter_map(|root| {
                let mut top = item(root)?;
                top.children = rows
                    .iter()
                    .filter(|r| r.parent_id == Some(root.id))
                    .filter_map(item)
                    .collect();
                Some(top)
            })
            .collect()
    };
    Ok(Navigation {
        main: tree("main"),
        footer: tree("footer"),
        year: year as i32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn menus_are_translated_with_working_links() {
        let db = test_db::with_demo().await;
        let fr = navigation(&db.pool, Lang::Fr).await.unwrap();
        let labels: Vec<_> = fr.main.iter().map(|m| m.label.as_str()).collect();
        assert!(labels.contains(&"Accueil"), "{labels:?}");
        assert!(labels.contains(&"Archives du CCME"), "{labels:?}");
        let archives = fr
            .main
            .iter()
            .find(|m| m.label == "Archives du CCME")
            .unwrap();
        assert_eq!(archives.children.len(), 3);
        assert!(archives
            .children
            .iter()
            .any(|c| c.href.as_deref() == Some("/fr/section/medias-et-migration")));
        assert!(fr.footer.len() >= 3);
        let ar = navigation(&db.pool, Lang::Ar).await.unwrap();
        assert_eq!(ar.main.len(), fr.main.len(), "every item exists in Arabic");
        assert!(ar
            .main
            .iter()
            .all(|m| m.href.as_deref().is_none_or(|h| h.starts_with("/ar/"))));
        assert!(
            ar.main.iter().all(|m| !m.label.is_ascii()),
            "no Latin labels on /ar/"
        );
    }
}
