//! The editors' queue of reader messages (contact messages and op-ed submissions):
//! read one, answer it by e-mail, accept an op-ed as a draft article, reject; and the
//! subscriber lists with their counts and the CSV export of confirmed addresses. Every
//! change goes to the audit log.

use super::{accounts, mail_queue, DataResult};
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{MessageDetail, MessageSummary, SessionUser, SubscriberCount};
use crate::Db;

/// Statuses of a message in the queue, in order.
pub const MESSAGE_STATUSES: [&str; 5] = ["new", "read", "replied", "accepted", "rejected"];

/// The newest messages, those in `status` only when given.
pub async fn queue(pool: &Db, status: Option<&str>) -> DataResult<Vec<MessageSummary>> {
    let status = status.filter(|s| MESSAGE_STATUSES.contains(s));
    Ok(crate::sql::query_as(
        "SELECT id, kind, lang, name, subject, status, created_at,
                attachment_name IS NOT NULL AS has_attachment
         FROM reader_messages WHERE ?1 IS NULL OR status = ?1
         ORDER BY created_at DESC, id DESC LIMIT 200",
    )
    .bind(status)
    .fetch_all(pool)
    .await?)
}

/// One message in full; opening a new one marks it read.
pub async fn open_message(
    pool: &Db,
    user: &SessionUser,
    id: i64,
) -> DataResult<Option<MessageDetail>> {
    let marked = crate::sql::query(crate::sql::dialect_sql!(format!(
        "UPDATE reader_messages SET status = 'read', handled_by = ?, handled_at = {NOW}
         WHERE id = ? AND status = 'new'"
    )))
    .bind(user.id)
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected();
    if marked > 0 {
        accounts::audit(
            pool,
            Some(user.id),
            "message.read",
            &format!("message {id}"),
            "",
        )
        .await?;
    }
    Ok(crate::sql::query_as(
        "SELECT id, kind, lang, name, email, subject, body, country, attachment_name, status,
                created_at, story_id
         FROM reader_messages WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// The file sent with message `id`: name, type, bytes.
pub use super::reader_messages::attachment;

/// What an editor can do to a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Answer the reader by e-mail with this text.
    Reply(String),
    /// Turn the op-ed into a draft article (its id is returned).
    Accept,
    Reject,
}

/// The reader message a reply answers: what the caller needs to word the e-mail (this
/// crate knows no UI text; the app's letters do).
pub struct ReplyTo<'a> {
    /// The language the reader wrote in, which the reply is worded in.
    pub lang: Lang,
    /// The reader's address.
    pub email: &'a str,
    /// The subject of the reader's message.
    pub subject: &'a str,
    /// The editor's answer.
    pub text: &'a str,
}

/// Applies `decision` to message `id` as `user`; a reply is worded by `write_reply` and
/// queued in the same transaction. `None` when there is no such message
/// (or an accepted message that is not an op-ed); else, for `Accept`, the draft's story
/// id and language (the op-ed's), so the editor can be taken to it.
pub async fn decide(
    pool: &Db,
    user: &SessionUser,
    id: i64,
    decision: &Decision,
    write_reply: impl FnOnce(ReplyTo<'_>) -> mail_queue::Mail,
) -> DataResult<Option<Option<(i64, Lang)>>> {
    let found: Option<(String, String, String, String, String, String)> = crate::sql::query_as(
        "SELECT kind, lang, email, subject, body, name FROM reader_messages WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    let Some((kind, lang, email, subject, body, name)) = found else {
        return Ok(None);
    };
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let mut tx = crate::write_tx(pool).await?;
    let (status, story, action) = match decision {
        Decision::Reply(text) => {
            let mail = write_reply(ReplyTo {
                lang,
                email: &email,
                subject: &subject,
                text,
            });
            mail_queue::enqueue_on(&mut tx, &mail).await?;
            ("replied", 0, "message.reply")
        }
        Decision::Reject => ("rejected", 0, "message.reject"),
        Decision::Accept if kind != "op_ed" => return Ok(None),
        Decision::Accept => {
            let story = draft_from_op_ed(&mut tx, user, lang, &subject, &body, &name).await?;
            ("accepted", story, "message.accept")
        }
    };
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "UPDATE reader_messages SET status = ?, handled_by = ?,
           handled_at = {NOW}, story_id = COALESCE(NULLIF(?, 0), story_id)
         WHERE id = ?"
    )))
    .bind(status)
    .bind(user.id)
    .bind(story)
    .bind(id)
    .execute(&mut tx)
    .await?;
    accounts::audit_on(
        &mut tx,
        Some(user.id),
        action,
        &format!("message {id}"),
        &subject,
    )
    .await?;
    tx.commit().await?;
    Ok(Some((story != 0).then_some((story, lang))))
}

/// A draft article in the op-ed's language: its title, its text as the body (plain
/// paragraphs), the author's name as signature; the editor then edits it as any other.
async fn draft_from_op_ed(
    conn: &mut crate::Tx,
    user: &SessionUser,
    lang: Lang,
    title: &str,
    text: &str,
    author: &str,
) -> DataResult<i64> {
    let story: i64 = crate::sql::query_scalar(
        "INSERT INTO stories (kind, created_by) VALUES ('article', ?) RETURNING id",
    )
    .bind(user.id)
    .fetch_all(&mut *conn)
    .await?
    .written()?;
    // The reader's text is text: escaped, never read as Markdown or HTML.
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                html_escape::encode_text(p).replace('\n', "<br>")
            )
        })
        .collect();
    let body_html = paragraphs.join("\n");
    let slug = format!("{}-{story}", super::write::slugify(title));
    let translation = super::write::NewTranslation {
        lang,
        slug: &slug,
        title,
        summary: "",
        body_html: &body_html,
        signature: author,
        source: "",
        status: "draft",
        published_at: None,
        cover_media_id: None,
    };
    super::write::insert_clean_translation(conn, story, &translation).await?;
    Ok(story)
}

/// Subscribers per list, language and status.
pub async fn subscriber_counts(pool: &Db) -> DataResult<Vec<SubscriberCount>> {
    Ok(crate::sql::query_as(
        "SELECT list, lang, status, count(*) AS count FROM subscribers
         GROUP BY list, lang, status ORDER BY list, lang, status",
    )
    .fetch_all(pool)
    .await?)
}

/// The confirmed addresses of `list` as CSV (`email,language,confirmed_at`), for the
/// mailing tool; the export itself is recorded in the audit log.
pub async fn subscribers_csv(pool: &Db, user: &SessionUser, list: &str) -> DataResult<String> {
    let rows: Vec<(String, String, Option<String>)> = crate::sql::query_as(
        "SELECT email, lang, confirmed_at FROM subscribers
         WHERE list = ? AND status = 'confirmed' ORDER BY email",
    )
    .bind(list)
    .fetch_all(pool)
    .await?;
    let mut csv = String::from("email,language,confirmed_at\r\n");
    for (email, lang, at) in &rows {
        for (i, cell) in [email.as_str(), lang, at.as_deref().unwrap_or("")]
            .iter()
            .enumerate()
        {
            if i > 0 {
                csv.push(',');
            }
            csv.push_str(&csv_cell(cell));
        }
        csv.push_str("\r\n");
    }
    accounts::audit(
        pool,
        Some(user.id),
        "subscribers.export",
        list,
        &format!("{} addresses", rows.len()),
    )
    .await?;
    Ok(csv)
}

/// One CSV cell (RFC 4180 quoting); a leading `=`, `+`, `-` or `@` is defused so a
/// spreadsheet never runs it as a formula.
fn csv_cell(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests;
