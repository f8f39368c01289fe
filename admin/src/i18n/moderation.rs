//! Text of the back office's moderation screens (reader messages, subscriber lists) in
//! the three languages. Server-rendered only.

/// Labels of the message queue and the subscriber lists.
#[derive(Debug)]
pub struct ModerationStrings {
    pub messages: &'static str,
    pub empty: &'static str,
    /// contact, op-ed.
    pub kinds: [&'static str; 2],
    /// new, read, replied, accepted, rejected — `data::moderation::MESSAGE_STATUSES` order.
    pub statuses: [&'static str; 5],
    pub all: &'static str,
    pub from: &'static str,
    pub country: &'static str,
    pub received: &'static str,
    pub attachment: &'static str,
    pub reply: &'static str,
    pub reply_hint: &'static str,
    pub send_reply: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub replied: &'static str,
    pub rejected: &'static str,
    pub reply_empty: &'static str,
    pub open_draft: &'static str,
    pub back: &'static str,
    pub subscribers: &'static str,
    /// newsletter, press review.
    pub lists: [&'static str; 2],
    /// pending, confirmed, unsubscribed.
    pub subscriber_statuses: [&'static str; 3],
    pub language: &'static str,
    pub export: &'static str,
    pub export_hint: &'static str,
    pub editors_only: &'static str,
}
