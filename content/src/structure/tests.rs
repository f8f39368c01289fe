//! The structure screens' data layer on a real SQLite file: sections and menus saved,
//! checked, ordered and deleted, and what the public navigation then shows.

use super::menu_items::{self, MenuInput};
use super::sections::{self, NameInput, SectionInput};
use super::{delete, move_item, structure, List};
use crate::accounts::recent_activity;
use crate::lang::Lang;
use crate::model::Role;
use crate::test_db::account;
use crate::{menus, test_db};

fn names(fr: &str, ar: &str, en: &str) -> SectionInput {
    let name = |lang, name: &str| NameInput {
        lang: Some(lang),
        name: name.into(),
        ..NameInput::default()
    };
    SectionInput {
        parent: String::new(),
        names: vec![name(Lang::Fr, fr), name(Lang::Ar, ar), name(Lang::En, en)],
    }
}

#[tokio::test]
async fn sections_are_saved_with_unique_slugs_and_no_cycles() {
    let db = test_db::with_demo().await;
    let pool = &db.pool;
    let admin = account(pool, "admin@ccme.example", Role::Admin).await;
    let editor = account(pool, "editor@ccme.example", Role::Editor).await;
    let input = names("Jeunesse", "الشباب", "Youth");
    let refused = sections::save(pool, &editor, None, &input).await.unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "not_allowed");

    let youth = sections::save(pool, &admin, None, &input)
        .await
        .unwrap()
        .unwrap();
    let all = sections::all(pool).await.unwrap();
    let saved = all.iter().find(|s| s.id == youth).unwrap();
    assert_eq!(saved.key, "jeunesse");
    assert_eq!(saved.names[1].slug, "الشباب", "Arabic slugs stay Arabic");
    assert_eq!(saved.name_in(Lang::En), "Youth");

    // The same names again: every slug is taken, nothing stored.
    let again = sections::save(pool, &admin, None, &input)
        .await
        .unwrap()
        .unwrap_err();
    let fields: Vec<_> = again.iter().map(|(f, c)| format!("{f}:{c}")).collect();
    assert_eq!(
        fields,
        [
            "slug_fr:slug_taken",
            "slug_ar:slug_taken",
            "slug_en:slug_taken"
        ]
    );
    let empty = sections::save(pool, &admin, None, &names("", "", ""))
        .await
        .unwrap();
    assert_eq!(
        empty.unwrap_err(),
        [("name_fr".to_owned(), "required".to_owned())]
    );

    // A child; then the parent under its own child is refused.
    let mut child = names("Étudiants", "الطلبة", "Students");
    child.parent = youth.to_string();
    let students = sections::save(pool, &admin, None, &child)
        .await
        .unwrap()
        .unwrap();
    let mut cycle = input.clone();
    cycle.parent = students.to_string();
    let refused = sections::save(pool, &admin, Some(youth), &cycle)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "parent_invalid");
    let all = sections::all(pool).await.unwrap();
    let at = |id| all.iter().position(|s| s.id == id).unwrap();
    assert_eq!(at(students), at(youth) + 1, "children follow their parent");
    assert_eq!(all[at(students)].depth, 1);

    // Renaming keeps the slug typed; removing a language's name removes that version.
    let mut renamed = names("Jeunes", "", "Young people");
    renamed.names[0].slug = "jeunes-du-monde".into();
    sections::save(pool, &admin, Some(youth), &renamed)
        .await
        .unwrap()
        .unwrap();
    let all = sections::all(pool).await.unwrap();
    let saved = &all[at(youth)];
    assert_eq!(saved.names.len(), 2);
    assert_eq!(saved.names[0].slug, "jeunes-du-monde");

    // Not deleted while it has a sub-section or stories.
    let refused = delete(pool, &admin, List::Sections, youth).await.unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "section_has_children");
    let busy: i64 = crate::sql::query_scalar(
        "SELECT section_id FROM stories WHERE section_id IS NOT NULL LIMIT 1",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let refused = delete(pool, &admin, List::Sections, busy).await.unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "section_has_stories");
    delete(pool, &admin, List::Sections, students)
        .await
        .unwrap()
        .unwrap();
    delete(pool, &admin, List::Sections, youth)
        .await
        .unwrap()
        .unwrap();
    let actions: Vec<String> = recent_activity(pool, admin.id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(
        actions.contains(&"section.delete".to_owned()),
        "{actions:?}"
    );
    assert!(actions.contains(&"section.save".to_owned()), "{actions:?}");
}

fn link(target: &str, labels: [&str; 3]) -> MenuInput {
    MenuInput {
        menu: "main".into(),
        target: target.into(),
        labels: Lang::ALL
            .into_iter()
            .zip(labels.map(String::from))
            .collect(),
        ..MenuInput::default()
    }
}

#[tokio::test]
async fn menu_items_show_in_the_public_navigation_in_their_order() {
    let db = test_db::with_demo().await;
    let pool = &db.pool;
    let admin = account(pool, "admin@ccme.example", Role::Admin).await;
    let before = menus::navigation(pool, Lang::Ar).await.unwrap().main.len();

    let mut agenda = link("path", ["Agenda", "المفكرة", "Diary"]);
    agenda.path = "/{lang}/search?q=agenda".into();
    let id = menu_items::save(pool, &admin, None, &agenda)
        .await
        .unwrap()
        .unwrap();
    let ar = menus::navigation(pool, Lang::Ar).await.unwrap();
    assert_eq!(ar.main.len(), before + 1);
    let last = ar.main.last().unwrap();
    assert_eq!(last.label, "المفكرة");
    assert_eq!(last.href.as_deref(), Some("/ar/search?q=agenda"));

    // Moved up once: now before the previous last item.
    move_item(pool, &admin, List::MenuItems, id, true)
        .await
        .unwrap()
        .unwrap();
    let fr = menus::navigation(pool, Lang::Fr).await.unwrap();
    assert_eq!(fr.main[fr.main.len() - 2].label, "Agenda");

    // Checks: a script address, a heading without a name, a child of a child.
    let mut bad = link("path", ["x", "", ""]);
    bad.path = "javascript:alert(1)".into();
    let refused = menu_items::save(pool, &admin, None, &bad)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(refused, [("path".to_owned(), "path_invalid".to_owned())]);
    let refused = menu_items::save(pool, &admin, None, &link("none", ["", "", ""]))
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err()[0].0, "label_fr");
    let mut child = link("home", ["Accueil bis", "", ""]);
    child.parent = id.to_string();
    let child_id = menu_items::save(pool, &admin, None, &child)
        .await
        .unwrap()
        .unwrap();
    let mut grandchild = child.clone();
    grandchild.parent = child_id.to_string();
    let refused = menu_items::save(pool, &admin, None, &grandchild)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "parent_invalid");

    // A section target falls back on the section's name in each edition.
    let section: i64 = crate::sql::query_scalar("SELECT id FROM sections ORDER BY id LIMIT 1")
        .fetch_one(pool)
        .await
        .unwrap();
    let mut to_section = link("section", ["", "", ""]);
    to_section.menu = "footer".into();
    to_section.section = section.to_string();
    menu_items::save(pool, &admin, None, &to_section)
        .await
        .unwrap()
        .unwrap();
    let en = menus::navigation(pool, Lang::En).await.unwrap();
    assert!(en
        .footer
        .last()
        .unwrap()
        .href
        .as_deref()
        .unwrap()
        .starts_with("/en/section/"));

    let listed = structure(pool, Lang::Fr).await.unwrap();
    let at = |id| listed.menu_items.iter().position(|m| m.id == id).unwrap();
    assert_eq!(at(child_id), at(id) + 1, "children follow their parent");
    assert!(!listed.pages.is_empty(), "static pages to point at");

    // Deleting the parent takes its child along.
    delete(pool, &admin, List::MenuItems, id)
        .await
        .unwrap()
        .unwrap();
    let fr = menus::navigation(pool, Lang::Fr).await.unwrap();
    assert!(fr.main.iter().all(|m| m.label != "Agenda"));
    let gone: i64 = crate::sql::query_scalar("SELECT count(*) FROM menu_items WHERE id = ?")
        .bind(child_id)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(gone, 0);
}
