//! `/admin/menus` (administrators): the header and footer menus as readers of the
//! back office's language see them, move an item up or down, edit; `/admin/menus/new`
//! and `/admin/menus/{id}`: where it points (home, a section, a page, an address or
//! nothing, as a group heading), under which item, and its label in each language.

use crate::fields::{posted_for, OrderedRow, PostNotice, TextField};
use crate::i18n::AdminTexts;
use crate::i18n::StructureStrings;
use crate::session::use_admin_session;
use crate::structure::sections::{id_param, with_structure};
use app::components::field::{described_by, FieldProblem};
use content::lang::Lang;
use content::model::{text_in, AdminMenuItem, AdminRefused, SiteStructure};
use content::structure::menu_items::{MENUS, TARGETS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn target_name(s: &StructureStrings, target: &str) -> &'static str {
    TARGETS
        .iter()
        .position(|t| *t == target)
        .map_or("", |i| s.targets[i])
}

/// The list.
#[component]
pub fn MenusPage() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    view! {
        <Title text=format!("{} — CCME", s.menus)/>
        <h1>{s.menus}</h1>
        <PostNotice posted=posted_for("/admin/menus")/>
        {with_structure(|structure| {
            MENUS.iter().enumerate().map(|(i, menu)| {
                let items: Vec<AdminMenuItem> = structure.menu_items.iter().filter(|m| m.menu == *menu).cloned().collect();
                view! {
                    <section class="admin-card">
                        <div class="admin-heading">
                            <h2 id=format!("menu-{menu}")>{s.menu_names[i]}</h2>
                            <a class="button button-secondary" href=format!("/admin/menus/new?menu={menu}")>{s.new_item}</a>
                        </div>
                        <MenuList items/>
                    </section>
                }
            }).collect_view()
        })}
    }
}

#[component]
fn MenuList(items: Vec<AdminMenuItem>) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    view! {
        <ul class="admin-stories">
            {items.into_iter().map(|item| {
                let depth = u32::from(item.parent_id.is_some());
                view! {
                    <OrderedRow href=format!("/admin/menus/{}", item.id) title=item.shown.clone() depth>
                        {target_name(s, &item.target)}{item.path.clone().map(|p| view! { " · "<code dir="ltr">{p}</code> })}
                    </OrderedRow>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/admin/menus/new` (`?menu=footer` for the footer) and `/admin/menus/{id}`.
#[component]
pub fn MenuItemPage() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let id = id_param();
    let menu = use_query_map()
        .get_untracked()
        .get("menu")
        .filter(|m| MENUS.contains(&m.as_str()))
        .unwrap_or_else(|| "main".into());
    let title = if id.is_some() {
        s.edit_item
    } else {
        s.new_item
    };
    view! {
        <Title text=format!("{title} — CCME")/>
        <h1>{title}</h1>
        <p><a href="/admin/menus">{s.back}</a></p>
        {with_structure(move |structure| {
            let item = id.and_then(|id| structure.menu_items.iter().find(|m| m.id == id).cloned());
            match (id, item) {
                (Some(_), None) => view! { <p class="notice notice-error">{s.problem("not_found").to_owned()}</p> }.into_any(),
                (_, item) => view! { <MenuItemForm item menu=menu.clone() structure/> }.into_any(),
            }
        })}
    }
}

/// A `<select>` with its label and problem; `options` are (value, text).
#[component]
fn Choice(
    name: &'static str,
    label: &'static str,
    selected: String,
    options: Vec<(String, String)>,
    posted: Option<AdminRefused>,
) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let selected = posted
        .as_ref()
        .and_then(|p| p.value(name))
        .unwrap_or(selected);
    let problem = posted
        .as_ref()
        .and_then(|p| p.problem(name))
        .map(|code| s.problem(&code).to_owned());
    let id = format!("field-{name}");
    let problem_id = format!("{id}-problem");
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id name=name aria-invalid=problem.is_some().then_some("true")
            aria-describedby=described_by([problem.as_ref().map(|_| problem_id.as_str())])>
            {options.into_iter().map(|(value, text)| view! {
                <option selected=value == selected value=value>{text}</option>
            }).collect_view()}
        </select>
        <FieldProblem id=problem_id text=problem/>
    }
}

#[component]
fn MenuItemForm(
    item: Option<AdminMenuItem>,
    menu: String,
    structure: SiteStructure,
) -> impl IntoView {
    let admin_lang = use_admin_session().lang;
    let s = admin_lang.structure();
    let action = item.as_ref().map_or_else(
        || "/admin/menus/new".to_owned(),
        |m| format!("/admin/menus/{}", m.id),
    );
    let posted = posted_for(&action);
    let id_text = |id: Option<i64>| id.map(|i| i.to_string()).unwrap_or_default();
    let own = item.as_ref().map(|m| m.id);
    let stored = item.clone().unwrap_or(AdminMenuItem {
        id: 0,
        menu,
        parent_id: None,
        position: 0,
        target: "section".into(),
        section_id: None,
        story_id: None,
        path: None,
        labels: vec![],
        shown: String::new(),
    });
    let menus: Vec<(String, String)> = MENUS
        .iter()
        .zip(s.menu_names)
        .map(|(m, n)| (m.to_string(), n.to_owned()))
        .collect();
    let mut parents = vec![(String::new(), s.top_level.to_owned())];
    parents.extend(
        structure
            .menu_items
            .iter()
            .filter(|m| m.parent_id.is_none() && Some(m.id) != own)
            .map(|m| {
                (
                    m.id.to_string(),
                    format!(
                        "{} · {}",
                        m.shown,
                        s.menu_names[usize::from(m.menu == "footer")]
                    ),
                )
            }),
    );
    let targets: Vec<(String, String)> = TARGETS
        .iter()
        .zip(s.targets)
        .map(|(t, n)| (t.to_string(), n.to_owned()))
        .collect();
    let sections: Vec<(String, String)> = structure
        .sections
        .iter()
        .map(|x| {
            (
                x.id.to_string(),
                format!(
                    "{}{}",
                    "\u{2003}".repeat(x.depth as usize),
                    x.name_in(admin_lang)
                ),
            )
        })
        .collect();
    let pages: Vec<(String, String)> = structure
        .pages
        .iter()
        .map(|(id, title)| (id.to_string(), title.clone()))
        .collect();
    let label_of = |lang: Lang| text_in(&stored.labels, lang);
    view! {
        <PostNotice posted=posted.clone()/>
        <form method="post" action=action class="editor-form">
            <fieldset>
                <Choice name="menu" label=s.menus selected=stored.menu.clone() options=menus posted=posted.clone()/>
                <Choice name="parent" label=s.parent selected=id_text(stored.parent_id) options=parents posted=posted.clone()/>
                <Choice name="target" label=s.target selected=stored.target.clone() options=targets posted=posted.clone()/>
                <Choice name="section" label=s.targets[1] selected=id_text(stored.section_id) options=sections posted=posted.clone()/>
                <Choice name="story" label=s.page selected=id_text(stored.story_id) options=pages posted=posted.clone()/>
                <TextField name="path".into() label=s.path.into() value=stored.path.clone().unwrap_or_default() hint=s.path_hint posted=posted.clone()/>
            </fieldset>
            <p class="field-hint">{s.label_hint}</p>
            <div class="structure-langs">
                {Lang::ALL.into_iter().map(|lang| view! {
                    <fieldset class="structure-lang" lang=lang.code() dir=lang.dir()>
                        <legend>{lang.native_name()}</legend>
                        <TextField name=format!("label_{}", lang.code()) label=s.label.into() value=label_of(lang) lang posted=posted.clone()/>
                    </fieldset>
                }).collect_view()}
            </div>
            <div class="editor-actions">
                <button type="submit" name="action" value="save" class="button">{s.save}</button>
                {item.map(|_| view! {
                    <button type="submit" name="action" value="delete" class="button button-secondary">{s.delete}</button>
                })}
            </div>
        </form>
    }
}
