//! How long readers' personal data is kept, and the purge that enforces it (run by the
//! server at start and every few hours). The privacy notice quotes these figures.

use super::DataResult;
use crate::Db;

/// Contact messages and op-ed submissions: two years, then deleted with their files.
pub const MESSAGE_MONTHS: i64 = 24;
/// Subscriptions never confirmed: deleted after 30 days (the link expired long before).
pub const UNCONFIRMED_DAYS: i64 = 30;
/// After unsubscribing, the address and its consent log are kept three years as proof
/// of what was agreed, then deleted.
pub const WITHDRAWN_YEARS: i64 = 3;
/// Sent e-mails (they hold addresses): 30 days; undeliverable ones: 90 days.
pub const SENT_MAIL_DAYS: i64 = 30;
pub const FAILED_MAIL_DAYS: i64 = 90;

/// Rows deleted by one purge.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub messages: u64,
    pub subscribers: u64,
    pub mails: u64,
    /// Expired back-office sessions.
    pub sessions: u64,
}

/// Deletes what is past its keeping time.
pub async fn purge(pool: &Db) -> DataResult<Purged> {
    // The SQL text of "`amount` `unit`s ago" (`now_moved` is each database's).
    let ago = |amount: i64, unit: &str| format!("'-{amount} {unit}'");
    let mut tx = crate::write_tx(pool).await?;
    let messages = crate::sql::query(crate::sql::dialect_sql!(format!(
        "DELETE FROM reader_messages WHERE created_at < {}",
        now_moved(&ago(MESSAGE_MONTHS, "months")),
    )))
    .execute(&mut tx)
    .await?
    .rows_affected();
    let subscribers = crate::sql::query(crate::sql::dialect_sql!(format!(
        "DELETE FROM subscribers WHERE
           (status = 'pending' AND created_at < {}
            AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.subscriber_id = subscribers.id
                            AND c.at > {}))
        OR (status = 'unsubscribed' AND unsubscribed_at < {})",
        now_moved(&ago(UNCONFIRMED_DAYS, "days")),
        now_moved(&ago(UNCONFIRMED_DAYS, "days")),
        now_moved(&ago(WITHDRAWN_YEARS, "years")),
    )))
    .execute(&mut tx)
    .await?
    .rows_affected();
    // Consents of deleted subscribers go with them (ON DELETE CASCADE).
    let mails = crate::sql::query(crate::sql::dialect_sql!(format!(
        "DELETE FROM mail_queue WHERE
           (sent_at IS NOT NULL AND sent_at < {})
        OR (sent_at IS NULL AND created_at < {})",
        now_moved(&ago(SENT_MAIL_DAYS, "days")),
        now_moved(&ago(FAILED_MAIL_DAYS, "days")),
    )))
    .execute(&mut tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    let sessions = super::accounts::purge_sessions(pool).await?;
    Ok(Purged {
        sessions,
        messages,
        subscribers,
        mails,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::reader_messages::{insert, NewMessage};
    use crate::subscriptions::{request, Consent, List};
    use crate::test_db;

    #[tokio::test]
    async fn personal_data_goes_when_its_time_is_up() {
        let db = test_db::empty().await;
        let pool = &db.pool;
        let consent = Consent {
            form: "test",
            wording: "v1",
        };
        for email in ["old@example.org", "new@example.org"] {
            request(pool, email, List::Newsletter, Lang::Fr, &consent)
                .await
                .unwrap();
            let message = NewMessage {
                kind: "contact",
                lang: Lang::Fr,
                name: "N",
                email,
                subject: "S",
                body: "B",
                country: None,
                attachment: None,
                wording: "v1",
            };
            insert(pool, &message).await.unwrap();
        }
        let age = |table: &'static str, column: &'static str, when: &'static str| {
            crate::sql::dialect_sql!(format!(
                "UPDATE {table} SET {column} = {} WHERE email = 'old@example.org'",
                now_moved(&format!("'{when}'"))
            ))
        };
        for sql in [
            age("reader_messages", "created_at", "-25 months"),
            age("subscribers", "created_at", "-31 days"),
            age("consents", "at", "-31 days"),
        ] {
            crate::sql::query(&sql).execute(pool).await.unwrap();
        }
        let purged = purge(pool).await.unwrap();
        assert_eq!((purged.messages, purged.subscribers), (1, 1));
        let left: Vec<String> = crate::sql::query_scalar(
            "SELECT email FROM reader_messages UNION ALL SELECT email FROM subscribers
             UNION ALL SELECT email FROM consents",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        assert_eq!(left, ["new@example.org"; 3]);
        assert_eq!(purge(pool).await.unwrap(), Purged::default());
    }
}
