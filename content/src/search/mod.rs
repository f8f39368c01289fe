//! Full-text search over the archive (SQLite FTS5 or PostgreSQL tsvectors; words folded
//! in Rust, so both databases match the same words the same way).
//!
//! Ranking: every word of the query must match; each counts 10 when it is in the
//! title, 4 in the summary, 1 in the body, and newer stories win ties. (SQLite's BM25
//! needs word positions in the index, which would make it several times larger, and
//! its IDF vanishes for words found in most stories — "Maroc" here — so the title
//! would stop counting for exactly the queries readers type most.)
//!
//! Index rowids are in date order, so a query walks its matches from the newest and
//! stops after [`SEARCH_WINDOW`] + 1 (on PostgreSQL, whose index cannot walk by date,
//! by the ways of [`newest`]): counting, ranking and paging cost the same for a
//! rare name and for a one-letter prefix that matches the whole archive. Past that many
//! matches the count shows as "500+" and the ranking covers the newest 500, which
//! is what a reader refining a broad query wants from a news archive.

pub mod excerpt;
pub mod index;
mod newest;
pub mod normalize;
pub mod query;
mod rank;

use super::stories::{card_query_with, CardRow};
use super::DataResult;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{SearchHit, SectionChoice, StoryCard, SEARCH_WINDOW};
use crate::sql::Backend;
use crate::Db;
use excerpt::{excerpt_around_match, excerpt_start, highlight, html_to_text};
use newest::Match;
use query::ParsedQuery;

/// What to search for and how much of it to return.
#[derive(Debug, Clone)]
pub struct SearchRequest<'a> {
    pub text: &'a str,
    /// The edition searched from: its language, unless `all_languages`.
    pub lang: Lang,
    pub all_languages: bool,
    /// Only this section and its sub-sections.
    pub section_id: Option<i64>,
    pub year: Option<i32>,
    pub page: u32,
    pub per_page: u32,
    /// Length of the excerpt under each result, in words.
    pub excerpt_words: usize,
}

impl<'a> SearchRequest<'a> {
    /// Page 1 of `text` in the `lang` edition, unfiltered, a results page long.
    pub fn new(text: &'a str, lang: Lang) -> Self {
        SearchRequest {
            text,
            lang,
            all_languages: false,
            section_id: None,
            year: None,
            page: 1,
            per_page: crate::model::PAGE_SIZE,
            excerpt_words: 36,
        }
    }
}

/// A page of results with the count of all matches.
#[derive(Debug, Clone, Default)]
pub struct SearchOutcome {
    pub hits: Vec<SearchHit>,
    pub total: u32,
    /// More matches than [`SEARCH_WINDOW`].
    pub capped: bool,
    /// The query was cut to its first [`query::MAX_QUERY_CHARS`] characters.
    pub truncated: bool,
}

/// Unix time of 1 January of `year`, 00:00 UTC (days-from-civil, proleptic Gregorian).
fn year_start(year: i32) -> i64 {
    let y = i64::from(year) - 1;
    let days = 365 * y + y / 4 - y / 100 + y / 400 - 719_162;
    days * 86_400
}

fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// The full match for `backend`: the section filter as a facet token, then the words.
fn match_expression(query: &ParsedQuery, request: &SearchRequest, backend: Backend) -> String {
    match (backend, request.section_id) {
        (Backend::Sqlite, Some(section)) => {
            format!("facets : \"s_{section}\" AND {}", query.fts_expression())
        }
        (Backend::Sqlite, None) => query.fts_expression(),
        (Backend::Postgres, Some(section)) => format!("'s_{section}' & {}", query.ts_query()),
        (Backend::Postgres, None) => query.ts_query(),
    }
}

/// The editions a request searches.
fn languages(request: &SearchRequest) -> Vec<Lang> {
    if request.all_languages {
        Lang::ALL.to_vec()
    } else {
        vec![request.lang]
    }
}

/// The matches, newest first, at most `SEARCH_WINDOW + 1`: per edition its newest
/// matches in the dates asked for ([`newest::newest_matches`]), then merged by date.
async fn newest_matches(
    pool: &Db,
    query: &ParsedQuery,
    request: &SearchRequest<'_>,
) -> DataResult<Vec<Match>> {
    let (from, to) = match request.year {
        Some(year) => (
            year_start(year),
            year_start(year + 1).min(now_seconds() + 1),
        ),
        None => (0, now_seconds() + 1),
    };
    let expression = match_expression(query, request, pool.backend());
    let mut found: Vec<Match> = Vec::new();
    for lang in languages(request) {
        let (low, high) = index::rowid_range(lang, from, to);
        found.extend(newest::newest_matches(pool, query, &expression, low, high).await?);
    }
    found.sort_by_key(|found| std::cmp::Reverse(found.key & index::DATE_ORDER_MASK));
    found.truncate(SEARCH_WINDOW as usize + 1);
    Ok(found)
}

/// Most words a typed prefix is expanded into; beyond, FTS5 matches the prefix itself.
const MAX_EXPANSIONS: i64 = 64;

/// Looks up the indexed words that each long typed prefix begins (see the
/// `search_terms` table), so FTS5 matches them one by one, newest first, and stops
/// early — instead of first merging the complete lists of every such word.
async fn expand_prefixes(pool: &Db, query: &mut ParsedQuery) -> DataResult<()> {
    for term in query.terms.iter_mut() {
        if !term.prefix || term.word.chars().count() < index::MIN_TERM_CHARS {
            continue;
        }
        let words: Vec<String> =
            crate::sql::query_scalar(crate::sql::dialect_const!(const_format::concatcp!(
                "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || ",
                LAST_CHARACTER,
                " ORDER BY term LIMIT ?2"
            )))
            .bind(&term.word)
            .bind(MAX_EXPANSIONS + 1)
            .fetch_all(pool)
            .await?;
        if words.len() as i64 <= MAX_EXPANSIONS {
            term.expansions = Some(words);
        }
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct HitRow {
    id: i64,
    lang: String,
    kind: StoryKind,
    body_html: String,
    #[sqlx(flatten)]
    card: CardRow,
}

/// Runs a search: the page asked for, ranked, with titles and excerpts marked.
pub async fn search(pool: &Db, request: &SearchRequest<'_>) -> DataResult<SearchOutcome> {
    let mut query = ParsedQuery::parse(request.text, request.lang, request.all_languages);
    let mut outcome = SearchOutcome {
        truncated: query.truncated,
        ..SearchOutcome::default()
    };
    if query.is_empty() {
        return Ok(outcome);
    }
    expand_prefixes(pool, &mut query).await?;
    let mut window = newest_matches(pool, &query, request).await?;
    outcome.capped = window.len() > SEARCH_WINDOW as usize;
    window.truncate(SEARCH_WINDOW as usize);
    outcome.total = window.len() as u32;
    if request.per_page == 0 || window.is_empty() {
        return Ok(outcome);
    }
    rank::rank(pool, &query, &mut window).await?;
    let skip = request
        .page
        .saturating_sub(1)
        .saturating_mul(request.per_page) as usize;
    let ids: Vec<i64> = window
        .iter()
        .skip(skip)
        .take(request.per_page as usize)
        .map(|found| index::translation_id(found.key))
        .collect();
    if ids.is_empty() {
        return Ok(outcome);
    }
    let placeholders = vec!["?"; ids.len()].join(", ");
    let sql = crate::sql::dialect_sql!(card_query_with(
        "t.id, t.lang, t.kind, t.body_html",
        &format!("WHERE t.id IN ({placeholders}) AND {PUBLISHED}"),
    ));
    let mut rows = crate::sql::query_as::<HitRow>(&sql);
    for id in &ids {
        rows = rows.bind(id);
    }
    let mut rows = rows.fetch_all(pool).await?;
    rows.sort_by_key(|row| ids.iter().position(|&id| id == row.id));
    outcome.hits = rows
        .into_iter()
        .map(|row| to_hit(row, &query, request.excerpt_words))
        .collect();
    Ok(outcome)
}

/// A result as shown: title marked, the best passage (summary, else the body around
/// the first match) marked.
fn to_hit(row: HitRow, query: &ParsedQuery, excerpt_words: usize) -> SearchHit {
    let lang = Lang::from_code(&row.lang).unwrap_or(Lang::Fr);
    let page_kind = row.kind == StoryKind::Page;
    let card = StoryCard::from(row.card);
    // The summary when it matches, else the body around its first match, else the
    // start of the summary (or body).
    let excerpt_html = excerpt_around_match(&card.summary, query, lang, excerpt_words)
        .unwrap_or_else(|| {
            // The body is read as text once, for the match and for the fallback.
            let body = html_to_text(&row.body_html);
            excerpt_around_match(&body, query, lang, excerpt_words).unwrap_or_else(|| {
                let text = if card.summary.is_empty() {
                    &body
                } else {
                    &card.summary
                };
                excerpt_start(text, query, lang, excerpt_words)
            })
        });
    SearchHit {
        lang,
        href: crate::address::story_path(lang, card.kind, &card.slug),
        title_html: highlight(&card.title, query, lang),
        excerpt_html,
        published_at: if page_kind {
            String::new()
        } else {
            card.published_at
        },
        section: card.section,
        cover: card.cover,
    }
}

/// Sections of an edition in menu order, each main section followed by its
/// sub-sections, for the section filter.
pub async fn section_choices(pool: &Db, lang: Lang) -> DataResult<Vec<SectionChoice>> {
    let rows: Vec<(i64, Option<i64>, String, String)> = crate::sql::query_as(
        "SELECT s.id, s.parent_id, st.name, st.slug FROM sections s
         JOIN section_translations st ON st.section_id = s.id AND st.lang = ?
         ORDER BY s.position, s.id",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let mut choices = Vec::with_capacity(rows.len());
    for (id, parent, name, slug) in rows.iter().filter(|r| r.1.is_none()) {
        debug_assert!(parent.is_none());
        choices.push(SectionChoice {
            slug: slug.clone(),
            name: name.clone(),
            depth: 0,
        });
        for (_, _, name, slug) in rows.iter().filter(|r| r.1 == Some(*id)) {
            choices.push(SectionChoice {
                slug: slug.clone(),
                name: name.clone(),
                depth: 1,
            });
        }
    }
    Ok(choices)
}

/// Years with publications in an edition (all editions with `None`), newest first.
pub async fn years(pool: &Db, lang: Option<Lang>) -> DataResult<Vec<i32>> {
    let langs: Vec<Lang> = lang.map_or(Lang::ALL.to_vec(), |l| vec![l]);
    let mut first: Option<i32> = None;
    let mut last: Option<i32> = None;
    for lang in langs {
        // Each a lookup at one end of the (lang, status, kind, date) index.
        let (min, max): (Option<String>, Option<String>) =
            crate::sql::query_as(crate::sql::dialect_sql!(format!(
                "SELECT min(t.published_at), max(t.published_at) FROM story_translations t
             WHERE t.lang = ? AND t.kind = 'article' AND {PUBLISHED}"
            )))
            .bind(lang.code())
            .fetch_one(pool)
            .await?;
        let year = |date: Option<String>| date.and_then(|d| d.get(..4)?.parse::<i32>().ok());
        first = first.into_iter().chain(year(min)).min();
        last = last.into_iter().chain(year(max)).max();
    }
    Ok(match (first, last) {
        (Some(first), Some(last)) => (first..=last).rev().collect(),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests;
