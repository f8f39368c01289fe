//! RSS 2.0 and Atom feeds of each edition and each section, written with the `rss` and
//! `atom_syndication` crates: `/{lang}/feed.xml`, `/{lang}/atom.xml`,
//! `/{lang}/section/{slug}/feed.xml`, `/{lang}/section/{slug}/atom.xml`.
//! Entries carry the whole article (links made absolute) so feed readers show it all.

use crate::http::syndication::{absolute_links, not_found, Syndication};
use app::i18n::Texts;
use atom_syndication as atom;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset};
use content::address::Page;
use content::lang::Lang;
use content::syndication::{newest_articles, newest_issues, FeedEntry};
use content::DataError;

/// Articles in each feed: a month or so of news, the size readers expect.
pub const FEED_LENGTH: u32 = 30;

/// Which feed: an edition's news, or one section with its sub-sections.
struct FeedScope {
    lang: Lang,
    title: String,
    description: String,
    /// Site-relative address of the page the feed follows.
    page: String,
    /// Site-relative address of the feed, without `feed.xml`/`atom.xml`.
    base: String,
    entries: Vec<FeedEntry>,
}

/// The two formats every feed is offered in.
#[derive(Clone, Copy)]
enum Format {
    Rss,
    Atom,
}

/// `/{lang}/feed.xml` — RSS 2.0 of the edition's newest articles.
pub async fn edition_rss(state: State<Syndication>, Path(lang): Path<String>) -> Response {
    respond(&state, edition(&state, &lang).await, Format::Rss)
}

/// `/{lang}/atom.xml` — the same as Atom 1.0.
pub async fn edition_atom(state: State<Syndication>, Path(lang): Path<String>) -> Response {
    respond(&state, edition(&state, &lang).await, Format::Atom)
}

/// `/{lang}/section/{slug}/feed.xml` — RSS 2.0 of a section and its sub-sections.
pub async fn section_rss(
    state: State<Syndication>,
    Path((lang, slug)): Path<(String, String)>,
) -> Response {
    respond(&state, section(&state, &lang, &slug).await, Format::Rss)
}

/// `/{lang}/section/{slug}/atom.xml` — the same as Atom 1.0.
pub async fn section_atom(
    state: State<Syndication>,
    Path((lang, slug)): Path<(String, String)>,
) -> Response {
    respond(&state, section(&state, &lang, &slug).await, Format::Atom)
}

/// The feed (last modified when its newest entry was), a 404 for an unknown edition
/// or section, or a 500 (logged).
fn respond(
    state: &Syndication,
    found: Result<Option<FeedScope>, DataError>,
    format: Format,
) -> Response {
    let changed = match &found {
        Ok(Some(scope)) => scope
            .entries
            .iter()
            .map(|entry| entry.updated_at.as_str())
            .max()
            .and_then(content::cache::http_date)
            .and_then(|date| HeaderValue::from_str(&date).ok()),
        _ => None,
    };
    let mut response = match (found, format) {
        (Ok(Some(scope)), Format::Rss) => rss_response(state, scope),
        (Ok(Some(scope)), Format::Atom) => atom_response(state, scope),
        (Ok(None), _) => not_found(),
        (Err(err), _) => {
            tracing::error!(%err, "feed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    };
    if let Some(changed) = changed {
        response
            .headers_mut()
            .insert(header::LAST_MODIFIED, changed);
    }
    response
}

async fn edition(state: &Syndication, lang: &str) -> Result<Option<FeedScope>, DataError> {
    let Some(lang) = Lang::from_code(lang) else {
        return Ok(None);
    };
    let t = lang.t();
    Ok(Some(FeedScope {
        lang,
        title: t.site_name.to_owned(),
        description: t.tagline.to_owned(),
        page: Page::Home.path(lang),
        base: Page::Home.path(lang),
        entries: with_issues(
            newest_articles(&state.pool, lang, None, FEED_LENGTH).await?,
            newest_issues(&state.pool, lang, FEED_LENGTH).await?,
        ),
    }))
}

/// An edition's stories and the sent issues of its lists, newest first, as many as a
/// feed carries.
fn with_issues(mut entries: Vec<FeedEntry>, issues: Vec<FeedEntry>) -> Vec<FeedEntry> {
    entries.extend(issues);
    entries.sort_by(|a, b| b.published_at.cmp(&a.published_at));
    entries.truncate(FEED_LENGTH as usize);
    entries
}

async fn section(
    state: &Syndication,
    lang: &str,
    slug: &str,
) -> Result<Option<FeedScope>, DataError> {
    let Some(lang) = Lang::from_code(lang) else {
        return Ok(None);
    };
    let Some(section) = content::sections::by_slug(&state.pool, lang, slug).await? else {
        return Ok(None);
    };
    let page = Page::section(&section.slug).path(lang);
    let t = lang.t();
    Ok(Some(FeedScope {
        lang,
        title: format!("{} — {}", section.name, t.site_name),
        description: if section.description.is_empty() {
            t.tagline.to_owned()
        } else {
            section.description.clone()
        },
        base: format!("{page}/"),
        page,
        entries: newest_articles(&state.pool, lang, Some(section.id), FEED_LENGTH).await?,
    }))
}

/// Stored dates are UTC ISO-8601; anything unreadable becomes the Unix epoch rather
/// than breaking the feed.
fn date(iso: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(iso).unwrap_or_default()
}

fn xml_response(content_type: &'static str, body: String) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

fn rss_response(state: &Syndication, scope: FeedScope) -> Response {
    use rss::extension::atom::{AtomExtension, Link};
    use rss::extension::dublincore::DublinCoreExtension;
    let site = &state.site_url;
    let items = scope
        .entries
        .iter()
        .map(|entry| {
            let link = format!("{site}{}", entry.path(scope.lang));
            rss::Item {
                title: Some(entry.title.clone()),
                link: Some(link.clone()),
                description: Some(entry.summary.clone()),
                content: Some(absolute_links(&entry.body_html, site)),
                guid: Some(rss::Guid {
                    value: link,
                    permalink: true,
                }),
                pub_date: Some(date(&entry.published_at).to_rfc2822()),
                categories: entry
                    .section_name
                    .iter()
                    .map(|name| rss::Category {
                        name: name.clone(),
                        domain: None,
                    })
                    .collect(),
                enclosure: entry.cover_path.as_ref().map(|cover| rss::Enclosure {
                    url: format!("{site}/media/{cover}"),
                    length: entry.cover_bytes.unwrap_or(0).to_string(),
                    mime_type: entry.cover_mime.clone().unwrap_or_default(),
                }),
                // RSS's own <author> wants an e-mail address; the byline goes in dc:creator.
                dublin_core_ext: (!entry.signature.is_empty()).then(|| DublinCoreExtension {
                    creators: vec![entry.signature.clone()],
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title: scope.title,
        link: format!("{site}{}", scope.page),
        description: scope.description,
        language: Some(scope.lang.code().to_owned()),
        last_build_date: scope
            .entries
            .iter()
            .map(|e| e.updated_at.as_str())
            .max()
            .map(|d| date(d).to_rfc2822()),
        generator: Some("ccme-portal".to_owned()),
        image: Some(rss::Image {
            url: format!("{site}/icons/icon-192.png"),
            title: scope.lang.t().site_name.to_owned(),
            link: format!("{site}/{}/", scope.lang.code()),
            ..Default::default()
        }),
        atom_ext: Some(AtomExtension {
            links: vec![Link {
                href: format!("{site}{}feed.xml", scope.base),
                rel: "self".to_owned(),
                mime_type: Some("application/rss+xml".to_owned()),
                ..Default::default()
            }],
        }),
        items,
        ..Default::default()
    };
    xml_response("application/rss+xml; charset=utf-8", channel.to_string())
}

fn atom_response(state: &Syndication, scope: FeedScope) -> Response {
    let site = &state.site_url;
    let lang = scope.lang.code();
    let link = |href: String, rel: &str, mime: &str| atom::Link {
        href,
        rel: rel.to_owned(),
        hreflang: Some(lang.to_owned()),
        mime_type: Some(mime.to_owned()),
        ..Default::default()
    };
    let publisher = atom::Person {
        name: scope.lang.t().site_name.to_owned(),
        uri: Some(format!("{site}/{lang}/")),
        ..Default::default()
    };
    let entries: Vec<atom::Entry> = scope
        .entries
        .iter()
        .map(|entry| {
            let href = format!("{site}{}", entry.path(scope.lang));
            atom::Entry {
                title: entry.title.as_str().into(),
                id: href.clone(),
                updated: date(&entry.updated_at),
                published: Some(date(&entry.published_at)),
                authors: vec![if entry.signature.is_empty() {
                    publisher.clone()
                } else {
                    atom::Person {
                        name: entry.signature.clone(),
                        ..Default::default()
                    }
                }],
                links: vec![link(href, "alternate", "text/html")],
                categories: entry
                    .section_name
                    .iter()
                    .map(|name| atom::Category {
                        term: name.clone(),
                        ..Default::default()
                    })
                    .collect(),
                summary: (!entry.summary.is_empty()).then(|| entry.summary.as_str().into()),
                content: Some(atom::Content {
                    value: Some(absolute_links(&entry.body_html, site)),
                    content_type: Some("html".to_owned()),
                    lang: Some(lang.to_owned()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .collect();
    let feed = atom::Feed {
        title: scope.title.as_str().into(),
        id: format!("{site}{}atom.xml", scope.base),
        updated: entries.iter().map(|e| e.updated).max().unwrap_or_default(),
        authors: vec![publisher],
        links: vec![
            link(
                format!("{site}{}atom.xml", scope.base),
                "self",
                "application/atom+xml",
            ),
            link(format!("{site}{}", scope.page), "alternate", "text/html"),
        ],
        subtitle: Some(scope.description.as_str().into()),
        icon: Some(format!("{site}/icons/icon-192.png")),
        lang: Some(lang.to_owned()),
        entries,
        ..Default::default()
    };
    xml_response("application/atom+xml; charset=utf-8", feed.to_string())
}
