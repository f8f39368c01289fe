//! One way back for every refused form: the reader's forms (subscribe, contact, op-ed),
//! the back office's settings (accounts, sections, menus) and the story editor. When the
//! server refuses a post, it renders the form's page again with a [`Refused`] in the
//! context: what was typed, what to fix field by field, and what was wrong with the form
//! as a whole. Nobody retypes a form because one field was wrong.

use serde::{Deserialize, Serialize};

/// The field name that stands for the form as a whole in a list of problems (too many
/// tries, a forbidden action): [`Refused::from_problems`] turns it into the notice.
pub const WHOLE_FORM: &str = "form";

/// The problem of a whole form whose write the storage refused (a full disk, a
/// read-only database): nothing is wrong with what was typed, which is shown again.
pub const NOT_SAVED: &str = "not_saved";

/// A refused post, shown again. `Values`: what was typed ([`FormValues`] as posted, or a
/// typed draft such as the editor's); `Problem`: what the form's page knows how to say
/// of a field; `Notice`: what it says of the form as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Refused<Values, Problem, Notice = Problem> {
    /// Which form was posted (its address, or its kind's code): a page holding several
    /// forms gives these values back to that one only.
    pub form: String,
    /// What was typed.
    pub values: Values,
    /// What to fix, by field name, in the order the checks found it.
    pub problems: Vec<(String, Problem)>,
    /// What was wrong with the form as a whole, if anything.
    pub notice: Option<Notice>,
}

impl<Values, Problem: Clone, Notice> Refused<Values, Problem, Notice> {
    /// Whether these are the values of the form at `form`.
    pub fn is_for(&self, form: &str) -> bool {
        self.form == form
    }

    /// The problem of `field`, if it has one.
    pub fn problem(&self, field: &str) -> Option<Problem> {
        self.problems
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, problem)| problem.clone())
    }
}

impl<Values, Problem> Refused<Values, Problem, Problem> {
    /// The refusal of the form at `form`, from problems where the form as a whole is the
    /// field [`WHOLE_FORM`] (as the data layer's checks report them): the first of those
    /// becomes the notice.
    pub fn from_problems(
        form: impl Into<String>,
        values: Values,
        problems: Vec<(String, Problem)>,
    ) -> Self {
        let (whole, problems): (Vec<_>, Vec<_>) = problems
            .into_iter()
            .partition(|(field, _)| field == WHOLE_FORM);
        Refused {
            form: form.into(),
            values,
            problems,
            notice: whole.into_iter().next().map(|(_, problem)| problem),
        }
    }
}

impl<Problem, Notice> Refused<FormValues, Problem, Notice> {
    /// What was typed in `field`, if the form posted it.
    pub fn value(&self, field: &str) -> Option<String> {
        self.values.get(field).map(str::to_owned)
    }
}

/// What a form posted, field by field and in order (a field may repeat: ticked boxes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormValues(pub Vec<(String, String)>);

impl FormValues {
    /// The first value posted for `field`.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }

    /// Whether `field` was posted with `value` (one of several ticked boxes).
    pub fn has(&self, field: &str, value: &str) -> bool {
        self.0.iter().any(|(name, v)| name == field && v == value)
    }

    /// Whether nothing was posted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The same values but those of `fields`: what is never rendered back into a page
    /// (passwords, a form's ticket and trap).
    pub fn without(self, fields: &[&str]) -> FormValues {
        FormValues(
            self.0
                .into_iter()
                .filter(|(name, _)| !fields.contains(&name.as_str()))
                .collect(),
        )
    }
}

impl From<Vec<(String, String)>> for FormValues {
    fn from(values: Vec<(String, String)>) -> Self {
        FormValues(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> FormValues {
        FormValues(vec![
            ("name".into(), "Amina".into()),
            ("password".into(), "secret".into()),
            ("lists".into(), "newsletter".into()),
            ("lists".into(), "press".into()),
        ])
    }

    #[test]
    fn the_whole_form_problem_becomes_the_notice_and_the_others_stay_by_field() {
        let refused = Refused::from_problems(
            "/admin/accounts",
            values(),
            vec![
                ("email".to_owned(), "taken"),
                (WHOLE_FORM.to_owned(), "not_allowed"),
                ("name".to_owned(), "required"),
            ],
        );
        assert_eq!(refused.notice, Some("not_allowed"));
        assert_eq!(refused.problem("email"), Some("taken"));
        assert_eq!(refused.problem("name"), Some("required"));
        assert_eq!(refused.problem(WHOLE_FORM), None);
        assert!(refused.is_for("/admin/accounts"));
        assert!(!refused.is_for("/admin/sections"));
    }

    #[test]
    fn values_come_back_by_field_except_those_never_rendered() {
        let refused: Refused<FormValues, &str> =
            Refused::from_problems("contact", values().without(&["password"]), Vec::new());
        assert_eq!(refused.value("name").as_deref(), Some("Amina"));
        assert_eq!(refused.value("password"), None);
        assert!(refused.values.has("lists", "press"));
        assert!(!refused.values.has("lists", "letters"));
        assert_eq!(refused.notice, None);
    }
}
