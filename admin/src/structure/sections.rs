//! `/admin/sections` (administrators): the section tree with each edition's name, move
//! up or down, edit; `/admin/sections/new` and `/admin/sections/{id}`: names, slugs
//! and descriptions side by side in the three languages (Arabic right to left), and the
//! parent. The public menus, breadcrumbs and section pages read the same rows.

use crate::fields::{posted_for, OrderedRow, PostNotice, TextField};
use crate::i18n::AdminTexts;
use crate::session::{loaded, use_admin_session};
use app::api::reply::JsonReply;
use app::components::field::{described_by, FieldHint, FieldProblem};
use content::lang::Lang;
use content::model::{AdminSection, SiteStructure};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Every section and menu item, labels in the back office's language (administrators).
#[server(prefix = "/api/admin", endpoint = "structure", output = JsonReply)]
pub async fn get_structure() -> Result<content::model::SiteStructure, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Admin)?;
    content::structure::structure(&pool()?, user.lang)
        .await
        .map_err(internal)
}

/// Loads the site structure, then shows `view` (or "administrators only").
pub fn with_structure<V: IntoView + 'static>(
    view: impl Fn(SiteStructure) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    loaded(
        Resource::new(|| (), |_| get_structure()),
        s.admins_only,
        view,
    )
}

/// The `:id` of the page's path: `None` for `new`.
pub fn id_param() -> Option<i64> {
    use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse().ok())
}

/// The list.
#[component]
pub fn SectionsPage() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    view! {
        <Title text=format!("{} — CCME", s.sections)/>
        <div class="admin-heading">
            <h1>{s.sections}</h1>
            <a class="button" href="/admin/sections/new">{s.new_section}</a>
        </div>
        <PostNotice posted=posted_for("/admin/sections")/>
        {with_structure(|structure| view! { <SectionTree sections=structure.sections/> })}
    }
}

#[component]
fn SectionTree(sections: Vec<AdminSection>) -> impl IntoView {
    let lang = use_admin_session().lang;
    let s = lang.structure();
    view! {
        <ul class="admin-stories">
            {sections.into_iter().map(|section| {
                view! {
                    <OrderedRow href=format!("/admin/sections/{}", section.id) title=section.name_in(lang) depth=section.depth>
                        {section.names.iter().map(|n| view! {
                            <span class="version-badge" lang=n.lang.code() dir=n.lang.dir()>
                                <span class="version-lang">{n.lang.code().to_uppercase()}</span>" "{n.name.clone()}
                            </span>" "
                        }).collect_view()}
                        {format!("{}: {}", s.stories, section.stories)}
                    </OrderedRow>
                }
            }).collect_view()}
        </ul>
    }
}

/// `/admin/sections/new` and `/admin/sections/{id}`.
#[component]
pub fn SectionPage() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let id = id_param();
    let title = if id.is_some() {
        s.edit_section
    } else {
        s.new_section
    };
    view! {
        <Title text=format!("{title} — CCME")/>
        <h1>{title}</h1>
        <p><a href="/admin/sections">{s.back}</a></p>
        {with_structure(move |structure| {
            let section = id.and_then(|id| structure.sections.iter().find(|x| x.id == id).cloned());
            match (id, section) {
                (Some(_), None) => view! { <p class="notice notice-error">{s.problem("not_found").to_owned()}</p> }.into_any(),
                (_, section) => view! { <SectionForm section all=structure.sections/> }.into_any(),
            }
        })}
    }
}

#[component]
fn SectionForm(section: Option<AdminSection>, all: Vec<AdminSection>) -> impl IntoView {
    let admin_lang = use_admin_session().lang;
    let s = admin_lang.structure();
    let action = section.as_ref().map_or_else(
        || "/admin/sections/new".to_owned(),
        |x| format!("/admin/sections/{}", x.id),
    );
    let posted = posted_for(&action);
    let parent = posted
        .as_ref()
        .and_then(|p| p.value("parent"))
        .unwrap_or_else(|| {
            section
                .as_ref()
                .and_then(|x| x.parent_id)
                .map(|p| p.to_string())
                .unwrap_or_default()
        });
    let own = section.as_ref().map(|x| x.id);
    let parent_problem = posted
        .as_ref()
        .and_then(|p| p.problem("parent"))
        .map(|code| s.problem(&code).to_owned());
    let stored = |lang: Lang| {
        section
            .as_ref()
            .and_then(|x| x.names.iter().find(|n| n.lang == lang).cloned())
            .unwrap_or_default()
    };
    view! {
        <PostNotice posted=posted.clone()/>
        <form method="post" action=action.clone() class="editor-form">
            <fieldset>
                <label for="field-parent">{s.parent}</label>
                <select id="field-parent" name="parent" aria-invalid=parent_problem.as_ref().map(|_| "true")
                    aria-describedby=described_by([parent_problem.as_ref().map(|_| "field-parent-problem")])>
                    <option value="">{s.top_level}</option>
                    {all.iter().filter(|x| Some(x.id) != own).map(|x| {
                        let value = x.id.to_string();
                        let indent = "\u{2003}".repeat(x.depth as usize);
                        view! { <option selected=value == parent value=value>{format!("{indent}{}", x.name_in(admin_lang))}</option> }
                    }).collect_view()}
                </select>
                <FieldProblem id="field-parent-problem".into() text=parent_problem/>
                <FieldHint>{s.section_names_hint}</FieldHint>
            </fieldset>
            <div class="structure-langs">
                {Lang::ALL.into_iter().map(|lang| {
                    let names = stored(lang);
                    let field = |what: &str| format!("{what}_{}", lang.code());
                    view! {
                        <fieldset class="structure-lang" lang=lang.code() dir=lang.dir()>
                            <legend>{lang.native_name()}</legend>
                            <TextField name=field("name") label=s.name.into() value=names.name lang posted=posted.clone()/>
                            <TextField name=field("slug") label=s.slug.into() value=names.slug hint=s.slug_hint lang posted=posted.clone()/>
                            <TextField name=field("description") label=s.description.into() value=names.description lang posted=posted.clone()/>
                        </fieldset>
                    }
                }).collect_view()}
            </div>
            <div class="editor-actions">
                <button type="submit" name="action" value="save" class="button">{s.save}</button>
                {section.as_ref().map(|_| view! {
                    <button type="submit" name="action" value="delete" class="button button-secondary" formnovalidate=true>{s.delete}</button>
                })}
            </div>
        </form>
    }
}
