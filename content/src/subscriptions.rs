//! Newsletter and press-review subscriptions with double opt-in. A request records the
//! consent and returns a confirmation token to e-mail; confirming spends that token
//! (single use, 48 hours); every e-mail carries an unsubscribe token that works in one
//! click. Requests answer the same way whether the address is known or not, so the
//! form cannot be used to probe addresses: only the e-mail differs.

use super::DataResult;
use crate::lang::Lang;
use crate::{Db, Tx};
use const_format::concatcp;
use sha2::{Digest, Sha256};

pub use crate::model::List;

/// How long a confirmation link works.
pub const CONFIRM_HOURS: i64 = 48;

/// A fresh random token (256 bits, hex) for an e-mailed link.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the OS random source");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored of a token: its SHA-256, hex.
pub(crate) fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The canonical form of an address (trimmed, lower-case).
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Where the reader stands after asking to subscribe, and the links to e-mail.
#[derive(Debug, Clone, PartialEq)]
pub enum Requested {
    /// New or returning reader: send the confirmation link.
    ConfirmationNeeded {
        confirm: String,
        unsubscribe: String,
    },
    /// Already subscribed: send a reminder with the unsubscribe link instead.
    AlreadyConfirmed { unsubscribe: String },
}

/// Who a token belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    pub email: String,
    pub list: List,
    pub lang: Lang,
}

/// Consent wording shown next to the form, by version, so the log says what was agreed.
pub struct Consent<'a> {
    pub form: &'a str,
    pub wording: &'a str,
}

async fn issue(
    conn: &mut Tx,
    subscriber: i64,
    purpose: &str,
    hours: Option<i64>,
) -> DataResult<String> {
    let token = new_token();
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "INSERT INTO tokens (hash, purpose, subscriber_id, expires_at)
         VALUES (?, ?, ?, CASE WHEN ? IS NULL THEN NULL ELSE {} END)",
        now_moved("'+' || ? || ' hours'")
    )))
    .bind(token_hash(&token))
    .bind(purpose)
    .bind(subscriber)
    .bind(hours)
    .bind(hours)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// The unsubscribe token of a subscriber in list mail (issue 20): the same for every
/// issue, derived from the subscriber with the site's `key` (HMAC-SHA-256), so that an
/// issue sent to 20,000 readers adds no token row per mail. Like every token, only its
/// hash is stored (once per subscriber), and the link keeps working with
/// [`unsubscribe`] for as long as the subscriber exists.
pub async fn list_token(conn: &mut Tx, subscriber: i64, key: &[u8]) -> DataResult<String> {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .map_err(|e| crate::DataError::Invalid(format!("list token key: {e}")))?;
    mac.update(format!("unsubscribe:{subscriber}").as_bytes());
    let token: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    crate::sql::query(
        "INSERT INTO tokens (hash, purpose, subscriber_id) VALUES (?, 'unsubscribe', ?) ON CONFLICT DO NOTHING",
    )
    .bind(token_hash(&token))
    .bind(subscriber)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

async fn log_consent(
    conn: &mut Tx,
    subscriber: i64,
    email: &str,
    lang: Lang,
    consent: &Consent<'_>,
    action: &str,
) -> DataResult<()> {
    crate::sql::query(
        "INSERT INTO consents (subscriber_id, email, form, lang, wording, action) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(subscriber)
    .bind(email)
    .bind(consent.form)
    .bind(lang.code())
    .bind(consent.wording)
    .bind(action)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A reader asks to join `list`: records the request and its consent, returns the
/// links to e-mail. `email` must already be validated.
pub async fn request(
    pool: &Db,
    email: &str,
    list: List,
    lang: Lang,
    consent: &Consent<'_>,
) -> DataResult<Requested> {
    let email = normalize_email(email);
    let mut tx = crate::write_tx(pool).await?;
    // The row first, so that two requests at once for one address (two servers, a
    // double click) both find it rather than both adding it, which the unique key
    // would refuse to the second: on PostgreSQL the second waits for the first here.
    crate::sql::query(
        "INSERT INTO subscribers (email, list, lang) VALUES (?, ?, ?)
         ON CONFLICT (email, list) DO NOTHING",
    )
    .bind(&email)
    .bind(list.code())
    .bind(lang.code())
    .execute(&mut tx)
    .await?;
    let (id, status): (i64, String) =
        crate::sql::query_as("SELECT id, status FROM subscribers WHERE email = ? AND list = ?")
            .bind(&email)
            .bind(list.code())
            .fetch_one(&mut tx)
            .await?;
    if status == "confirmed" {
        let unsubscribe = issue(&mut tx, id, "unsubscribe", None).await?;
        tx.commit().await?;
        return Ok(Requested::AlreadyConfirmed { unsubscribe });
    }
    crate::sql::query("UPDATE subscribers SET status = 'pending', lang = ? WHERE id = ?")
        .bind(lang.code())
        .bind(id)
        .execute(&mut tx)
        .await?;
    log_consent(&mut tx, id, &email, lang, consent, "requested").await?;
    let confirm = issue(&mut tx, id, "confirm", Some(CONFIRM_HOURS)).await?;
    let unsubscribe = issue(&mut tx, id, "unsubscribe", None).await?;
    tx.commit().await?;
    Ok(Requested::ConfirmationNeeded {
        confirm,
        unsubscribe,
    })
}

const TOKEN_OWNER: crate::sql::Sql<'static> = crate::sql::dialect_const!(concatcp!(
    "SELECT s.id, s.email, s.list, s.lang FROM tokens k
    JOIN subscribers s ON s.id = k.subscriber_id
    WHERE k.hash = ? AND k.purpose = ? AND k.used_at IS NULL
      AND (k.expires_at IS NULL OR k.expires_at > ",
    NOW,
    ")"
));

type OwnerRow = (i64, String, String, String);

fn subscription((_, email, list, lang): OwnerRow) -> Option<Subscription> {
    Some(Subscription {
        email,
        list: List::from_code(&list)?,
        lang: Lang::from_code(&lang)?,
    })
}

/// The subscriber a valid, unused `purpose` token belongs to.
async fn token_owner<'e>(
    executor: impl crate::sql::Executes<'e>,
    token: &str,
    purpose: &str,
) -> DataResult<Option<OwnerRow>> {
    Ok(crate::sql::query_as(TOKEN_OWNER)
        .bind(token_hash(token))
        .bind(purpose)
        .fetch_optional(executor)
        .await?)
}

/// What a still-valid link of `purpose` (`confirm` or `unsubscribe`) is about, without
/// spending it: the page a link opens shows this with a button, so mail scanners that
/// follow links change nothing.
pub async fn pending(pool: &Db, token: &str, purpose: &str) -> DataResult<Option<Subscription>> {
    Ok(token_owner(pool, token, purpose)
        .await?
        .and_then(subscription))
}

/// Spends a confirmation token: the subscription becomes active and the consent is
/// logged. `None` for an unknown, used or expired token.
pub async fn confirm(
    pool: &Db,
    token: &str,
    consent: &Consent<'_>,
) -> DataResult<Option<Subscription>> {
    let mut tx = crate::write_tx(pool).await?;
    let Some(row) = token_owner(&mut tx, token, "confirm").await? else {
        return Ok(None);
    };
    let id = row.0;
    crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE tokens SET used_at = ",
        NOW,
        " WHERE hash = ?"
    )))
    .bind(token_hash(token))
    .execute(&mut tx)
    .await?;
    crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE subscribers SET status = 'confirmed', unsubscribed_at = NULL, confirmed_at = ",
        NOW,
        " WHERE id = ?"
    )))
    .bind(id)
    .execute(&mut tx)
    .await?;
    let found = subscription(row);
    if let Some(found) = &found {
        log_consent(&mut tx, id, &found.email, found.lang, consent, "confirmed").await?;
    }
    tx.commit().await?;
    Ok(found)
}

/// One-click unsubscribe: works every time the link is used (the second click changes
/// nothing), never expires. `None` for an unknown token.
pub async fn unsubscribe(
    pool: &Db,
    token: &str,
    consent: &Consent<'_>,
) -> DataResult<Option<Subscription>> {
    let mut tx = crate::write_tx(pool).await?;
    let Some(row) = token_owner(&mut tx, token, "unsubscribe").await? else {
        return Ok(None);
    };
    let id = row.0;
    let changed = crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ",
        NOW,
        " WHERE id = ? AND status <> 'unsubscribed'"
    )))
    .bind(id)
    .execute(&mut tx)
    .await?
    .rows_affected();
    let found = subscription(row);
    if let (Some(found), 1) = (&found, changed) {
        log_consent(&mut tx, id, &found.email, found.lang, consent, "withdrawn").await?;
    }
    tx.commit().await?;
    Ok(found)
}

/// Status of an address on a list (`None`: never asked).
pub async fn status(pool: &Db, email: &str, list: List) -> DataResult<Option<String>> {
    Ok(
        crate::sql::query_scalar("SELECT status FROM subscribers WHERE email = ? AND list = ?")
            .bind(normalize_email(email))
            .bind(list.code())
            .fetch_optional(pool)
            .await?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    const FORM: Consent = Consent {
        form: "footer-newsletter",
        wording: "newsletter-v1",
    };

    #[tokio::test]
    async fn requests_at_once_for_one_address_all_succeed_with_one_subscriber() {
        // Two servers (or a double click) at the same moment: on PostgreSQL the
        // requests really run side by side.
        let db = test_db::empty().await;
        let asked = (0..8).map(|_| {
            let pool = db.pool.clone();
            tokio::spawn(async move {
                request(
                    &pool,
                    "twice@example.org",
                    List::Newsletter,
                    Lang::Fr,
                    &FORM,
                )
                .await
            })
        });
        for answer in futures_util::future::join_all(asked).await {
            let answer = answer
                .unwrap()
                .expect("every request is answered, none refused");
            assert!(matches!(answer, Requested::ConfirmationNeeded { .. }));
        }
        let rows: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM subscribers WHERE email = 'twice@example.org'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(rows, 1);
        let consents: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM consents WHERE email = 'twice@example.org' AND action = 'requested'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(consents, 8, "each request's consent is on record");
    }

    #[tokio::test]
    async fn double_opt_in_runs_request_confirm_unsubscribe() {
        let db = test_db::empty().await;
        let pool = &db.pool;
        let Requested::ConfirmationNeeded {
            confirm: token,
            unsubscribe: leave,
        } = request(
            pool,
            " Reader@Example.org ",
            List::Newsletter,
            Lang::Ar,
            &FORM,
        )
        .await
        .unwrap()
        else {
            panic!("a new reader must confirm");
        };
        assert_eq!(
            status(pool, "reader@example.org", List::Newsletter)
                .await
                .unwrap()
                .as_deref(),
            Some("pending")
        );
        // Opening the link only shows what would be confirmed.
        let shown = pending(pool, &token, "confirm")
            .await
            .unwrap()
            .expect("valid link");
        assert_eq!(
            shown,
            Subscription {
                email: "reader@example.org".into(),
                list: List::Newsletter,
                lang: Lang::Ar
            }
        );
        assert_eq!(
            status(pool, "reader@example.org", List::Newsletter)
                .await
                .unwrap()
                .as_deref(),
            Some("pending")
        );
        // Pressing the button confirms, once.
        assert!(confirm(pool, &token, &FORM).await.unwrap().is_some());
        assert_eq!(
            status(pool, "reader@example.org", List::Newsletter)
                .await
                .unwrap()
                .as_deref(),
            Some("confirmed")
        );
        assert!(
            confirm(pool, &token, &FORM).await.unwrap().is_none(),
            "single use"
        );
        assert!(pending(pool, &token, "confirm").await.unwrap().is_none());
        // Asking again while subscribed: no new confirmation, same kind of answer.
        assert!(matches!(
            request(
                pool,
                "reader@example.org",
                List::Newsletter,
                Lang::Ar,
                &FORM
            )
            .await
            .unwrap(),
            Requested::AlreadyConfirmed { .. }
        ));
        // The press review is a separate list.
        assert_eq!(
            status(pool, "reader@example.org", List::PressReview)
                .await
                .unwrap(),
            None
        );
        // One click unsubscribes; a second click changes nothing.
        assert!(unsubscribe(pool, &leave, &FORM).await.unwrap().is_some());
        assert!(unsubscribe(pool, &leave, &FORM).await.unwrap().is_some());
        assert_eq!(
            status(pool, "reader@example.org", List::Newsletter)
                .await
                .unwrap()
                .as_deref(),
            Some("unsubscribed")
        );
        let actions: Vec<String> =
            crate::sql::query_scalar("SELECT action FROM consents ORDER BY id")
                .fetch_all(pool)
                .await
                .unwrap();
        assert_eq!(actions, ["requested", "confirmed", "withdrawn"]);
        // Tokens are stored hashed only.
        let stored: i64 =
            crate::sql::query_scalar("SELECT count(*) FROM tokens WHERE hash = ? OR hash = ?")
                .bind(&token)
                .bind(&leave)
                .fetch_one(pool)
                .await
                .unwrap();
        assert_eq!(stored, 0);
        assert!(unsubscribe(pool, "not-a-token", &FORM)
            .await
            .unwrap()
            .is_none());
    }

    #[tokio::test]
    async fn confirmation_links_expire() {
        let db = test_db::empty().await;
        let Requested::ConfirmationNeeded { confirm: token, .. } = request(
            &db.pool,
            "late@example.org",
            List::PressReview,
            Lang::Fr,
            &FORM,
        )
        .await
        .unwrap() else {
            panic!()
        };
        crate::sql::query(crate::sql::dialect_sql!(format!(
            "UPDATE tokens SET expires_at = {} WHERE purpose = 'confirm'",
            now_moved("'-1 minute'")
        )))
        .execute(&db.pool)
        .await
        .unwrap();
        assert!(pending(&db.pool, &token, "confirm")
            .await
            .unwrap()
            .is_none());
        assert!(confirm(&db.pool, &token, &FORM).await.unwrap().is_none());
        assert_eq!(
            status(&db.pool, "late@example.org", List::PressReview)
                .await
                .unwrap()
                .as_deref(),
            Some("pending")
        );
        // Asking again sends a fresh link that works.
        let Requested::ConfirmationNeeded { confirm: fresh, .. } = request(
            &db.pool,
            "late@example.org",
            List::PressReview,
            Lang::Fr,
            &FORM,
        )
        .await
        .unwrap() else {
            panic!()
        };
        assert_ne!(fresh, token);
        assert!(confirm(&db.pool, &fresh, &FORM).await.unwrap().is_some());
    }
}
