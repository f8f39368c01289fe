//! Ordering a search's window of matches best first: where each query word is in a
//! story (title, summary, elsewhere), as the index says, on either database.

use super::index;
use super::newest::Match;
use super::query::ParsedQuery;
use crate::sql::Backend;
use crate::{DataResult, Db};

/// Weight of a query word found in the title, in the summary, elsewhere (the body).
const TITLE_WEIGHT: u32 = 10;
const SUMMARY_WEIGHT: u32 = 4;
const BODY_WEIGHT: u32 = 1;

/// Orders `window` (newest first) best first: each query word weighs
/// [`TITLE_WEIGHT`] when the story has it in its title, else [`SUMMARY_WEIGHT`] in its
/// summary, else [`BODY_WEIGHT`]; the newest first among equals (the sort is stable).
/// The index itself says which column holds which word, so nothing is re-read or
/// re-stemmed here: FTS5 is asked now; PostgreSQL said it with the matches
/// ([`Match::places`]).
pub(super) async fn rank(pool: &Db, query: &ParsedQuery, window: &mut [Match]) -> DataResult<()> {
    let best = match pool.backend() {
        Backend::Sqlite => word_places_fts5(pool, query, window).await?,
        Backend::Postgres => word_places_postgres(window),
    };
    let terms = query.terms.len() as i64;
    window.sort_by_cached_key(|found| {
        let score: u32 = (0..terms)
            .map(|term| match best.get(&(found.key, term)) {
                Some(0) => TITLE_WEIGHT,
                Some(1) => SUMMARY_WEIGHT,
                _ => BODY_WEIGHT,
            })
            .sum();
        std::cmp::Reverse(score)
    });
    Ok(())
}

/// Per rowid of the window and query word (its index in the query): where the story
/// has the word, 0 in its title, 1 in its summary (absent: elsewhere).
type WordPlaces = std::collections::HashMap<(i64, i64), i64>;

/// [`WordPlaces`] from FTS5: one column-filtered match per word and column, limited to
/// the window's rowid span in each edition (a seek in FTS5's rowid order).
async fn word_places_fts5(
    pool: &Db,
    query: &ParsedQuery,
    window: &[Match],
) -> DataResult<WordPlaces> {
    // The window's rowid span in each edition it holds.
    let mut spans: Vec<(i64, i64)> = Vec::new();
    for rowid in window.iter().map(|found| found.key) {
        let edition = rowid & !index::DATE_ORDER_MASK;
        match spans
            .iter_mut()
            .find(|(low, _)| low & !index::DATE_ORDER_MASK == edition)
        {
            Some((low, high)) => {
                *low = (*low).min(rowid);
                *high = (*high).max(rowid);
            }
            None => spans.push((rowid, rowid)),
        }
    }
    let mut selects = Vec::new();
    let mut expressions = Vec::new();
    for (term, word) in query.terms.iter().enumerate() {
        for (column, name) in [(0, "title"), (1, "summary")] {
            for (low, high) in &spans {
                selects.push(format!(
                    "SELECT rowid, {term}, {column} FROM search_index
                     WHERE search_index MATCH ? AND rowid BETWEEN {low} AND {high}"
                ));
                expressions.push(format!("{{{name}}} : ({})", word.fts_expression()));
            }
        }
    }
    let sql = selects.join(" UNION ALL ");
    let mut found = crate::sql::query_as::<(i64, i64, i64)>(&sql);
    for expression in expressions {
        found = found.bind(expression);
    }
    let mut best = WordPlaces::new();
    for (rowid, term, column) in found.fetch_all(pool).await? {
        best.entry((rowid, term))
            .and_modify(|c| *c = (*c).min(column))
            .or_insert(column);
    }
    Ok(best)
}

/// The SQL that says, on a row of PostgreSQL's index, where each query word is: a
/// digit per word, 0 in the title, 1 in the summary, 2 elsewhere (see
/// [`Match::places`]); with the values to bind first, in order.
pub(super) fn places_sql(query: &ParsedQuery) -> (String, Vec<String>) {
    let places = vec![
        "CASE WHEN title @@ CAST(? AS tsquery) THEN '0' \
              WHEN summary @@ CAST(? AS tsquery) THEN '1' ELSE '2' END";
        query.terms.len()
    ];
    let binds = query
        .terms
        .iter()
        .flat_map(|term| {
            let expression = term.ts_query();
            [expression.clone(), expression]
        })
        .collect();
    (format!("concat({})", places.join(", ")), binds)
}

/// [`WordPlaces`] from the digits PostgreSQL gave with each match ([`places_sql`]).
fn word_places_postgres(window: &[Match]) -> WordPlaces {
    let mut best = WordPlaces::new();
    for found in window {
        for (term, digit) in found.places.bytes().enumerate() {
            if digit < b'2' {
                best.insert((found.key, term as i64), i64::from(digit - b'0'));
            }
        }
    }
    best
}
