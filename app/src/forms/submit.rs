//! What happens to a submission once the server has it: the bot screen (honeypot and
//! signed ticket), field checks, per-address limits, storage and the e-mails queued.
//! The HTTP layer (server crate) adds per-IP rate limits and picks the response form.

use super::attachment::{self, Upload};
use super::letters::{self, Notification};
use super::ticket::{TicketCheck, TicketKey};
use super::validate::{Checker, Fields};
use super::{field, limit, Notice, Outcome, Problem};
use content::lang::Lang;
use content::subscriptions::{self, Consent, List, Requested};
use content::Db;
use content::{mail_queue, reader_messages, DataError};

/// Versions of the notices shown next to the forms, recorded with each consent and
/// message: change the version when the wording changes.
pub const SUBSCRIBE_WORDING: &str = "subscribe-2026-11";
pub const CONTACT_WORDING: &str = "contact-2026-11";
pub const OP_ED_WORDING: &str = "op-ed-2026-11";

/// At most this many mails to one address a day, whatever is asked (nobody can use
/// the forms to flood someone else's mailbox).
pub const MAILS_PER_ADDRESS_PER_DAY: i64 = 5;
/// At most this many messages from one address an hour.
pub const MESSAGES_PER_ADDRESS_PER_HOUR: i64 = 5;

/// What a submission is handled with.
pub struct Env<'a> {
    pub pool: &'a Db,
    /// Public address of the site, for links in mails.
    pub site_url: &'a str,
    /// Where editorial notifications go.
    pub editors: &'a str,
    pub lang: Lang,
}

/// The bot screen's verdict.
#[derive(Debug, PartialEq, Eq)]
pub enum Screen {
    /// Looks like a person: go on.
    Pass,
    /// The honeypot was filled in: answer "sent" and do nothing.
    Bot,
    /// Too fast, or the ticket is stale or forged: ask to send again.
    Retry,
}

/// Screens a submission before anything else is looked at.
pub fn screen(fields: &Fields, key: &TicketKey) -> Screen {
    if fields.has(field::HONEYPOT) {
        return Screen::Bot;
    }
    match key.check(&fields.get(field::TICKET, false)) {
        TicketCheck::Valid => Screen::Pass,
        TicketCheck::TooFast | TicketCheck::Invalid => Screen::Retry,
    }
}

/// "Send again", with a fresh ticket.
pub fn retry(key: &TicketKey, notice: Notice) -> Outcome {
    Outcome {
        ticket: Some(key.issue()),
        ..Outcome::notice(notice)
    }
}

fn unavailable(err: DataError) -> Outcome {
    tracing::error!(%err, "form submission");
    Outcome::notice(Notice::Unavailable)
}

/// Whether one more mail may go to `to` today.
async fn may_mail(pool: &Db, to: &str) -> Result<bool, DataError> {
    Ok(mail_queue::recent_to(pool, to, 24).await? < MAILS_PER_ADDRESS_PER_DAY)
}

/// Newsletter / press review: double opt-in for each list ticked. The answer is the
/// same for new, pending and subscribed addresses; only the mail differs.
pub async fn subscribe(env: &Env<'_>, fields: &Fields) -> Outcome {
    let mut checker = Checker::default();
    let email = subscriptions::normalize_email(&fields.get(field::EMAIL, false));
    checker.email(&email);
    let lists: Vec<List> = fields
        .all(field::LIST)
        .iter()
        .filter_map(|code| List::from_code(code))
        .collect();
    if lists.is_empty() {
        checker.problem(field::LIST, Problem::NoList);
    }
    if !checker.errors.is_empty() {
        return Outcome::invalid(checker.errors);
    }
    let origin = if fields.get("origin", false) == "footer" {
        "subscribe-footer"
    } else {
        "subscribe-page"
    };
    let consent = Consent {
        form: origin,
        wording: SUBSCRIBE_WORDING,
    };
    match subscribe_lists(env, &email, &lists, &consent).await {
        Ok(()) => Outcome::sent(),
        Err(err) => unavailable(err),
    }
}

async fn subscribe_lists(
    env: &Env<'_>,
    email: &str,
    lists: &[List],
    consent: &Consent<'_>,
) -> Result<(), DataError> {
    for &list in lists {
        if !may_mail(env.pool, email).await? {
            tracing::warn!("subscription mail limit reached for an address");
            return Ok(());
        }
        let mail = match subscriptions::request(env.pool, email, list, env.lang, consent).await? {
            Requested::ConfirmationNeeded {
                confirm,
                unsubscribe,
            } => letters::confirmation(env.site_url, env.lang, list, email, &confirm, &unsubscribe),
            Requested::AlreadyConfirmed { unsubscribe } => {
                letters::already_subscribed(env.site_url, env.lang, list, email, &unsubscribe)
            }
        };
        mail_queue::enqueue(env.pool, &mail).await?;
    }
    Ok(())
}

/// The contact form.
pub async fn contact(env: &Env<'_>, fields: &Fields) -> Outcome {
    let name = fields.get(field::NAME, false);
    let email = subscriptions::normalize_email(&fields.get(field::EMAIL, false));
    let subject = fields.get(field::SUBJECT, false);
    let message = fields.get(field::MESSAGE, true);
    let mut checker = Checker::default();
    checker.text(field::NAME, &name, 1, limit::NAME);
    checker.email(&email);
    checker.text(field::SUBJECT, &subject, 1, limit::SUBJECT);
    checker.text(field::MESSAGE, &message, limit::MESSAGE_MIN, limit::MESSAGE);
    if !checker.errors.is_empty() {
        return Outcome::invalid(checker.errors);
    }
    let stored = reader_messages::NewMessage {
        kind: "contact",
        lang: env.lang,
        name: &name,
        email: &email,
        subject: &subject,
        body: &message,
        country: None,
        attachment: None,
        wording: CONTACT_WORDING,
    };
    let fields = vec![
        ("Nom", name.as_str()),
        ("Courriel", email.as_str()),
        ("Objet", subject.as_str()),
    ];
    store_and_notify(env, &stored, fields, false).await
}

/// An op-ed submission, with its optional file.
pub async fn op_ed(env: &Env<'_>, fields: &Fields, upload: Option<Upload>) -> Outcome {
    let name = fields.get(field::NAME, false);
    let email = subscriptions::normalize_email(&fields.get(field::EMAIL, false));
    let country = fields.get(field::COUNTRY, false);
    let title = fields.get(field::TITLE, false);
    let text = fields.get(field::TEXT, true);
    let mut checker = Checker::default();
    checker.text(field::NAME, &name, 1, limit::NAME);
    checker.email(&email);
    checker.text(field::COUNTRY, &country, 1, limit::COUNTRY);
    checker.text(field::TITLE, &title, 1, limit::TITLE);
    checker.text(field::TEXT, &text, limit::TEXT_MIN, limit::TEXT);
    let file = attachment::check(upload).unwrap_or_else(|problem| {
        checker.problem(field::ATTACHMENT, problem);
        None
    });
    checker.agreed(fields.has(field::AGREE));
    if !checker.errors.is_empty() {
        return Outcome::invalid(checker.errors);
    }
    let stored = reader_messages::NewMessage {
        kind: "op_ed",
        lang: env.lang,
        name: &name,
        email: &email,
        subject: &title,
        body: &text,
        country: Some(&country),
        attachment: file
            .as_ref()
            .map(|f| (f.file_name.as_str(), f.content_type, f.bytes.as_slice())),
        wording: OP_ED_WORDING,
    };
    let fields = vec![
        ("Nom", name.as_str()),
        ("Courriel", email.as_str()),
        ("Pays de résidence", country.as_str()),
        ("Titre", title.as_str()),
    ];
    store_and_notify(env, &stored, fields, true).await
}

async fn store_and_notify(
    env: &Env<'_>,
    message: &reader_messages::NewMessage<'_>,
    fields: Vec<(&'static str, &str)>,
    op_ed: bool,
) -> Outcome {
    let result = async {
        if reader_messages::recent_from(env.pool, message.email, 1).await?
            >= MESSAGES_PER_ADDRESS_PER_HOUR
        {
            tracing::warn!("message limit reached for an address");
            return Ok(Outcome::notice(Notice::TryLater));
        }
        let reference = reader_messages::insert(env.pool, message).await?;
        let mut notification = letters::notification(
            env.editors,
            Notification {
                op_ed,
                reference,
                lang: env.lang,
                fields,
                body: message.body,
                reply_to: message.email,
                has_attachment: message.attachment.is_some(),
            },
        );
        if message.attachment.is_some() {
            notification.attachment_of = Some(reference);
        }
        mail_queue::enqueue(env.pool, &notification).await?;
        if may_mail(env.pool, message.email).await? {
            let ack = letters::acknowledgement(env.lang, op_ed, message.email, reference);
            mail_queue::enqueue(env.pool, &ack).await?;
        }
        Ok(Outcome::sent())
    }
    .await;
    result.unwrap_or_else(unavailable)
}
