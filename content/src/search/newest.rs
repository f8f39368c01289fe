//! The newest matches of a query in one edition: the window a search ranks.
//!
//! SQLite's FTS5 walks its rowids (edition, then date) down and stops at the window's
//! end, whatever the word. PostgreSQL's GIN index cannot walk by date: it returns every
//! match of a word, which the table then reads and sorts — cheap for a rare word, slow
//! for one in a few percent of the stories (thousands of rows), and narrowing it with
//! the key's own index costs as much (a bitmap of every key of the edition). So on
//! PostgreSQL a search first checks the newest few hundred stories one by one. A word
//! that many of them hold is then looked for story by story down the dates. For a
//! rarer one, every story's words also hold the tokens of its spans of dates
//! ([`index::Span`]: about 24 days, 97 days, a year, the edition), and the search asks the
//! words' index for the word AND the newest spans, as many as the share of matches so
//! far says the window needs; the index intersects the two from the shorter list, and
//! the table is read for those matches only.

use super::index::{self, Span, EDITION, PERIOD, QUARTER, YEAR};
use super::query::ParsedQuery;
use super::rank::places_sql;
use crate::model::SEARCH_WINDOW;
use crate::sql::Backend;
use crate::{DataResult, Db};

/// The thresholds of the search on PostgreSQL (the tests shrink them, to take every
/// way on a small archive).
#[derive(Debug, Clone, Copy)]
struct Tuning {
    /// How many matches are wanted: the window and one more, to tell it is full.
    wanted: usize,
    /// How many of the newest stories are checked one by one first.
    checked_first: i64,
    /// A word that one story in this many (or more) of those holds is looked for story
    /// by story down the dates; a rarer one is intersected with spans in the index.
    walk_below_one_in: i64,
    /// Most spans of one kind a slice names; past that, the next longer kind.
    max_spans_per_slice: i64,
}

/// Checking 400 stories takes under a millisecond; a walk then finds the window within
/// about 1,200 stories; eight spans keep the `tsquery` short.
const TUNING: Tuning = Tuning {
    wanted: SEARCH_WINDOW as usize + 1,
    checked_first: 400,
    walk_below_one_in: 3,
    max_spans_per_slice: 8,
};

/// What a search on PostgreSQL did, in order (for the tests).
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// Checked the newest stories one by one.
    Checked,
    /// Walked down the dates story by story.
    Walked,
    /// Asked the index for the word in this many spans of this kind.
    Slice(Span, usize),
}

/// A story that matches a search.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Match {
    /// Its key in the index (edition, date, translation).
    pub key: i64,
    /// On PostgreSQL, where each query word is in it, a digit per word: 0 in the title,
    /// 1 in the summary, 2 elsewhere — read on the row while it was found, for ranking
    /// ([`super::rank`]). Empty on SQLite, whose index is asked afterwards.
    pub places: String,
}

/// `expression`'s matches among the stories keyed `low..=high` (one edition), newest
/// first, at most `SEARCH_WINDOW + 1`.
pub(super) async fn newest_matches(
    pool: &Db,
    query: &ParsedQuery,
    expression: &str,
    low: i64,
    high: i64,
) -> DataResult<Vec<Match>> {
    let want = SEARCH_WINDOW as usize + 1;
    if pool.backend() == Backend::Sqlite {
        let keys: Vec<i64> = crate::sql::query_scalar(
            "SELECT rowid FROM search_index
             WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?
             ORDER BY rowid DESC LIMIT ?",
        )
        .bind(expression)
        .bind(low)
        .bind(high)
        .bind(want as i64)
        .fetch_all(pool)
        .await?;
        let places = String::new();
        return Ok(keys
            .into_iter()
            .map(|key| Match {
                key,
                places: places.clone(),
            })
            .collect());
    }
    on_postgres(
        pool,
        query,
        expression,
        (low, high),
        TUNING,
        &mut Vec::new(),
    )
    .await
}

/// [`newest_matches`] on PostgreSQL, with its thresholds and a record of its steps.
async fn on_postgres(
    pool: &Db,
    query: &ParsedQuery,
    expression: &str,
    (low, high): (i64, i64),
    tuning: Tuning,
    steps: &mut Vec<Step>,
) -> DataResult<Vec<Match>> {
    let want = tuning.wanted;
    let (places, place_binds) = places_sql(query);
    steps.push(Step::Checked);
    // The newest stories, each checked: what share of them match says how to go on.
    let newest = fetch(
        pool,
        format!(
            "SELECT key, {places} AS places, ts_match_vq(words, CAST(? AS tsquery)) AS matches
             FROM search_index WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT ?"
        ),
        &place_binds,
        (
            expression.to_owned(),
            low,
            high,
            tuning.checked_first as usize,
        ),
    )
    .await?;
    let (Some(top), Some(oldest_checked)) = (newest.first(), newest.last()) else {
        return Ok(Vec::new());
    };
    let (top, mut upper) = (top.key, oldest_checked.key - 1);
    let all_checked = (newest.len() as i64) < tuning.checked_first;
    let mut found: Vec<Match> = newest
        .into_iter()
        .filter(|row| row.matches)
        .map(Match::from)
        .collect();
    if found.len() >= want || all_checked {
        found.truncate(want);
        return Ok(found);
    }
    if found.len() as i64 * tuning.walk_below_one_in >= tuning.checked_first {
        steps.push(Step::Walked);
        // A common word: on down the dates, story by story (the key's index only: the
        // words are checked by a function, which no index serves).
        let more = fetch(
            pool,
            format!(
                "SELECT key, {places} AS places, true AS matches FROM search_index
                 WHERE ts_match_vq(words, CAST(? AS tsquery)) AND key BETWEEN ? AND ?
                 ORDER BY key DESC LIMIT ?"
            ),
            &place_binds,
            (expression.to_owned(), low, upper, want - found.len()),
        )
        .await?;
        found.extend(more.into_iter().map(Match::from));
        return Ok(found);
    }
    loop {
        let seconds_read = index::seconds(top) - index::seconds(upper + 1) + 1;
        let seconds = seconds_for(want - found.len(), found.len(), seconds_read);
        let (span, spans) = slice_spans(upper, seconds, low, tuning.max_spans_per_slice);
        let slice_low = span.first_key(*spans.start()).max(low);
        let tokens: Vec<String> = spans.map(|n| format!("'{}'", span.token(n))).collect();
        steps.push(Step::Slice(span, tokens.len()));
        let matches = fetch(
            pool,
            // `key + 0`: the key's own index is not to be used, neither to narrow (the
            // spans do, far more cheaply) nor to walk down by date (the planner would
            // start at the top of the newest edition, whichever is asked for).
            format!(
                "SELECT key, {places} AS places, true AS matches FROM search_index
                 WHERE words @@ CAST(? AS tsquery) AND key + 0 BETWEEN ? AND ?
                 ORDER BY key + 0 DESC LIMIT ?"
            ),
            &place_binds,
            (
                format!("({expression}) & ({})", tokens.join(" | ")),
                slice_low,
                upper,
                want - found.len(),
            ),
        )
        .await?;
        found.extend(matches.into_iter().map(Match::from));
        if found.len() >= want || slice_low <= low {
            return Ok(found);
        }
        upper = slice_low - 1;
    }
}

/// A row as the queries above return it: key, places, whether the words match.
#[derive(sqlx::FromRow)]
struct Row {
    key: i64,
    places: String,
    matches: bool,
}

impl From<Row> for Match {
    fn from(row: Row) -> Self {
        Match {
            key: row.key,
            places: row.places,
        }
    }
}

/// Runs one of the queries above, which all take the places' values, then a
/// `tsquery`, the lowest and highest key, and how many rows at most. Planned for the
/// words and spans at hand (unnamed statements), not once for any.
async fn fetch(
    pool: &Db,
    sql: String,
    place_binds: &[String],
    (expression, low, high, limit): (String, i64, i64, usize),
) -> DataResult<Vec<Row>> {
    let mut query = crate::sql::query_as::<Row>(&sql);
    for value in place_binds {
        query = query.bind(value.clone());
    }
    Ok(query
        .bind(expression)
        .bind(low)
        .bind(high)
        .bind(limit as i64)
        .planned_each_time()
        .fetch_all(pool)
        .await?)
}

/// How many seconds of dates the next slice covers: enough, at the rate of matches so
/// far and with a quarter more as margin, for the `missing` matches; all that is left when
/// none was found (a rare word, which its own list in the index finds at once).
fn seconds_for(missing: usize, found: usize, seconds_read: i64) -> i64 {
    if found == 0 {
        return i64::MAX;
    }
    let wanted = (missing as i128 * seconds_read as i128 * 5).div_euclid(found as i128 * 4);
    i64::try_from(wanted).unwrap_or(i64::MAX).max(1)
}

/// The spans of the slice that starts at key `upper` and goes `seconds` back (but not
/// below `low`): periods when at most `max_spans` do, else quarters, else years, else
/// the rest of the edition.
fn slice_spans(
    upper: i64,
    seconds: i64,
    low: i64,
    max_spans: i64,
) -> (Span, std::ops::RangeInclusive<i64>) {
    let oldest_key = upper
        .saturating_sub(seconds.saturating_mul(1 << index::ID_BITS))
        .max(low);
    for span in [PERIOD, QUARTER, YEAR] {
        let (newest, oldest) = (span.of(upper), span.of(oldest_key));
        if newest - oldest < max_spans {
            return (span, oldest..=newest);
        }
    }
    let edition = EDITION.of(upper);
    (EDITION, edition..=edition)
}

#[cfg(test)]
mod tests;
