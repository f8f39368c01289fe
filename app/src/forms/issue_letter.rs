//! An issue of the newsletter or of the press review as mailed (issue 20): the
//! introduction, then each story with its source, date, summary and link, then the links
//! to read it in a browser and to unsubscribe. The same words, HTML and plain text, for
//! every recipient: each one's unsubscribe address is put in when the mail is sent
//! (`content::mailings::UNSUBSCRIBE_SLOT`). No remote image, no tracking link.

use super::letters::{frame, list_name, words};
use crate::i18n::format_date;
use crate::i18n::Strings;
use content::address::{story_path, Page};
use content::lang::Lang;
use content::mailings::{Mailing, MailingStory, Rendered, UNSUBSCRIBE_SLOT};
use content::model::StoryKind;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

/// The web archive page of an issue, which its "read in the browser" link opens.
pub fn archive_url(site_url: &str, lang: Lang, id: i64) -> String {
    format!("{site_url}{}", Page::Issue(id).path(lang))
}

/// The mail of `issue` with its `stories`, for every recipient.
pub fn render(site_url: &str, issue: &Mailing, stories: &[MailingStory]) -> Rendered {
    let lang = issue.lang;
    let w = words(lang);
    let online = archive_url(site_url, lang, issue.id);
    let mut html = format!(
        "<p style=\"font-size:13px\"><a href=\"{}\">{}</a></p>\n<h1 style=\"font-size:22px\">{}</h1>\n",
        attr(&online),
        text(w.issue_read_online),
        text(&issue.subject)
    );
    let mut plain = format!("{}\n\n{}: {online}\n", issue.subject, w.issue_read_online);
    if !issue.intro.trim().is_empty() {
        html.push_str(&content::editorial::markdown::to_html(&issue.intro));
        plain.push_str(&format!("\n{}\n", issue.intro.trim()));
    }
    for story in stories {
        let Some(kind) = StoryKind::from_code(&story.kind) else {
            continue;
        };
        let url = format!("{site_url}{}", story_path(lang, kind, &story.slug));
        let date = story
            .published_at
            .as_deref()
            .map(|d| format_date(lang, d))
            .unwrap_or_default();
        let credit = match (story.source.trim(), date.as_str()) {
            ("", date) => date.to_owned(),
            (source, "") => format!("{} : {source}", w.issue_source),
            (source, date) => format!("{} : {source} · {date}", w.issue_source),
        };
        html.push_str(&format!(
            "<h2 style=\"font-size:18px;margin-bottom:4px\"><a href=\"{url}\" style=\"color:#0b5d4b\">{title}</a></h2>\n\
             <p style=\"font-size:13px;color:#555;margin-top:0\">{credit}</p>\n<p>{summary}</p>\n\
             <p><a href=\"{url}\">{more}</a></p>\n",
            url = attr(&url),
            title = text(&story.title),
            credit = text(&credit),
            summary = text(&story.summary),
            more = text(w.issue_read_more),
        ));
        plain.push_str(&format!(
            "\n\n{}\n{credit}\n{}\n{url}\n",
            story.title, story.summary
        ));
    }
    let leave = Strings::fill(
        w.unsubscribe_line,
        &[("list", list_name(lang, issue.list).to_owned())],
    );
    let footer = format!(
        "{}<br>\n{}<br>\n<a href=\"{UNSUBSCRIBE_SLOT}\">{UNSUBSCRIBE_SLOT}</a>",
        text(w.issue_no_tracking),
        text(&leave)
    );
    plain.push_str(&format!(
        "\n--\n{}\n{leave}\n{UNSUBSCRIBE_SLOT}\n",
        w.issue_no_tracking
    ));
    Rendered {
        subject: issue.subject.clone(),
        html: frame(lang, &issue.subject, &html, &footer),
        text: plain,
    }
}

/// Renders issue `id` with its stories as they are now and starts sending it (the
/// editor's "send now" and the scheduler alike): to how many, `None` if it does not
/// exist or had already started.
pub async fn start(
    pool: &content::Db,
    site_url: &str,
    id: i64,
) -> Result<Option<i64>, content::DataError> {
    let Some(issue) = content::mailings::get(pool, id).await? else {
        return Ok(None);
    };
    let stories = content::mailings::stories(pool, id).await?;
    content::mailings::start(pool, id, &render(site_url, &issue, &stories)).await
}
