//! Text of the interviews listing in the three editions.

use super::Plural;

/// Labels of `/{lang}/interviews`.
#[derive(Debug)]
pub struct InterviewStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub country: &'static str,
    pub all_countries: &'static str,
    pub filter: &'static str,
    /// `{count}` interviews.
    pub count: Plural,
}
