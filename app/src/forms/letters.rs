//! The e-mails the forms send, in the reader's language, as plain text and HTML. No
//! text typed by a reader ever goes into a mail to that reader's address (the address
//! could be someone else's: the site must not carry a stranger's words to them); only
//! editorial notifications, sent to the institution, quote the submission.

use crate::i18n::Strings;
use crate::i18n::Texts;
use content::lang::Lang;
use content::mail_queue::Mail;
use content::subscriptions::List;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// Words of the mails (each language's are in its file, `i18n/fr.rs`, …).
pub(crate) struct LetterText {
    pub(crate) confirm_subject: &'static str,
    pub(crate) confirm_intro: &'static str,
    pub(crate) confirm_action: &'static str,
    pub(crate) confirm_ignore: &'static str,
    pub(crate) already_subject: &'static str,
    pub(crate) already_intro: &'static str,
    pub(crate) unsubscribe_line: &'static str,
    pub(crate) contact_subject: &'static str,
    pub(crate) contact_body: &'static str,
    pub(crate) op_ed_subject: &'static str,
    pub(crate) op_ed_body: &'static str,
    pub(crate) reference: &'static str,
    pub(crate) no_reply: &'static str,
    /// An issue's link to its web archive page.
    pub(crate) issue_read_online: &'static str,
    /// Before the newspaper a press-review article comes from.
    pub(crate) issue_source: &'static str,
    pub(crate) issue_read_more: &'static str,
    /// The privacy promise at the foot of every issue.
    pub(crate) issue_no_tracking: &'static str,
}

pub(crate) fn words(lang: Lang) -> &'static LetterText {
    match lang {
        Lang::Fr => &crate::i18n::fr::LETTERS,
        Lang::Ar => &crate::i18n::ar::LETTERS,
        Lang::En => &crate::i18n::en::LETTERS,
    }
}

pub use crate::i18n::list_name;

/// Addresses of the subscription pages a mail links to.
pub fn subscription_url(site_url: &str, lang: Lang, action: &str, token: &str) -> String {
    format!("{site_url}/{}/newsletter/{action}?t={token}", lang.code())
}

/// A mail being written: paragraphs, an optional button, a footer.
struct Letter {
    lang: Lang,
    subject: String,
    paragraphs: Vec<String>,
    action: Option<(String, String)>,
    footer: Vec<String>,
}

impl Letter {
    fn into_mail(self, to: &str, unsubscribe_url: Option<String>) -> Mail {
        let mut plain = self.paragraphs.join("\n\n");
        let mut html = String::new();
        for paragraph in &self.paragraphs {
            html.push_str(&format!(
                "<p>{}</p>\n",
                text(paragraph).replace('\n', "<br>\n")
            ));
        }
        if let Some((label, url)) = &self.action {
            plain.push_str(&format!("\n\n{label}\n{url}"));
            html.push_str(&format!(
                "<p><a href=\"{}\" style=\"display:inline-block;padding:12px 20px;background:#0b5d4b;color:#ffffff;text-decoration:none;border-radius:4px\">{}</a></p>\n<p style=\"font-size:13px;color:#555\">{}</p>\n",
                attr(url),
                text(label),
                text(url)
            ));
        }
        plain.push_str("\n\n--\n");
        plain.push_str(&self.footer.join("\n"));
        let footer_html: Vec<String> = self
            .footer
            .iter()
            .map(|line| {
                if line.starts_with("http") {
                    format!("<a href=\"{}\">{}</a>", attr(line), text(line))
                } else {
                    text(line).into_owned()
                }
            })
            .collect();
        let html = frame(self.lang, &self.subject, &html, &footer_html.join("<br>\n"));
        Mail {
            to_addr: to.to_owned(),
            subject: self.subject,
            text_body: plain,
            html_body: html,
            unsubscribe_url,
            reply_to: None,
            attachment_of: None,
        }
    }
}

/// The page every mail of the site is: `body` (HTML) under the site's name in a white
/// card, `footer` (HTML) in small print, in the direction of `lang`. Styles are inline:
/// mail programs drop style sheets.
pub(crate) fn frame(lang: Lang, subject: &str, body: &str, footer: &str) -> String {
    let (code, dir) = (lang.code(), lang.dir());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body style=\"margin:0;padding:24px;background:#f4f3ef;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5\">\n\
         <div style=\"max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-top:4px solid #0b5d4b\" dir=\"{dir}\">\n\
         <p style=\"font-weight:bold;color:#0b5d4b\">{site}</p>\n{body}\
         <hr style=\"border:none;border-top:1px solid #ddd\">\n<p style=\"font-size:12px;color:#555\">{footer}</p>\n</div></body></html>\n",
        title = text(subject),
        site = text(lang.t().site_name),
    )
}

/// The double opt-in mail: the confirmation link, and already the unsubscribe link.
pub fn confirmation(
    site_url: &str,
    lang: Lang,
    list: List,
    to: &str,
    confirm_token: &str,
    unsubscribe_token: &str,
) -> Mail {
    list_mail(
        site_url,
        lang,
        list,
        to,
        Some(confirm_token),
        unsubscribe_token,
    )
}

/// Sent instead of a confirmation when the address is already subscribed (the form's
/// answer is the same either way; only the owner of the address learns the difference).
pub fn already_subscribed(
    site_url: &str,
    lang: Lang,
    list: List,
    to: &str,
    unsubscribe_token: &str,
) -> Mail {
    list_mail(site_url, lang, list, to, None, unsubscribe_token)
}

/// A mail about a list: with a confirmation link, or the "already subscribed" reminder.
fn list_mail(
    site_url: &str,
    lang: Lang,
    list: List,
    to: &str,
    confirm_token: Option<&str>,
    unsubscribe_token: &str,
) -> Mail {
    let w = words(lang);
    let name = list_name(lang, list);
    let fill = |template: &str| Strings::fill(template, &[("list", name.to_owned())]);
    let unsubscribe = subscription_url(site_url, lang, "unsubscribe", unsubscribe_token);
    let mut footer = vec![fill(w.unsubscribe_line), unsubscribe.clone()];
    let letter = match confirm_token {
        Some(token) => {
            footer.insert(0, w.confirm_ignore.to_owned());
            Letter {
                lang,
                subject: fill(w.confirm_subject),
                paragraphs: vec![fill(w.confirm_intro)],
                action: Some((
                    w.confirm_action.to_owned(),
                    subscription_url(site_url, lang, "confirm", token),
                )),
                footer,
            }
        }
        None => Letter {
            lang,
            subject: fill(w.already_subject),
            paragraphs: vec![fill(w.already_intro)],
            action: None,
            footer,
        },
    };
    letter.into_mail(to, Some(unsubscribe))
}

/// The acknowledgement of a contact message or an op-ed, with its reference number.
pub fn acknowledgement(lang: Lang, op_ed: bool, to: &str, reference: i64) -> Mail {
    let w = words(lang);
    let (subject, body) = if op_ed {
        (w.op_ed_subject, w.op_ed_body)
    } else {
        (w.contact_subject, w.contact_body)
    };
    Letter {
        lang,
        subject: subject.to_owned(),
        paragraphs: vec![
            body.to_owned(),
            Strings::fill(w.reference, &[("reference", format!("#{reference}"))]),
        ],
        action: None,
        footer: vec![w.no_reply.to_owned()],
    }
    .into_mail(to, None)
}

/// An editor's answer to a reader's message: their text, in the reader's language's
/// frame, replies going to the editors' address.
pub fn editorial_reply(lang: Lang, to: &str, subject: &str, reply: &str, editors: &str) -> Mail {
    let paragraphs = reply
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let mut mail = Letter {
        lang,
        subject: format!("Re: {subject}"),
        paragraphs,
        action: None,
        footer: vec![lang.t().site_name.to_owned()],
    }
    .into_mail(to, None);
    mail.reply_to = (!editors.is_empty()).then(|| editors.to_owned());
    mail
}

/// What the editors receive: every field, replies going straight to the reader, the
/// op-ed's file attached.
pub struct Notification<'a> {
    pub op_ed: bool,
    pub reference: i64,
    pub lang: Lang,
    pub fields: Vec<(&'static str, &'a str)>,
    pub body: &'a str,
    pub reply_to: &'a str,
    pub has_attachment: bool,
}

/// The editorial notification (in French, the institution's working language).
pub fn notification(editors: &str, note: Notification<'_>) -> Mail {
    let kind = if note.op_ed {
        "Proposition de tribune"
    } else {
        "Message du formulaire de contact"
    };
    let title = note
        .fields
        .iter()
        .find(|(label, _)| *label == "Objet" || *label == "Titre")
        .map(|(_, value)| *value)
        .unwrap_or_default();
    let subject: String = format!("[{kind} #{}] {title}", note.reference)
        .chars()
        .take(200)
        .collect();
    let mut paragraphs: Vec<String> = note
        .fields
        .iter()
        .map(|(label, value)| format!("{label} : {value}"))
        .collect();
    paragraphs.push(format!("Langue : {}", note.lang.native_name()));
    if note.has_attachment {
        paragraphs.push("Fichier joint : voir la pièce jointe.".into());
    }
    paragraphs.push("—".into());
    paragraphs.extend(note.body.split("\n\n").map(str::to_owned));
    let mut mail = Letter {
        lang: Lang::Fr,
        subject,
        paragraphs,
        action: None,
        footer: vec!["Répondre à ce courriel écrit directement au lecteur.".into()],
    }
    .into_mail(editors, None);
    mail.reply_to = Some(note.reply_to.to_owned());
    mail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editorial_reply_is_worded_in_the_readers_language_and_answered_to_the_editors() {
        let reply = "شكرا لرسالتك.\n\nفريق التحرير";
        let mail = editorial_reply(
            Lang::Ar,
            "amina@example.org",
            "سؤال",
            reply,
            "redaction@ccme.ma",
        );
        assert_eq!(
            (mail.to_addr.as_str(), mail.subject.as_str()),
            ("amina@example.org", "Re: سؤال")
        );
        assert_eq!(mail.reply_to.as_deref(), Some("redaction@ccme.ma"));
        assert!(mail.html_body.contains("dir=\"rtl\""), "{}", mail.html_body);
        assert!(mail.html_body.contains("<p>شكرا لرسالتك.</p>"));
        assert!(editorial_reply(Lang::Fr, "a@example.org", "x", "y", "")
            .reply_to
            .is_none());
    }
}
