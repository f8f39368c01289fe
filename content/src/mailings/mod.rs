//! Issues of the newsletter and of the press review (issue 20): an editor composes an
//! issue for one list in one edition (`compose`), the site mails it to every confirmed
//! subscriber of that list and edition through the mail queue (`sending`). What the mail
//! says is written by the caller (the words are the UI's) and frozen here when sending
//! starts. Each recipient is a row: handing a mail to the queue and recording it is one
//! transaction, so a stopped server or a refusing mail server never loses nor doubles one.

mod compose;
mod sending;
#[cfg(test)]
mod tests;

pub use compose::{
    create, get, issues, set_stories, stories, update, Mailing, MailingStory, PRESS_REVIEW_MAX,
};
pub use sending::{
    cancel, due_to_start, finish_done, hand_off, pause, progress, resume, schedule, start,
    Progress, Rendered, UNSUBSCRIBE_SLOT,
};

use crate::subscriptions::List;

/// Permanent refusals (SMTP 5xx) of an address in a row after which the site stops
/// mailing it: one can be a mail server's passing mistake, three are an address gone.
pub const MAX_REFUSALS: i64 = 3;

/// Where an issue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Being written: stories and words can change.
    Draft,
    /// Will start sending at `send_at`.
    Scheduled,
    /// Being handed to the mail queue, a few at a time.
    Sending,
    /// Stopped by an editor; nobody more gets it until resumed.
    Paused,
    /// Everyone got it (or was skipped, or failed for good).
    Sent,
    /// Stopped for good; the rest is skipped.
    Cancelled,
}

impl Status {
    /// The stored form (`mailings.status`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Scheduled => "scheduled",
            Status::Sending => "sending",
            Status::Paused => "paused",
            Status::Sent => "sent",
            Status::Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn from_code(code: &str) -> Option<Status> {
        [
            Status::Draft,
            Status::Scheduled,
            Status::Sending,
            Status::Paused,
            Status::Sent,
            Status::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Whether its words and stories can still change.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::Scheduled)
    }
}

/// `List-Id` of a list in an edition, before the sending domain: `newsletter-fr`.
pub fn list_id(list: List, lang: crate::lang::Lang) -> String {
    format!("{}-{}", list.code().replace('_', "-"), lang.code())
}
