//! Reader forms: newsletter and press-review subscriptions, the contact form and op-ed
//! submissions. The same outcome types travel both ways: a form posted without
//! JavaScript gets its page re-rendered with them, a form posted by the enhanced page
//! gets them as JSON. Problems are codes, translated where they are shown, so the
//! message is in the reader's language whichever path the form took.

pub mod island;
pub mod layouts;
pub mod view;

#[cfg(feature = "ssr")]
pub mod attachment;
#[cfg(feature = "ssr")]
pub mod issue_letter;
#[cfg(feature = "ssr")]
pub mod letters;
#[cfg(feature = "ssr")]
pub mod submit;
#[cfg(feature = "ssr")]
pub mod ticket;
#[cfg(feature = "ssr")]
pub mod validate;

use content::model::{FormValues, Refused};
use serde::{Deserialize, Serialize};

/// The forms a reader can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormKind {
    Subscribe,
    Contact,
    OpEd,
}

impl FormKind {
    /// The value of the hidden `form` field and of `?sent=` after a plain POST.
    pub fn code(self) -> &'static str {
        match self {
            FormKind::Subscribe => "subscribe",
            FormKind::Contact => "contact",
            FormKind::OpEd => "op-ed",
        }
    }

    /// The page (after the edition) where the form lives and posts.
    pub fn page(self) -> &'static str {
        match self {
            FormKind::Subscribe => "newsletter",
            FormKind::Contact => "contact",
            FormKind::OpEd => "tribune",
        }
    }
}

/// Names of the fields, shared by the HTML and the server.
pub mod field {
    pub const FORM: &str = "form";
    pub const TICKET: &str = "ticket";
    /// Hidden from people, filled in by bots.
    pub const HONEYPOT: &str = "website";
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const LIST: &str = "list";
    pub const SUBJECT: &str = "subject";
    pub const MESSAGE: &str = "message";
    pub const COUNTRY: &str = "country";
    pub const TITLE: &str = "title";
    pub const TEXT: &str = "text";
    pub const ATTACHMENT: &str = "attachment";
    pub const AGREE: &str = "agree";
    /// Confirmation and unsubscribe tokens.
    pub const TOKEN: &str = "t";
}

/// Limits of the fields (characters unless said otherwise), shown in the HTML
/// (`maxlength`) and enforced by the server.
pub mod limit {
    pub const NAME: usize = 100;
    pub const EMAIL: usize = 254;
    pub const SUBJECT: usize = 150;
    pub const MESSAGE_MIN: usize = 10;
    pub const MESSAGE: usize = 5_000;
    pub const COUNTRY: usize = 80;
    pub const TITLE: usize = 200;
    pub const TEXT_MIN: usize = 300;
    pub const TEXT: usize = 40_000;
    /// Attachment size in bytes (5 MiB).
    pub const ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
}

/// What is wrong with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    Required,
    TooShort { min: usize },
    TooLong { max: usize },
    InvalidEmail,
    NoList,
    AttachmentType,
    AttachmentSize,
    MustAgree,
}

/// A problem attached to the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: Problem,
}

/// A message about the whole form. `TryAgain` and `TryLater` deliberately do not say
/// which check failed (a form sent too fast, a stale ticket, a rate limit), so bots
/// learn nothing; people just send again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    TryAgain,
    TryLater,
    Unavailable,
}

/// The server's answer to a submission.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub sent: bool,
    pub errors: Vec<FieldError>,
    pub notice: Option<Notice>,
    /// A fresh ticket to send with the next try (the form keeps working).
    pub ticket: Option<String>,
}

impl Outcome {
    /// Accepted.
    pub fn sent() -> Outcome {
        Outcome {
            sent: true,
            ..Outcome::default()
        }
    }

    /// Refused as a whole with `notice`.
    pub fn notice(notice: Notice) -> Outcome {
        Outcome {
            notice: Some(notice),
            ..Outcome::default()
        }
    }

    /// Refused for these fields.
    pub fn invalid(errors: Vec<FieldError>) -> Outcome {
        Outcome {
            errors,
            ..Outcome::default()
        }
    }

    /// The problem of `field`, if any.
    pub fn problem(&self, field: &str) -> Option<Problem> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.problem)
    }
}

/// A reader's form posted without JavaScript and refused: the page is rendered again
/// with what the reader typed, the problems by field and the notice (provided as context
/// on the server). Its `form` is the form kind's code.
pub type ReaderRefused = Refused<FormValues, Problem, Notice>;

impl Outcome {
    /// This refusal of the `kind` form, with what was typed (never its ticket or trap),
    /// to render its page again: the inverse of [`Outcome::of_refused`].
    pub fn refusal(self, kind: FormKind, values: FormValues) -> ReaderRefused {
        Refused {
            form: kind.code().to_owned(),
            values: values.without(&[field::TICKET, field::HONEYPOT]),
            problems: self
                .errors
                .into_iter()
                .map(|error| (error.field, error.problem))
                .collect(),
            notice: self.notice,
        }
    }

    /// The answer a refused plain POST stands for, as the form shows it.
    pub fn of_refused(refused: &ReaderRefused) -> Outcome {
        Outcome {
            sent: false,
            errors: refused
                .problems
                .iter()
                .map(|(field, problem)| FieldError {
                    field: field.clone(),
                    problem: *problem,
                })
                .collect(),
            notice: refused.notice,
            ticket: None,
        }
    }
}
