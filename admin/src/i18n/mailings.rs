//! Text of the back office's screens for issues of the newsletter and of the press
//! review (issue 20) in the three languages. Server-rendered only.

/// Labels of the list of issues and of one issue's page.
#[derive(Debug)]
pub struct MailingStrings {
    /// The menu entry and the list's title.
    pub title: &'static str,
    pub new_issue: &'static str,
    pub list: &'static str,
    /// newsletter, press review.
    pub lists: [&'static str; 2],
    pub edition: &'static str,
    pub subject: &'static str,
    pub create: &'static str,
    pub empty: &'static str,
    /// draft, scheduled, sending, paused, sent, cancelled (`MailingStatus` order).
    pub statuses: [&'static str; 6],
    /// waiting, queued, sent, failed, skipped (`MailingProgress` order).
    pub progress: [&'static str; 5],
    pub intro: &'static str,
    pub intro_hint: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub stories: &'static str,
    pub no_stories: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub remove: &'static str,
    pub add_story: &'static str,
    pub add: &'static str,
    pub preview: &'static str,
    pub preview_text: &'static str,
    pub send_test: &'static str,
    /// `{email}`: the editor's own address.
    pub test_sent: &'static str,
    pub schedule_at: &'static str,
    pub schedule_hint: &'static str,
    pub schedule: &'static str,
    pub unschedule: &'static str,
    /// `{count}`: confirmed subscribers of that list and edition.
    pub recipients: &'static str,
    pub send_now: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub cancel: &'static str,
    pub editors_send: &'static str,
    pub frozen: &'static str,
    pub subject_missing: &'static str,
    pub bad_time: &'static str,
    pub in_archive: &'static str,
    pub back: &'static str,
    pub not_found: &'static str,
}
