//! The web archive of the newsletter and the press review (issue 20): sent issues of an
//! edition, and one issue.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{ArchivedIssue, Mailing};
use leptos::prelude::*;

/// How many issues the newsletter page lists.
pub const ARCHIVE_LENGTH: i64 = 30;

/// The latest sent issues of both lists in `lang`, newest first.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_issue_archive(lang: Lang) -> Result<Vec<Mailing>, ServerFnError> {
    use super::server_only::{internal, reader};
    content::mailings::archive(&reader()?, lang, ARCHIVE_LENGTH)
        .await
        .map_err(internal)
}

/// Sent issue `slug` (its number) of `lang`; `None` when there is none (404).
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_archived_issue(
    lang: Lang,
    slug: String,
) -> Result<Option<ArchivedIssue>, ServerFnError> {
    use super::server_only::{internal, reader};
    let Ok(id) = slug.parse::<i64>() else {
        return Ok(None);
    };
    content::mailings::archived(&reader()?, lang, id)
        .await
        .map_err(internal)
}
