//! The filters of listing pages (library, interviews, faces): plain GET forms, so a
//! filtered listing is an address to share and works without JavaScript.

use leptos::prelude::*;

/// One filter: a labelled `<select>` named `name` whose first choice, "all" (`all`),
/// leaves the filter off; `choices` are `(value, label)`, `selected` the current value.
#[component]
pub fn FilterSelect(
    name: &'static str,
    label: &'static str,
    all: &'static str,
    choices: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    view! {
        <label>
            <span>{label}</span>
            <select name=name>
                <option value="">{all}</option>
                {choices.into_iter().map(|(value, text)| {
                    let chosen = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=chosen>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}
