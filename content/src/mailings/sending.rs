//! Sending an issue: who gets it is fixed when it starts (the confirmed subscribers of
//! its list and edition), then the worker hands it to the mail queue a window at a time.
//! The queue sends at the site's rate; an address that unsubscribes meanwhile gets
//! nothing more (the queue checks before each mail), pausing stops the hand-over, and
//! the counts of every state are the editor's progress bar.

use super::{Progress, Status, MAX_REFUSALS};
use crate::mail_queue::{self, Mail};
use crate::DataResult;
use crate::Db;
use const_format::concatcp;

/// Subscribers an issue no longer goes to (`?2`: [`MAX_REFUSALS`]).
const GONE: &str = "(SELECT id FROM subscribers WHERE status <> 'confirmed' OR refusals >= ?2)";

/// Where each recipient's own unsubscribe address goes in a frozen issue's bodies.
pub const UNSUBSCRIBE_SLOT: &str = "{unsubscribe}";

/// An issue as mailed: subject, HTML and plain text, with [`UNSUBSCRIBE_SLOT`] where
/// the recipient's unsubscribe link belongs.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub subject: String,
    pub html: String,
    pub text: String,
}

/// Sets the time a draft goes out (`None` back to a draft). `false` if it is sending.
pub async fn schedule(pool: &Db, id: i64, send_at: Option<&str>) -> DataResult<bool> {
    Ok(crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET send_at = ?,
           status = CASE WHEN ? IS NULL THEN 'draft' ELSE 'scheduled' END,
           updated_at = ",
        NOW,
        " WHERE id = ? AND status IN ('draft', 'scheduled')"
    )))
    .bind(send_at)
    .bind(send_at)
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}

/// How many would get an issue of `list` in `lang` if it started now.
pub async fn recipient_count(
    pool: &Db,
    list: crate::model::List,
    lang: crate::lang::Lang,
) -> DataResult<i64> {
    Ok(crate::sql::query_scalar(
        "SELECT count(*) FROM subscribers
         WHERE list = ? AND lang = ? AND status = 'confirmed' AND refusals < ?",
    )
    .bind(list.code())
    .bind(lang.code())
    .bind(MAX_REFUSALS)
    .fetch_one(pool)
    .await?)
}

/// Scheduled issues whose time has come: the worker renders and starts each.
pub async fn due_to_start(pool: &Db) -> DataResult<Vec<i64>> {
    Ok(
        crate::sql::query_scalar(crate::sql::dialect_const!(concatcp!(
            "SELECT id FROM mailings WHERE status = 'scheduled' AND send_at <= ",
            NOW,
            " ORDER BY send_at, id"
        )))
        .fetch_all(pool)
        .await?,
    )
}

/// Starts sending a draft or scheduled issue as `rendered`: the mail is frozen and every
/// confirmed, deliverable subscriber of its list and edition becomes a recipient.
/// Returns how many, or `None` if the issue was not ready to start (already started).
pub async fn start(pool: &Db, id: i64, rendered: &Rendered) -> DataResult<Option<i64>> {
    let mut tx = crate::write_tx(pool).await?;
    let started = crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET status = 'sending', subject = ?, html_body = ?, text_body = ?,
           started_at = ",
        NOW,
        ", updated_at = ",
        NOW,
        " WHERE id = ? AND status IN ('draft', 'scheduled')"
    )))
    .bind(&rendered.subject)
    .bind(&rendered.html)
    .bind(&rendered.text)
    .bind(id)
    .execute(&mut tx)
    .await?
    .rows_affected();
    if started == 0 {
        return Ok(None);
    }
    let recipients = crate::sql::query(
        "INSERT INTO mailing_recipients (mailing_id, subscriber_id)
         SELECT m.id, s.id FROM mailings m
         JOIN subscribers s ON s.list = m.list AND s.lang = m.lang
         WHERE m.id = ? AND s.status = 'confirmed' AND s.refusals < ?",
    )
    .bind(id)
    .bind(MAX_REFUSALS)
    .execute(&mut tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(Some(recipients as i64))
}

/// Hands the next recipients of every sending issue to the mail queue, keeping at most
/// `window` of each issue's mails waiting there (the queue's rate decides the pace; the
/// window bounds what a pause or an unsubscription still lets through). Each mail gets
/// the recipient's own unsubscribe address, made by `unsubscribe_url(subscriber, token)`
/// from [`crate::subscriptions::list_token`]. Returns how many were handed over.
pub async fn hand_off(
    pool: &Db,
    window: i64,
    unsubscribe_url: impl Fn(crate::lang::Lang, &str) -> String,
    token_key: &[u8],
) -> DataResult<usize> {
    let sending: Vec<(i64, String, String)> =
        crate::sql::query_as("SELECT id, lang, subject FROM mailings WHERE status = 'sending'")
            .fetch_all(pool)
            .await?;
    let mut handed = 0;
    for (id, lang, subject) in sending {
        let lang = crate::lang::Lang::from_code(&lang).unwrap_or_default();
        let mut tx = crate::write_tx(pool).await?;
        // Addresses that left or bounced since the issue started: skipped, not mailed
        // (a mail of theirs already queued is given up: the queue would not send it).
        crate::sql::query(concatcp!(
            "UPDATE mail_queue SET attempts = ",
            mail_queue::MAX_ATTEMPTS,
            ", last_error = 'no longer subscribed'
             WHERE mailing_id = ?1 AND sent_at IS NULL AND subscriber_id IN ",
            GONE
        ))
        .bind(id)
        .bind(MAX_REFUSALS)
        .execute(&mut tx)
        .await?;
        crate::sql::query(concatcp!(
            "UPDATE mailing_recipients SET state = 'skipped'
             WHERE mailing_id = ?1 AND state IN ('waiting', 'queued') AND subscriber_id IN ",
            GONE
        ))
        .bind(id)
        .bind(MAX_REFUSALS)
        .execute(&mut tx)
        .await?;
        let queued: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM mailing_recipients WHERE mailing_id = ? AND state = 'queued'",
        )
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
        let next: Vec<(i64, String)> = crate::sql::query_as(
            "SELECT r.subscriber_id, s.email FROM mailing_recipients r
             JOIN subscribers s ON s.id = r.subscriber_id
             WHERE r.mailing_id = ? AND r.state = 'waiting'
             ORDER BY r.subscriber_id LIMIT ?",
        )
        .bind(id)
        .bind((window - queued).max(0))
        .fetch_all(&mut tx)
        .await?;
        for (subscriber, email) in &next {
            let token = crate::subscriptions::list_token(&mut tx, *subscriber, token_key).await?;
            let mail = Mail {
                to_addr: email.clone(),
                subject: subject.clone(),
                // The bodies, filled in when it is sent (mail_queue::due).
                text_body: String::new(),
                html_body: String::new(),
                unsubscribe_url: Some(unsubscribe_url(lang, &token)),
                reply_to: None,
                attachment_of: None,
            };
            let mail_id = mail_queue::enqueue_for(&mut tx, &mail, id, *subscriber).await?;
            crate::sql::query(
                "UPDATE mailing_recipients SET state = 'queued', mail_id = ?
                 WHERE mailing_id = ? AND subscriber_id = ?",
            )
            .bind(mail_id)
            .bind(id)
            .bind(subscriber)
            .execute(&mut tx)
            .await?;
        }
        tx.commit().await?;
        handed += next.len();
    }
    Ok(handed)
}

/// Issues sending with nobody left waiting or queued become sent; returns their ids.
pub async fn finish_done(pool: &Db) -> DataResult<Vec<i64>> {
    Ok(
        crate::sql::query_scalar(crate::sql::dialect_const!(concatcp!(
            "UPDATE mailings SET status = 'sent', finished_at = ",
            NOW,
            " WHERE status = 'sending' AND NOT EXISTS
           (SELECT 1 FROM mailing_recipients r WHERE r.mailing_id = mailings.id
            AND r.state IN ('waiting', 'queued'))
         RETURNING id"
        )))
        .fetch_all(pool)
        .await?,
    )
}

/// Stops handing an issue over (what is in the queue, at most a window, still goes).
pub async fn pause(pool: &Db, id: i64) -> DataResult<bool> {
    set_status(pool, id, Status::Sending, Status::Paused).await
}

/// Goes on with a paused issue where it stopped.
pub async fn resume(pool: &Db, id: i64) -> DataResult<bool> {
    set_status(pool, id, Status::Paused, Status::Sending).await
}

/// Stops an issue for good: whoever was still waiting is skipped.
pub async fn cancel(pool: &Db, id: i64) -> DataResult<bool> {
    let mut tx = crate::write_tx(pool).await?;
    let changed = crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET status = 'cancelled', finished_at = ",
        NOW,
        " WHERE id = ? AND status IN ('draft', 'scheduled', 'sending', 'paused')"
    )))
    .bind(id)
    .execute(&mut tx)
    .await?
    .rows_affected();
    crate::sql::query(
        "UPDATE mailing_recipients SET state = 'skipped' WHERE mailing_id = ? AND state = 'waiting'",
    )
    .bind(id)
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(changed == 1)
}

async fn set_status(pool: &Db, id: i64, from: Status, to: Status) -> DataResult<bool> {
    Ok(crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET status = ?, updated_at = ",
        NOW,
        " WHERE id = ? AND status = ?"
    )))
    .bind(to.code())
    .bind(id)
    .bind(from.code())
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}

/// How far the sending of an issue is.
pub async fn progress(pool: &Db, id: i64) -> DataResult<Progress> {
    let rows: Vec<(String, i64)> = crate::sql::query_as(
        "SELECT state, count(*) FROM mailing_recipients WHERE mailing_id = ? GROUP BY state",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let mut progress = Progress::default();
    for (state, count) in rows {
        match state.as_str() {
            "waiting" => progress.waiting = count,
            "queued" => progress.queued = count,
            "sent" => progress.sent = count,
            "failed" => progress.failed = count,
            _ => progress.skipped += count,
        }
    }
    Ok(progress)
}
