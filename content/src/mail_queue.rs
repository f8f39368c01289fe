//! E-mails to send, kept in SQLite: a request only enqueues (it never waits on a mail
//! server), a worker sends what is due, and a failure is retried later with a growing
//! delay. A restart loses nothing: the queue is the database. What it keeps of a mail
//! once sent is what the editors need to see and nothing a leak could use: the body
//! (confirmation and unsubscribe links carry a reader's token) is blanked on delivery,
//! and a failure's text is kept without the addresses it names.

use super::DataResult;
use crate::db::Written;
use crate::Db;
use const_format::concatcp;

/// Sends given up after this many failures (the error stays recorded).
pub const MAX_ATTEMPTS: i64 = 10;

/// An e-mail as the application writes it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Mail {
    pub to_addr: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// One-click unsubscribe address (`List-Unsubscribe`), for list mail.
    pub unsubscribe_url: Option<String>,
    /// Where replies go (the reader, on editorial notifications).
    pub reply_to: Option<String>,
    /// The reader message whose attachment goes with this mail.
    pub attachment_of: Option<i64>,
}

/// A queued e-mail with its delivery state.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QueuedMail {
    pub id: i64,
    pub attempts: i64,
    #[sqlx(flatten)]
    pub mail: Mail,
    /// For an issue of a list: its `List-Id` before the sending domain (`newsletter-fr`).
    pub list_id: Option<String>,
}

/// Adds a mail to the queue; the worker sends it within seconds.
pub async fn enqueue(pool: &Db, mail: &Mail) -> DataResult<i64> {
    let mut tx = crate::write_tx(pool).await?;
    let id = enqueue_on(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`enqueue`] inside a transaction, so the mail and the change it reports land together.
pub async fn enqueue_on(conn: &mut crate::Tx, mail: &Mail) -> DataResult<i64> {
    crate::sql::query_scalar(
        "INSERT INTO mail_queue
           (to_addr, subject, text_body, html_body, unsubscribe_url, reply_to, attachment_of)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&mail.to_addr)
    .bind(&mail.subject)
    .bind(&mail.text_body)
    .bind(&mail.html_body)
    .bind(&mail.unsubscribe_url)
    .bind(&mail.reply_to)
    .bind(mail.attachment_of)
    .fetch_all(conn)
    .await?
    .written()
}

/// A mail of an issue (`crate::mailings`): it keeps no copy of the issue, whose frozen
/// bodies it gets when sent; `subscriber` is whom it goes to.
pub async fn enqueue_for(
    conn: &mut crate::Tx,
    mail: &Mail,
    mailing: i64,
    subscriber: i64,
) -> DataResult<i64> {
    crate::sql::query_scalar(
        "INSERT INTO mail_queue
           (to_addr, subject, text_body, html_body, unsubscribe_url, mailing_id, subscriber_id)
         VALUES (?, ?, '', '', ?, ?, ?) RETURNING id",
    )
    .bind(&mail.to_addr)
    .bind(&mail.subject)
    .bind(&mail.unsubscribe_url)
    .bind(mailing)
    .bind(subscriber)
    .fetch_all(conn)
    .await?
    .written()
}

/// Mails due now (never sent, retry time reached, attempts left): the site's own mails
/// first, then issues of the lists, oldest first. A list mail goes only to an address
/// still subscribed (unsubscribing wins over an issue being sent) and gets its issue's
/// bodies with the recipient's unsubscribe address put in.
pub async fn due(pool: &Db, limit: u32) -> DataResult<Vec<QueuedMail>> {
    Ok(crate::sql::query_as(crate::sql::dialect_const!(concatcp!(
        "SELECT q.id, q.attempts, q.to_addr, q.subject, q.unsubscribe_url, q.reply_to,
                q.attachment_of,
                CASE WHEN m.id IS NULL THEN q.text_body
                     ELSE replace(m.text_body, '",
        crate::mailings::UNSUBSCRIBE_SLOT,
        "', q.unsubscribe_url) END AS text_body,
                CASE WHEN m.id IS NULL THEN q.html_body
                     ELSE replace(m.html_body, '",
        crate::mailings::UNSUBSCRIBE_SLOT,
        "', q.unsubscribe_url) END AS html_body,
                CASE WHEN m.id IS NULL THEN NULL
                     ELSE replace(m.list, '_', '-') || '-' || m.lang END AS list_id
         FROM mail_queue q LEFT JOIN mailings m ON m.id = q.mailing_id
         WHERE q.sent_at IS NULL AND q.attempts < ? AND q.next_attempt_at <= ",
        NOW,
        " AND (q.subscriber_id IS NULL OR EXISTS (SELECT 1 FROM subscribers s
                WHERE s.id = q.subscriber_id AND s.status = 'confirmed'))
         ORDER BY q.mailing_id IS NOT NULL, q.next_attempt_at, q.id LIMIT ?"
    )))
    .bind(MAX_ATTEMPTS)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?)
}

/// How many mails were queued for `to_addr` in the last `hours` (per-address limits:
/// nobody can make the site mail-bomb an address).
pub async fn recent_to(pool: &Db, to_addr: &str, hours: i64) -> DataResult<i64> {
    Ok(crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM mail_queue WHERE to_addr = ? AND created_at > {}",
        now_moved("'-' || ? || ' hours'")
    )))
    .bind(to_addr)
    .bind(hours)
    .fetch_one(pool)
    .await?)
}

/// Records a delivery (and, for an issue, that its recipient got it and that the
/// address takes mail: its refusals start again from nought). The sent mail's bodies
/// and unsubscribe link are blanked: they hold the reader's token links.
pub async fn mark_sent(pool: &Db, id: i64) -> DataResult<()> {
    let mut tx = crate::write_tx(pool).await?;
    crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mail_queue SET sent_at = ",
        NOW,
        ", attempts = attempts + 1, last_error = NULL,
           text_body = '', html_body = '', unsubscribe_url = NULL WHERE id = ?"
    )))
    .bind(id)
    .execute(&mut tx)
    .await?;
    crate::sql::query("UPDATE mailing_recipients SET state = 'sent' WHERE mail_id = ?")
        .bind(id)
        .execute(&mut tx)
        .await?;
    crate::sql::query(
        "UPDATE subscribers SET refusals = 0
         WHERE refusals > 0 AND id = (SELECT subscriber_id FROM mail_queue WHERE id = ?)",
    )
    .bind(id)
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records a failure. A passing one (connection refused, SMTP 4xx) is tried again after
/// 1, 2, 4… minutes (at most 6 hours), [`MAX_ATTEMPTS`] times in all; a permanent one
/// (SMTP 5xx: no such mailbox) is not tried again, and counts against the address
/// (`mailings::MAX_REFUSALS`). An issue's recipient given up on is `failed`.
pub async fn mark_failed(pool: &Db, id: i64, error: &str, permanent: bool) -> DataResult<()> {
    let mut tx = crate::write_tx(pool).await?;
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "UPDATE mail_queue SET last_error = ?,
           attempts = CASE WHEN ? THEN {} ELSE attempts + 1 END,
           next_attempt_at = {} WHERE id = ?",
        greatest("attempts + 1", "?"),
        now_moved(&format!(
            "'+' || {} || ' minutes'",
            least(
                "360",
                &format!(
                    "(CAST(1 AS BIGINT) << CAST({} AS INTEGER))",
                    least("attempts", "9")
                )
            )
        ))
    )))
    .bind(
        without_addresses(error)
            .chars()
            .take(500)
            .collect::<String>(),
    )
    .bind(permanent)
    .bind(MAX_ATTEMPTS)
    .bind(id)
    .execute(&mut tx)
    .await?;
    crate::sql::query(
        "UPDATE mailing_recipients SET state = 'failed'
         WHERE mail_id = ? AND (SELECT attempts FROM mail_queue WHERE id = ?) >= ?",
    )
    .bind(id)
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .execute(&mut tx)
    .await?;
    if permanent {
        crate::sql::query(
            "UPDATE subscribers SET refusals = refusals + 1
             WHERE id = (SELECT subscriber_id FROM mail_queue WHERE id = ?)",
        )
        .bind(id)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `error` with the mailbox part of every e-mail address it names replaced by `…`
/// (`<…@example.org>`): mail servers quote the recipient in their refusals, and the
/// queue's error column and the logs keep no reader's address. The domain stays, as it
/// tells an operator which provider refused.
pub fn without_addresses(error: &str) -> String {
    let is_mailbox = |c: char| c.is_alphanumeric() || "._%+-'!#$&*/=?^`{|}~".contains(c);
    let last = error.matches('@').count();
    let mut out = String::with_capacity(error.len());
    for (index, part) in error.split('@').enumerate() {
        if index > 0 {
            out.push('@');
        }
        let is_last = index == last;
        // Every part but the last ends with the mailbox of the address after it.
        let kept = if is_last {
            part
        } else {
            part.trim_end_matches(is_mailbox)
        };
        out.push_str(kept);
        if kept.len() < part.len() {
            out.push('…');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{connect, test_db};

    fn mail(to: &str) -> Mail {
        Mail {
            to_addr: to.into(),
            subject: "Confirmez".into(),
            text_body: "Bonjour".into(),
            html_body: "<p>Bonjour</p>".into(),
            unsubscribe_url: Some("https://ccme.example/fr/unsubscribe?t=x".into()),
            reply_to: None,
            attachment_of: None,
        }
    }

    #[tokio::test]
    async fn queue_survives_a_restart_and_retries_later() {
        let db = test_db::sqlite().await;
        let first = enqueue(&db.pool, &mail("a@example.org")).await.unwrap();
        let second = enqueue(&db.pool, &mail("b@example.org")).await.unwrap();
        // The server stops before sending: a new pool on the same file still has both.
        let url = format!("sqlite://{}", db._dir.path().join("test.db").display());
        db.pool.close().await;
        let pool = connect(&url).await.unwrap();
        let waiting = due(&pool, 10).await.unwrap();
        assert_eq!(
            waiting.iter().map(|m| m.id).collect::<Vec<_>>(),
            [first, second]
        );
        assert_eq!(waiting[0].mail, mail("a@example.org"));
        mark_sent(&pool, first).await.unwrap();
        mark_failed(&pool, second, "connection refused", false)
            .await
            .unwrap();
        // Sent mail is gone from the queue; the failed one waits for its retry time.
        assert!(due(&pool, 10).await.unwrap().is_empty());
        let (attempts, error): (i64, String) =
            crate::sql::query_as("SELECT attempts, last_error FROM mail_queue WHERE id = ?")
                .bind(second)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!((attempts, error.as_str()), (1, "connection refused"));
        let (text, html, unsubscribe): (String, String, Option<String>) = crate::sql::query_as(
            "SELECT text_body, html_body, unsubscribe_url FROM mail_queue WHERE id = ?",
        )
        .bind(first)
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!((text.as_str(), html.as_str(), unsubscribe), ("", "", None));
        crate::sql::query("UPDATE mail_queue SET next_attempt_at = '2000-01-01T00:00:00Z'")
            .execute(&pool)
            .await
            .unwrap();
        assert_eq!(due(&pool, 10).await.unwrap().len(), 1);
        // After MAX_ATTEMPTS failures it is no longer tried.
        crate::sql::query("UPDATE mail_queue SET attempts = ? WHERE id = ?")
            .bind(MAX_ATTEMPTS)
            .bind(second)
            .execute(&pool)
            .await
            .unwrap();
        assert!(due(&pool, 10).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_refusal_is_kept_without_the_address_it_names() {
        let db = test_db::empty().await;
        let id = enqueue(&db.pool, &mail("reader.name+news@example.org"))
            .await
            .unwrap();
        let refusal = "550 5.1.1 <reader.name+news@example.org>: Recipient address rejected";
        mark_failed(&db.pool, id, refusal, true).await.unwrap();
        let kept: String =
            crate::sql::query_scalar("SELECT last_error FROM mail_queue WHERE id = ?")
                .bind(id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            kept,
            "550 5.1.1 <…@example.org>: Recipient address rejected"
        );
    }

    #[test]
    fn every_address_in_an_error_loses_its_mailbox_and_nothing_else_changes() {
        for (error, kept) in [
            ("connection refused", "connection refused"),
            (
                "to a@b.example, c.d@e.example",
                "to …@b.example, …@e.example",
            ),
            ("user@", "…@"),
            ("@ alone", "@ alone"),
            ("<o'neil@x.ma> rejected", "<…@x.ma> rejected"),
        ] {
            assert_eq!(without_addresses(error), kept, "{error}");
        }
    }
}
