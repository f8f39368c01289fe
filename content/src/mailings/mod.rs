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

pub use crate::model::{
    Mailing, MailingProgress as Progress, MailingStatus as Status, MailingStory,
};
pub use compose::{
    archive, archived, candidates, create, get, issues, set_stories, stories, update,
    PRESS_REVIEW_MAX,
};
pub use sending::{
    cancel, due_to_start, finish_done, hand_off, pause, progress, recipient_count, resume,
    schedule, start, Rendered, UNSUBSCRIBE_SLOT,
};

/// Permanent refusals (SMTP 5xx) of an address in a row after which the site stops
/// mailing it: one can be a mail server's passing mistake, three are an address gone.
pub const MAX_REFUSALS: i64 = 3;
