//! Writing an issue: its list, edition, subject, introduction and stories. A press
//! review starts with the articles published since the last issue of its list in its
//! edition; a newsletter starts empty and the editor picks stories.

use crate::db::Written;
use crate::lang::Lang;
use crate::model::{ArchivedIssue, List, Mailing, MailingStatus as Status, MailingStory};
use crate::Db;
use crate::{DataError, DataResult};
use const_format::concatcp;

/// Most stories a press review is prefilled with (a day's press is a few dozen).
pub const PRESS_REVIEW_MAX: i64 = 60;

type MailingRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

const MAILING_COLUMNS: &str =
    "id, list, lang, subject, intro, status, send_at, created_at, started_at, finished_at";

fn mailing(row: MailingRow) -> DataResult<Mailing> {
    let (id, list, lang, subject, intro, status, send_at, created_at, started_at, finished_at) =
        row;
    let bad = |what: &str, value: &str| DataError::Invalid(format!("mailing {id}: {what} {value}"));
    Ok(Mailing {
        id,
        list: List::from_code(&list).ok_or_else(|| bad("list", &list))?,
        lang: Lang::from_code(&lang).ok_or_else(|| bad("lang", &lang))?,
        subject,
        intro,
        status: Status::from_code(&status).ok_or_else(|| bad("status", &status))?,
        send_at,
        created_at,
        started_at,
        finished_at,
    })
}

/// Starts an issue of `list` in `lang`. A press review is prefilled with the articles
/// published since the last issue of that list in that edition began sending (the last
/// day's when there was none), newest first.
pub async fn create(
    pool: &Db,
    list: List,
    lang: Lang,
    subject: &str,
    author: Option<i64>,
) -> DataResult<i64> {
    let mut tx = crate::write_tx(pool).await?;
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO mailings (list, lang, subject, created_by) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(list.code())
    .bind(lang.code())
    .bind(subject.trim())
    .bind(author)
    .fetch_all(&mut tx)
    .await?
    .written()?;
    if list == List::PressReview {
        crate::sql::query(crate::sql::dialect_sql!(format!(
            "INSERT INTO mailing_stories (mailing_id, story_id, position)
             SELECT ?, story_id, row_number() OVER (ORDER BY t.published_at DESC, t.id DESC)
             FROM story_translations t
             WHERE t.lang = ? AND t.kind = 'article' AND {PUBLISHED}
               AND t.published_at > coalesce(
                 (SELECT max(started_at) FROM mailings
                  WHERE list = ? AND lang = ? AND started_at IS NOT NULL),
                 {})
             ORDER BY t.published_at DESC, t.id DESC LIMIT ?",
            now_moved("'-1 day'")
        )))
        .bind(id)
        .bind(lang.code())
        .bind(list.code())
        .bind(lang.code())
        .bind(PRESS_REVIEW_MAX)
        .execute(&mut tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// One issue.
pub async fn get(pool: &Db, id: i64) -> DataResult<Option<Mailing>> {
    let row: Option<MailingRow> = crate::sql::query_as(&format!(
        "SELECT {MAILING_COLUMNS} FROM mailings WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(mailing).transpose()
}

/// Issues newest first: every one for the back office (`sent_only = false`), or the
/// sent ones of a list in an edition for its archive.
pub async fn issues(pool: &Db, of: Option<(List, Lang)>, limit: i64) -> DataResult<Vec<Mailing>> {
    let rows: Vec<MailingRow> = match of {
        None => {
            crate::sql::query_as(&format!(
                "SELECT {MAILING_COLUMNS} FROM mailings ORDER BY id DESC LIMIT ?"
            ))
            .bind(limit)
            .fetch_all(pool)
            .await?
        }
        Some((list, lang)) => {
            crate::sql::query_as(&format!(
                "SELECT {MAILING_COLUMNS} FROM mailings
                 WHERE list = ? AND lang = ? AND status = 'sent'
                 ORDER BY started_at DESC, id DESC LIMIT ?"
            ))
            .bind(list.code())
            .bind(lang.code())
            .bind(limit)
            .fetch_all(pool)
            .await?
        }
    };
    rows.into_iter().map(mailing).collect()
}

/// The stories of an issue in their order. Unpublished since they were picked, they
/// are left out: a mail never links to a page readers cannot open.
pub async fn stories(pool: &Db, id: i64) -> DataResult<Vec<MailingStory>> {
    Ok(crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT t.story_id, t.kind, t.slug, t.title, t.summary, t.source, t.published_at
         FROM mailing_stories ms
         JOIN mailings m ON m.id = ms.mailing_id
         JOIN story_translations t ON t.story_id = ms.story_id AND t.lang = m.lang
         WHERE ms.mailing_id = ? AND {PUBLISHED}
         ORDER BY ms.position"
    )))
    .bind(id)
    .fetch_all(pool)
    .await?)
}

/// Changes the subject and introduction of an issue not yet sending. `false` when it
/// already is (the mail is frozen).
pub async fn update(pool: &Db, id: i64, subject: &str, intro: &str) -> DataResult<bool> {
    Ok(crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET subject = ?, intro = ?, updated_at = ",
        NOW,
        " WHERE id = ? AND status IN ('draft', 'scheduled')"
    )))
    .bind(subject.trim())
    .bind(intro)
    .bind(id)
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}

/// Sets the stories of an issue not yet sending, in this order (reordering, removing
/// and adding are all this). Stories of another edition or unpublished are ignored.
pub async fn set_stories(pool: &Db, id: i64, story_ids: &[i64]) -> DataResult<bool> {
    let mut tx = crate::write_tx(pool).await?;
    let editable: Option<String> = crate::sql::query_scalar(
        "SELECT lang FROM mailings WHERE id = ? AND status IN ('draft', 'scheduled')",
    )
    .bind(id)
    .fetch_optional(&mut tx)
    .await?;
    let Some(lang) = editable else {
        return Ok(false);
    };
    crate::sql::query("DELETE FROM mailing_stories WHERE mailing_id = ?")
        .bind(id)
        .execute(&mut tx)
        .await?;
    for (position, story) in story_ids.iter().enumerate() {
        crate::sql::query(crate::sql::dialect_sql!(format!(
            "INSERT INTO mailing_stories (mailing_id, story_id, position)
             SELECT ?, t.story_id, ? FROM story_translations t
             WHERE t.story_id = ? AND t.lang = ? AND {PUBLISHED} ON CONFLICT DO NOTHING"
        )))
        .bind(id)
        .bind(position as i64)
        .bind(story)
        .bind(&lang)
        .execute(&mut tx)
        .await?;
    }
    crate::sql::query(crate::sql::dialect_const!(concatcp!(
        "UPDATE mailings SET updated_at = ",
        NOW,
        " WHERE id = ?"
    )))
    .bind(id)
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Published stories of the issue's edition that it does not have yet, newest first:
/// what the editor can add (articles, interviews, publications…; pages are left out).
pub async fn candidates(pool: &Db, id: i64, limit: i64) -> DataResult<Vec<MailingStory>> {
    Ok(crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT t.story_id, t.kind, t.slug, t.title, t.summary, t.source, t.published_at
         FROM mailings m
         JOIN story_translations t ON t.lang = m.lang
         WHERE m.id = ? AND t.kind <> 'page' AND {PUBLISHED}
           AND t.story_id NOT IN (SELECT story_id FROM mailing_stories WHERE mailing_id = m.id)
         ORDER BY t.published_at DESC, t.id DESC LIMIT ?"
    )))
    .bind(id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}

/// Sent issues of both lists in edition `lang`, newest first: the archive on the
/// newsletter page.
pub async fn archive(pool: &Db, lang: Lang, limit: i64) -> DataResult<Vec<Mailing>> {
    let rows: Vec<MailingRow> = crate::sql::query_as(&format!(
        "SELECT {MAILING_COLUMNS} FROM mailings
         WHERE lang = ? AND status = 'sent'
         ORDER BY started_at DESC, id DESC LIMIT ?"
    ))
    .bind(lang.code())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(mailing).collect()
}

/// Sent issue `id` of edition `lang` as its archive page shows it; `None` for an issue
/// not sent (a draft is nobody's business) or of another edition.
pub async fn archived(pool: &Db, lang: Lang, id: i64) -> DataResult<Option<ArchivedIssue>> {
    let Some(issue) = get(pool, id).await? else {
        return Ok(None);
    };
    if issue.lang != lang || issue.status != Status::Sent {
        return Ok(None);
    }
    Ok(Some(ArchivedIssue {
        intro_html: crate::editorial::markdown::to_html(&issue.intro),
        stories: stories(pool, id).await?,
        alternates: crate::alternates::of_issue(lang, id),
        issue,
    }))
}
