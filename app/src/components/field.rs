//! The pieces every form field is made of, in the reader's forms and the back office
//! alike: the hint under it, the problem that says what to fix, and the
//! `aria-describedby` that ties both to the input. A field looks and reads out the same
//! wherever it appears; each form only says where its values and problems come from
//! (a refused post shown again, or the answer to a post sent in the background).

use leptos::prelude::*;

/// The `aria-describedby` of an input: the ids of what is shown under it (its hint, its
/// problem), or none when nothing is.
pub fn described_by<const N: usize>(ids: [Option<&str>; N]) -> Option<String> {
    let ids: Vec<&str> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What to fix in a field, under it: `id` is what its input's `aria-describedby` names.
/// Nothing is rendered while there is no problem; the message appears when the answer
/// to a post brings one. `alert`: read out at once (a page shown again after a refused
/// post, where the reader did not move to the field).
#[component]
pub fn FieldProblem(
    id: String,
    #[prop(into)] text: Signal<Option<String>>,
    #[prop(optional)] alert: bool,
) -> impl IntoView {
    move || {
        text.get().map(|text| {
            view! { <p class="field-problem" id=id.clone() role=alert.then_some("alert")>{text}</p> }
        })
    }
}

/// How to fill a field (a format, a limit), under it; `id` when its input names it.
#[component]
pub fn FieldHint(
    #[prop(optional, into)] id: Option<String>,
    /// The hint's own direction when it shows code or addresses (`ltr`).
    #[prop(optional)]
    dir: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! { <p class="field-hint" id=id dir=dir>{children()}</p> }
}

#[cfg(test)]
mod tests {
    use super::described_by;

    #[test]
    fn an_input_is_described_by_what_is_shown_under_it_only() {
        assert_eq!(
            described_by([Some("a-hint"), None]).as_deref(),
            Some("a-hint")
        );
        assert_eq!(
            described_by([Some("a-hint"), Some("a-problem")]).as_deref(),
            Some("a-hint a-problem")
        );
        assert_eq!(described_by([None, None]), None);
    }
}
