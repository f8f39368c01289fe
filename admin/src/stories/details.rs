//! The editor's fields of what a kind of story has of its own (a publication's year
//! and ISBN, an episode's programme, an interviewee's name…), from the kind's table in
//! `content::editorial::details`: a select for choices, a text area for long text, a line
//! for the rest; each with its label, hint and problem.

use crate::i18n::EditorStrings;
use crate::stories::editor::FieldProblems;
use app::i18n::Texts;
use content::editorial::details::{Input, KindDetails};
use content::lang::Lang;
use content::model::ImageChoice;
use content::model::FIELDS;
use leptos::prelude::*;

fn label(e: &EditorStrings, name: &str) -> &'static str {
    e.detail_labels
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, label)| label)
}

fn hint(e: &EditorStrings, name: &str) -> Option<&'static str> {
    e.detail_hints
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, hint)| *hint)
}

/// The fields of `spec` with `values` (by name), in the version's language `lang`.
pub fn detail_fields(
    spec: &'static KindDetails,
    values: &[(String, String)],
    programmes: &[(i64, String)],
    pictures: &[ImageChoice],
    lang: Lang,
    field: &FieldProblems,
) -> AnyView {
    let e = field.e;
    let value = |name: &str| {
        values
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let fields = spec
        .details
        .iter()
        .map(|d| {
            let name = format!("detail_{}", d.name);
            let id = format!("editor-{name}");
            let current = value(d.name);
            let hint_id = format!("{name}-hint");
            let described = format!("{hint_id} {name}-problem");
            let options: Option<Vec<(String, String)>> = match d.input {
                Input::Field => Some(
                    FIELDS
                        .iter()
                        .zip(lang.faces().fields)
                        .map(|(code, text)| (code.to_string(), text.to_owned()))
                        .collect(),
                ),
                Input::Programme => Some(
                    programmes
                        .iter()
                        .map(|(id, text)| (id.to_string(), text.clone()))
                        .collect(),
                ),
                Input::Picture => Some(
                    std::iter::once((String::new(), e.no_cover.to_owned()))
                        .chain(pictures.iter().map(|p| (p.id.to_string(), p.option_text())))
                        .collect(),
                ),
                _ => None,
            };
            let control = match (options, d.input) {
                (Some(options), _) => view! {
                    <select id=id.clone() name=name.clone() dir="auto" aria-describedby=described.clone() aria-invalid=field.invalid(&name)>
                        {options.into_iter().map(|(code, text)| view! {
                            <option selected=code == current value=code>{text}</option>
                        }).collect_view()}
                    </select>
                }
                .into_any(),
                (None, Input::Long) => view! {
                    <textarea id=id.clone() name=name.clone() rows="6" aria-describedby=described.clone()
                        aria-invalid=field.invalid(&name)>{current}</textarea>
                }
                .into_any(),
                (None, input) => {
                    // Codes and numbers read left to right in every edition.
                    let ltr = !matches!(input, Input::Text);
                    view! {
                        <input id=id.clone() name=name.clone() value=current dir=ltr.then_some("ltr")
                            required=d.required aria-describedby=described.clone() aria-invalid=field.invalid(&name)/>
                    }
                    .into_any()
                }
            };
            view! {
                <label for=id>{label(e, d.name)}</label>
                {control}
                {hint(e, d.name).map(|text| view! { <p class="field-hint" id=hint_id>{text}</p> })}
                {field.note(&name)}
            }
            .into_any()
        })
        .collect_view();
    view! {
        <h2 class="editor-details-title">{e.details}</h2>
        {fields}
    }
    .into_any()
}
