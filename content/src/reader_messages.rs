//! Messages readers send through the contact and op-ed forms, and the site's secrets.
//! Stored as sent (plain text, cleaned of control characters); the attachment stays in
//! the database so no reader file is ever served from the public media folder.

use super::DataResult;
use crate::db::Written;
use crate::lang::Lang;
use crate::Db;

/// A message to store.
#[derive(Clone, Debug)]
pub struct NewMessage<'a> {
    /// `contact` or `op_ed`.
    pub kind: &'a str,
    pub lang: Lang,
    pub name: &'a str,
    pub email: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub country: Option<&'a str>,
    /// File name, content type, bytes.
    pub attachment: Option<(&'a str, &'a str, &'a [u8])>,
    pub wording: &'a str,
}

/// Stores a message; returns its number (quoted to the reader and to the editors).
pub async fn insert(pool: &Db, message: &NewMessage<'_>) -> DataResult<i64> {
    let (file_name, content_type, bytes) = match message.attachment {
        Some((name, kind, bytes)) => (Some(name), Some(kind), Some(bytes)),
        None => (None, None, None),
    };
    crate::sql::query_scalar(
        "INSERT INTO reader_messages (kind, lang, name, email, subject, body, country,
           attachment_name, attachment_type, attachment, wording)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(message.kind)
    .bind(message.lang.code())
    .bind(message.name)
    .bind(message.email)
    .bind(message.subject)
    .bind(message.body)
    .bind(message.country)
    .bind(file_name)
    .bind(content_type)
    .bind(bytes)
    .bind(message.wording)
    .fetch_all(pool)
    .await?
    .written()
}

/// Messages from `email` in the last `hours` (per-address limit).
pub async fn recent_from(pool: &Db, email: &str, hours: i64) -> DataResult<i64> {
    Ok(crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM reader_messages WHERE email = ? AND created_at > {}",
        now_moved("'-' || ? || ' hours'")
    )))
    .bind(email)
    .bind(hours)
    .fetch_one(pool)
    .await?)
}

/// The attachment of message `id`: file name, content type, bytes.
pub async fn attachment(pool: &Db, id: i64) -> DataResult<Option<(String, String, Vec<u8>)>> {
    Ok(crate::sql::query_as(
        "SELECT attachment_name, attachment_type, attachment FROM reader_messages
         WHERE id = ? AND attachment IS NOT NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// A secret of `N` random bytes named `name`, created on first use and kept across
/// restarts (so forms shown before a restart still work after it).
pub async fn secret<const N: usize>(pool: &Db, name: &str) -> DataResult<[u8; N]> {
    let read = || {
        crate::sql::query_scalar::<Vec<u8>>("SELECT value FROM site_secrets WHERE name = ?")
            .bind(name)
            .fetch_optional(pool)
    };
    // Read first: a site whose database refuses writes (read-only, disk full) still
    // starts with the secrets it already has.
    let stored = match read().await? {
        Some(stored) => stored,
        None => {
            let mut fresh = [0u8; N];
            getrandom::fill(&mut fresh).expect("the OS random source");
            crate::sql::query(
                "INSERT INTO site_secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(name)
            .bind(&fresh[..])
            .execute(pool)
            .await?;
            read()
                .await?
                .ok_or_else(|| super::DataError::Invalid(format!("secret {name} was not stored")))?
        }
    };
    stored
        .try_into()
        .map_err(|_| super::DataError::Invalid(format!("secret {name} has the wrong length")))
}
