//! What feeds and sitemaps read: the newest articles in full for RSS/Atom, and every
//! published address with its translations for the sitemaps, read in id order batch by
//! batch so a 100,000-article archive streams out in constant memory.

use super::sections::SUBTREE;
use super::DataResult;
use crate::address::{story_path, Named, Page};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::Db;

/// One article as a feed carries it: the whole text, dates, author and section.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedEntry {
    /// article, interview, profile, publication, episode (decides the address).
    pub kind: StoryKind,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body_html: String,
    pub signature: String,
    pub published_at: String,
    pub updated_at: String,
    pub section_name: Option<String>,
    pub cover_path: Option<String>,
    pub cover_mime: Option<String>,
    pub cover_bytes: Option<i64>,
    /// The entry's address when it is no story's: a sent issue of the newsletter or
    /// the press review (`Page::Issue`). Stories' addresses come from `kind` and `slug`.
    #[sqlx(skip)]
    pub path: Option<String>,
}

impl FeedEntry {
    /// The entry's site-relative address in edition `lang`.
    pub fn path(&self, lang: Lang) -> String {
        self.path
            .clone()
            .unwrap_or_else(|| story_path(lang, self.kind, &self.slug))
    }
}

/// The newest `limit` sent issues of the lists in `lang` as feed entries (issue 20):
/// the edition's feeds carry them beside its stories, each with its introduction and
/// the links of its stories.
pub async fn newest_issues(pool: &Db, lang: Lang, limit: u32) -> DataResult<Vec<FeedEntry>> {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    let mut entries = Vec::new();
    for issue in crate::mailings::archive(pool, lang, i64::from(limit)).await? {
        let mut body = crate::editorial::markdown::to_html(&issue.intro);
        body.push_str("<ul>");
        for story in crate::mailings::stories(pool, issue.id).await? {
            let Some(kind) = StoryKind::from_code(&story.kind) else {
                continue;
            };
            body.push_str(&format!(
                "<li><a href=\"{}\">{}</a>{}</li>",
                attr(&story_path(lang, kind, &story.slug)),
                text(&story.title),
                if story.source.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", text(&story.source))
                }
            ));
        }
        body.push_str("</ul>");
        let sent = issue
            .started_at
            .clone()
            .unwrap_or_else(|| issue.created_at.clone());
        entries.push(FeedEntry {
            kind: StoryKind::Article,
            slug: String::new(),
            title: issue.subject.clone(),
            summary: issue.subject.clone(),
            body_html: body,
            signature: String::new(),
            updated_at: issue.finished_at.clone().unwrap_or_else(|| sent.clone()),
            published_at: sent,
            section_name: None,
            cover_path: None,
            cover_mime: None,
            cover_bytes: None,
            path: Some(Page::Issue(issue.id).path(lang)),
        });
    }
    Ok(entries)
}

/// The kinds of story an edition's feeds carry (every kind but static pages).
const FEED_KINDS: [&str; 5] = ["article", "interview", "profile", "publication", "episode"];

/// The newest `limit` published stories of `lang` (articles, interviews, profiles,
/// publications, episodes; never static pages), in section `section_id` and its
/// sub-sections when given. Index ranges only (`story_tr_latest`, `story_tr_section`).
pub async fn newest_articles(
    pool: &Db,
    lang: Lang,
    section_id: Option<i64>,
    limit: u32,
) -> DataResult<Vec<FeedEntry>> {
    // The newest ids come from the index alone; only those rows (with their long
    // bodies) are then read — sorting whole rows would read every body of the section.
    // An edition's feed takes the newest of each kind from its own index range and
    // keeps the newest of those: constant work however large the archive.
    let sql = crate::sql::dialect_sql!({
        let (with, newest_ids) = match section_id {
            // Static pages have no section: the section index alone answers.
            Some(_) => (
                SUBTREE,
                format!(
                    "SELECT t.id FROM story_translations t
                     WHERE t.lang = ?2 AND t.section_id IN (SELECT id FROM tree) AND {PUBLISHED}
                     ORDER BY t.published_at DESC LIMIT ?3"
                ),
            ),
            None => {
                let arms: Vec<String> = FEED_KINDS
                    .iter()
                    .map(|kind| {
                        format!(
                            "SELECT * FROM (SELECT t.id, t.published_at FROM story_translations t
                             WHERE t.lang = ?2 AND t.kind = '{kind}' AND {PUBLISHED}
                             ORDER BY t.published_at DESC LIMIT ?3) AS {kind}"
                        )
                    })
                    .collect();
                (
                    "",
                    format!(
                        "SELECT id FROM ({}) AS newest ORDER BY published_at DESC LIMIT ?3",
                        arms.join(" UNION ALL ")
                    ),
                )
            }
        };
        format!(
            "{with} SELECT t.kind, t.slug, t.title, t.summary, t.body_html, t.signature,
                    t.published_at, t.updated_at, st.name AS section_name,
                    m.path AS cover_path, m.mime AS cover_mime, m.bytes AS cover_bytes
             FROM story_translations t
             LEFT JOIN section_translations st ON st.section_id = t.section_id AND st.lang = t.lang
             LEFT JOIN media m ON m.id = t.cover_media_id
             WHERE t.id IN ({newest_ids})
             ORDER BY t.published_at DESC"
        )
    });
    Ok(crate::sql::query_as(&sql)
        .bind(section_id.unwrap_or(0))
        .bind(lang.code())
        .bind(i64::from(limit))
        .fetch_all(pool)
        .await?)
}

/// Most addresses in one sitemap file (the protocol's limit).
pub const SITEMAP_LIMIT: u32 = 50_000;

/// One address of a sitemap with the other editions of the same page.
#[derive(Debug, Clone, PartialEq)]
pub struct SitemapUrl {
    /// Site-relative path (`/fr/article/…`), slug percent-encoded.
    pub path: String,
    pub lastmod: String,
    /// Every edition of the page, this one included, when there are two or more.
    pub alternates: Vec<(Lang, String)>,
}

#[derive(sqlx::FromRow)]
struct StoryUrlRow {
    id: i64,
    lang: String,
    kind: StoryKind,
    slug: String,
    updated_at: String,
    /// `lang slug` of each published edition, one per line.
    editions: String,
}

impl StoryUrlRow {
    fn into_url(self) -> Option<SitemapUrl> {
        let lang = Lang::from_code(&self.lang)?;
        let mut alternates: Vec<(Lang, String)> = self
            .editions
            .lines()
            .filter_map(|line| line.split_once(' '))
            .filter_map(|(l, slug)| Lang::from_code(l).map(|l| (l, story_path(l, self.kind, slug))))
            .collect();
        alternates.sort_by_key(|(l, _)| l.position());
        if alternates.len() < 2 {
            alternates.clear();
        }
        Some(SitemapUrl {
            path: story_path(lang, self.kind, &self.slug),
            lastmod: self.updated_at,
            alternates,
        })
    }
}

/// Number of published story addresses (all editions), to split them into files.
pub async fn story_url_count(pool: &Db) -> DataResult<u32> {
    let count: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM story_translations t WHERE {PUBLISHED}"
    )))
    .fetch_one(pool)
    .await?;
    Ok(count as u32)
}

/// The translation id that sitemap file `file` (0-based, `per_file` addresses each)
/// starts at, if it has any.
pub async fn story_file_start(pool: &Db, file: u32, per_file: u32) -> DataResult<Option<i64>> {
    Ok(crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT t.id FROM story_translations t WHERE {PUBLISHED} ORDER BY t.id LIMIT 1 OFFSET ?"
    )))
    .bind(i64::from(file) * i64::from(per_file))
    .fetch_optional(pool)
    .await?)
}

/// Up to `limit` published story addresses from translation id `from_id` on, in id order,
/// and the id to continue from. Each carries its editions (one lookup by story).
pub async fn story_urls(
    pool: &Db,
    from_id: i64,
    limit: u32,
) -> DataResult<(Vec<SitemapUrl>, Option<i64>)> {
    let rows: Vec<StoryUrlRow> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT t.id, t.lang, t.kind, t.slug, t.updated_at,
            (SELECT string_agg(o.lang || ' ' || o.slug, '
') FROM story_translations o
             WHERE o.story_id = t.story_id AND o.status = 'published'
               AND o.published_at <= {NOW}) AS editions
         FROM story_translations t WHERE t.id >= ? AND {PUBLISHED} ORDER BY t.id LIMIT ?"
    )))
    .bind(from_id)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    let next = (rows.len() as u32 == limit)
        .then(|| rows.last().map(|r| r.id + 1))
        .flatten();
    Ok((
        rows.into_iter().filter_map(StoryUrlRow::into_url).collect(),
        next,
    ))
}

/// The listing pages of the other kinds of story, with the kind each lists.
const LISTINGS: [(Named, StoryKind); 4] = [
    (Named::Interviews, StoryKind::Interview),
    (Named::Faces, StoryKind::Profile),
    (Named::Publications, StoryKind::Publication),
    (Named::Podcasts, StoryKind::Episode),
];

/// Home pages, listings and sections of every edition (the small sitemap file), with
/// the date of their newest story as `lastmod`.
pub async fn section_urls(pool: &Db) -> DataResult<Vec<SitemapUrl>> {
    let newest: Option<String> = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT max(t.published_at) FROM story_translations t WHERE {PUBLISHED}"
    )))
    .fetch_one(pool)
    .await?;
    let newest = newest.unwrap_or_default();
    let homes: Vec<(Lang, String)> = Lang::ALL.iter().map(|&l| (l, Page::Home.path(l))).collect();
    let mut urls: Vec<SitemapUrl> = homes
        .iter()
        .map(|(_, home)| SitemapUrl {
            path: home.clone(),
            lastmod: newest.clone(),
            alternates: homes.clone(),
        })
        .collect();
    // The listings of the other kinds of story, dated by their newest entry.
    for (listing, kind) in LISTINGS {
        let editions: Vec<(Lang, String)> = Lang::ALL
            .iter()
            .map(|&l| (l, Page::Named(listing).path(l)))
            .collect();
        for (lang, href) in &editions {
            let lastmod: Option<String> =
                crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
                    "SELECT max(t.published_at) FROM story_translations t
                 WHERE t.lang = ? AND t.kind = ? AND {PUBLISHED}"
                )))
                .bind(lang.code())
                .bind(kind)
                .fetch_one(pool)
                .await?;
            urls.push(SitemapUrl {
                path: href.clone(),
                lastmod: lastmod.unwrap_or_else(|| newest.clone()),
                alternates: editions.clone(),
            });
        }
    }
    let rows: Vec<(i64, String, String, Option<String>)> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "SELECT st.section_id, st.lang, st.slug,
            (SELECT max(t.published_at) FROM story_translations t
             WHERE t.lang = st.lang AND t.section_id = st.section_id AND {PUBLISHED})
         FROM section_translations st ORDER BY st.section_id, st.lang"
        )))
        .fetch_all(pool)
        .await?;
    for group in rows.chunk_by(|a, b| a.0 == b.0) {
        let editions: Vec<(Lang, String)> = group
            .iter()
            .filter_map(|(_, l, slug, _)| {
                Lang::from_code(l).map(|l| (l, Page::section(slug).path(l)))
            })
            .collect();
        for (lang, href) in &editions {
            let lastmod = group
                .iter()
                .find(|row| row.1 == lang.code())
                .and_then(|row| row.3.clone())
                .unwrap_or_else(|| newest.clone());
            urls.push(SitemapUrl {
                path: href.clone(),
                lastmod,
                alternates: if editions.len() > 1 {
                    editions.clone()
                } else {
                    Vec::new()
                },
            });
        }
    }
    Ok(urls)
}

/// An article for the news sitemap.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsUrl {
    pub lang: Lang,
    pub path: String,
    pub title: String,
    pub published_at: String,
}

/// Articles published in the last two days (Google News sitemaps list no older ones),
/// newest first, at most 1,000.
pub async fn recent_news(pool: &Db) -> DataResult<Vec<NewsUrl>> {
    // Each edition is one range of `story_tr_latest`; two days of news is a short sort.
    let editions = Lang::ALL.map(|l| format!("'{}'", l.code())).join(", ");
    let sql = crate::sql::dialect_sql!({
        let two_days_ago = now_moved("'-2 days'");
        format!(
            "SELECT t.lang, t.slug, t.title, t.published_at FROM story_translations t
             WHERE t.lang IN ({editions}) AND t.status = 'published' AND t.kind = 'article'
               AND t.published_at >= {two_days_ago} AND {PUBLISHED}
             ORDER BY t.published_at DESC LIMIT 1000"
        )
    });
    let rows: Vec<(String, String, String, String)> =
        crate::sql::query_as(&sql).fetch_all(pool).await?;
    Ok(rows
        .into_iter()
        .filter_map(|(lang, slug, title, published_at)| {
            let lang = Lang::from_code(&lang)?;
            Some(NewsUrl {
                lang,
                path: story_path(lang, StoryKind::Article, &slug),
                title,
                published_at,
            })
        })
        .collect())
}
