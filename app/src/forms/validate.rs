//! Checks of what readers type, field by field. Every problem is collected (the reader
//! sees them all at once), values are trimmed and control characters removed before
//! they are stored or put in an e-mail.

use super::{field, limit, FieldError, Problem};

/// The text fields of a submission, as posted.
#[derive(Clone, Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// The cleaned value of `name`: trimmed, without control characters (line breaks
    /// kept only where `multiline`).
    pub fn get(&self, name: &str, multiline: bool) -> String {
        let raw = self
            .0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or_default();
        clean(raw, multiline)
    }

    /// All values posted under `name` (checkbox groups).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| clean(value, false))
            .collect()
    }

    /// Whether `name` was posted with a value.
    pub fn has(&self, name: &str) -> bool {
        !self.get(name, false).is_empty()
    }
}

/// Trims, normalises line breaks and drops control characters (and the bidi overrides
/// that could disguise a text in an e-mail), so stored values are plain text.
pub fn clean(raw: &str, multiline: bool) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    unified
        .chars()
        .filter(|&c| {
            (multiline && c == '\n')
                || !(c.is_control()
                    || ('\u{202A}'..='\u{202E}').contains(&c)
                    || c == '\u{2066}'
                    || c == '\u{2067}'
                    || c == '\u{2068}'
                    || c == '\u{2069}')
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Collects problems while checking a form.
#[derive(Default)]
pub struct Checker {
    pub errors: Vec<FieldError>,
}

impl Checker {
    fn add(&mut self, field: &str, problem: Problem) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            problem,
        });
    }

    /// A required text between `min` and `max` characters.
    pub fn text(&mut self, name: &str, value: &str, min: usize, max: usize) {
        let length = value.chars().count();
        if length == 0 {
            self.add(name, Problem::Required);
        } else if length < min {
            self.add(name, Problem::TooShort { min });
        } else if length > max {
            self.add(name, Problem::TooLong { max });
        }
    }

    /// A required, well-formed address.
    pub fn email(&mut self, value: &str) {
        if value.is_empty() {
            self.add(field::EMAIL, Problem::Required);
        } else if !is_valid_email(value) {
            self.add(field::EMAIL, Problem::InvalidEmail);
        }
    }

    /// A box that must be ticked.
    pub fn agreed(&mut self, ticked: bool) {
        if !ticked {
            self.add(field::AGREE, Problem::MustAgree);
        }
    }

    /// Records a problem found elsewhere (list choice, attachment).
    pub fn problem(&mut self, name: &str, problem: Problem) {
        self.add(name, problem);
    }
}

/// An address mail can be sent to: RFC 5322 syntax (without display names or comments),
/// at most 254 characters, a domain with a dot (no `user@localhost`).
pub fn is_valid_email(value: &str) -> bool {
    use std::str::FromStr;
    if value.len() > limit::EMAIL || value.chars().any(char::is_whitespace) {
        return false;
    }
    let Ok(address) = email_address::EmailAddress::from_str(value) else {
        return false;
    };
    let domain = address.domain();
    domain.contains('.')
        && !domain.starts_with('[')
        && !domain.ends_with('.')
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_people_type_are_accepted_and_others_refused() {
        for good in [
            "lectrice@example.org",
            "a.b+news@sub.example.ma",
            "prénom@exemple.fr",
            "x@xn--mgbh0fb.xn--mgbc0a9azcg",
        ] {
            assert!(is_valid_email(good), "{good}");
        }
        for bad in [
            "",
            "plain",
            "@example.org",
            "a@",
            "a@localhost",
            "a@@example.org",
            "a b@example.org",
            "a@example.org.",
            "Name <a@example.org>",
            "a@[127.0.0.1]",
            "a@-example.org",
            &format!("{}@example.org", "a".repeat(250)),
        ] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn values_are_cleaned_and_checked() {
        assert_eq!(clean("  Salam\u{0}\u{202E} ", false), "Salam");
        assert_eq!(clean("a\r\nb\rc", true), "a\nb\nc");
        assert_eq!(clean("a\nb", false), "ab");
        let mut checker = Checker::default();
        checker.text("name", "", 1, 10);
        checker.text("subject", "abc", 5, 10);
        checker.text("message", "abcdefghijk", 1, 10);
        checker.text("title", "مرحبا", 1, 10);
        checker.email("nope");
        checker.agreed(false);
        let problems: Vec<_> = checker
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.problem))
            .collect();
        assert_eq!(
            problems,
            [
                ("name", Problem::Required),
                ("subject", Problem::TooShort { min: 5 }),
                ("message", Problem::TooLong { max: 10 }),
                ("email", Problem::InvalidEmail),
                ("agree", Problem::MustAgree),
            ]
        );
    }
}
