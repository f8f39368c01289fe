//! Form pieces shared by the administration screens (accounts, sections, menus): a
//! labelled field that shows again what was typed when the form was refused
//! ([`AdminRefused`] in the context) with its translated problem, the notices that
//! follow a post, one-button forms and the rows of ordered lists.

use crate::i18n::AdminTexts;
use crate::session::use_admin_session;
use app::components::field::{described_by, FieldHint, FieldProblem};
use content::lang::Lang;
use content::model::AdminRefused;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The refused post of the form at `form`, if this render answers one.
pub fn posted_for(form: &str) -> Option<AdminRefused> {
    use_context::<AdminRefused>().filter(|refused| refused.is_for(form))
}

/// A text input with its label, hint and problem. `value` is the stored value, shown
/// unless the refused post typed another. `lang`: the language the text is written in
/// (its direction follows), when it differs from the back office's.
#[component]
pub fn TextField(
    name: String,
    label: String,
    #[prop(optional)] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] lang: Option<Lang>,
    #[prop(optional)] required: bool,
    posted: Option<AdminRefused>,
) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let shown = posted
        .as_ref()
        .and_then(|p| p.value(&name))
        .unwrap_or(value);
    let problem = posted.as_ref().and_then(|p| p.problem(&name));
    let problem = problem.map(|code| s.problem(&code).to_owned());
    let id = format!("field-{name}");
    let (hint_id, problem_id) = (format!("{id}-hint"), format!("{id}-problem"));
    let described = described_by([
        hint.map(|_| hint_id.as_str()),
        problem.as_ref().map(|_| problem_id.as_str()),
    ]);
    // Passwords are never sent back into the page.
    let shown = (kind != "password").then_some(shown);
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id name=name type=kind value=shown required=required
            lang=lang.map(Lang::code) dir=lang.map(Lang::dir)
            aria-invalid=problem.is_some().then_some("true")
            aria-describedby=described/>
        {hint.map(|hint| view! { <FieldHint id=hint_id>{hint}</FieldHint> })}
        <FieldProblem id=problem_id text=problem/>
    }
}

/// The notice after a post: `?done=` when it worked, the form-wide problem when it was
/// refused as a whole, "correct the fields below" otherwise.
#[component]
pub fn PostNotice(posted: Option<AdminRefused>) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let done = use_query_map()
        .get_untracked()
        .get("done")
        .and_then(|code| s.done(&code));
    let refused = posted.map(|p| match p.notice {
        Some(code) => s.problem(&code).to_owned(),
        None => s.fix_below.to_owned(),
    });
    view! {
        {done.map(|d| view! { <p class="notice notice-success" role="status">{d}</p> })}
        {refused.map(|r| view! { <p class="notice notice-error" role="alert">{r}</p> })}
    }
}

/// A one-button form posting `action=code` to `action`.
#[component]
pub fn ActionButton(action: String, code: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <form method="post" action=action class="inline-form">
            <button type="submit" name="action" value=code class="button button-secondary">{label}</button>
        </form>
    }
}

/// A row of an ordered list (sections, menu items): its title leading to its form,
/// what describes it, and the buttons that move it up or down. `depth` indents it.
#[component]
pub fn OrderedRow(href: String, title: String, depth: u32, children: Children) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    view! {
        <li class="admin-story structure-row" style=format!("--depth: {depth}")>
            <a class="admin-story-title" href=href.clone()>{title}</a>
            <span class="admin-story-meta">{children()}</span>
            <div class="admin-row-actions">
                <ActionButton action=href.clone() code="up" label=s.move_up/>
                <ActionButton action=href code="down" label=s.move_down/>
            </div>
        </li>
    }
}
