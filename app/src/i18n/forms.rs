//! Text of the reader forms (subscriptions, contact, op-ed) in the three editions. One
//! struct, one constant per language, as in `strings.rs`.

/// Labels, help, messages and errors of the forms. `{name}` placeholders are filled
/// with `Strings::fill`.
#[derive(Debug)]
pub struct FormStrings {
    pub required: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub email_hint: &'static str,
    pub subscribe: &'static str,
    pub subscriptions_title: &'static str,
    pub subscriptions_intro: &'static str,
    /// The web archive of sent issues, under the subscription form.
    pub archive_title: &'static str,
    pub archive_empty: &'static str,
    /// Before the newspaper of a press-review article.
    pub issue_source: &'static str,
    pub issue_read: &'static str,
    /// `{date}`: when the issue went out.
    pub issue_sent: &'static str,
    pub choose_lists: &'static str,
    /// Shown whether or not the address was known (no address probing).
    pub subscribe_sent: &'static str,
    pub subscribe_note: &'static str,
    pub confirm_title: &'static str,
    /// `{list}`, `{email}`.
    pub confirm_text: &'static str,
    pub confirm_button: &'static str,
    /// `{list}`.
    pub confirmed: &'static str,
    pub confirm_invalid: &'static str,
    pub unsubscribe_title: &'static str,
    /// `{list}`, `{email}`.
    pub unsubscribe_text: &'static str,
    pub unsubscribe_button: &'static str,
    /// `{list}`.
    pub unsubscribed: &'static str,
    pub unsubscribe_invalid: &'static str,
    pub contact_intro: &'static str,
    pub subject: &'static str,
    pub message: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub contact_sent: &'static str,
    pub contact_note: &'static str,
    pub op_ed_title: &'static str,
    pub op_ed_intro: &'static str,
    pub country: &'static str,
    pub op_ed_heading: &'static str,
    pub op_ed_text: &'static str,
    pub attachment: &'static str,
    pub attachment_hint: &'static str,
    pub agree_op_ed: &'static str,
    pub send_op_ed: &'static str,
    pub op_ed_sent: &'static str,
    pub op_ed_note: &'static str,
    pub privacy_link: &'static str,
    pub fix_errors: &'static str,
    pub error_required: &'static str,
    /// `{min}`.
    pub error_too_short: &'static str,
    /// `{max}`.
    pub error_too_long: &'static str,
    pub error_email: &'static str,
    pub error_no_list: &'static str,
    pub error_attachment_type: &'static str,
    pub error_attachment_size: &'static str,
    pub error_agree: &'static str,
    pub try_again: &'static str,
    pub try_later: &'static str,
    pub unavailable: &'static str,
    /// Label of the field people never see (bots fill it in).
    pub honeypot: &'static str,
}
