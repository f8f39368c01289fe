//! Issues of the newsletter and of the press review (issue 20) as they travel to the
//! back office's pages and the archive: the list they go to, where they stand, their
//! stories and how far a send is. The data layer is `crate::mailings`.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// The two lists readers can join.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum List {
    Newsletter,
    PressReview,
}

impl List {
    /// Stored and URL form.
    pub fn code(self) -> &'static str {
        match self {
            List::Newsletter => "newsletter",
            List::PressReview => "press_review",
        }
    }

    /// Parses the stored form.
    pub fn from_code(code: &str) -> Option<List> {
        match code {
            "newsletter" => Some(List::Newsletter),
            "press_review" => Some(List::PressReview),
            _ => None,
        }
    }
}

/// Where an issue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailingStatus {
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

impl MailingStatus {
    /// The stored form (`mailings.status`).
    pub fn code(self) -> &'static str {
        match self {
            MailingStatus::Draft => "draft",
            MailingStatus::Scheduled => "scheduled",
            MailingStatus::Sending => "sending",
            MailingStatus::Paused => "paused",
            MailingStatus::Sent => "sent",
            MailingStatus::Cancelled => "cancelled",
        }
    }

    /// Parses the stored form.
    pub fn from_code(code: &str) -> Option<MailingStatus> {
        [
            MailingStatus::Draft,
            MailingStatus::Scheduled,
            MailingStatus::Sending,
            MailingStatus::Paused,
            MailingStatus::Sent,
            MailingStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Whether its words and stories can still change.
    pub fn is_editable(self) -> bool {
        matches!(self, MailingStatus::Draft | MailingStatus::Scheduled)
    }
}

/// An issue as the back office and the archive show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mailing {
    pub id: i64,
    pub list: List,
    pub lang: Lang,
    pub subject: String,
    /// Markdown, above the stories.
    pub intro: String,
    pub status: MailingStatus,
    pub send_at: Option<String>,
    pub created_at: String,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
}

/// A story of an issue, with what the mail shows of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "db", derive(sqlx::FromRow))]
pub struct MailingStory {
    pub story_id: i64,
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The newspaper a press-review article comes from (`LE MATIN`), if any.
    pub source: String,
    pub published_at: Option<String>,
}

/// Recipients of an issue by state: the editor's view of a send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailingProgress {
    /// Not yet handed to the mail queue.
    pub waiting: i64,
    /// In the mail queue, not yet accepted by the mail server.
    pub queued: i64,
    pub sent: i64,
    /// Given up: refused for good, or too many failed tries.
    pub failed: i64,
    /// Unsubscribed or undeliverable before their turn, or the issue was cancelled.
    pub skipped: i64,
}

/// A sent issue in the web archive (`/{lang}/newsletter/archive/{id}`): what its mail
/// said, for readers who open its "read in the browser" link or the archive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedIssue {
    pub issue: Mailing,
    /// Its introduction, as sanitised HTML.
    pub intro_html: String,
    pub stories: Vec<MailingStory>,
    /// Where the language switcher leads (the issue is one edition's).
    pub alternates: Vec<crate::model::Alternate>,
}
