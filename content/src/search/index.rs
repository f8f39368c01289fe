//! Keeping the search index in step with the stories (SQLite's FTS5 table, or
//! PostgreSQL's table of tsvectors: the same prepared words and the same keys).
//! Triggers (see the migrations) take a translation out of the index whenever it
//! changes or goes; the functions here put the current version back. `index_missing`
//! runs on start, `rebuild` on demand.

use super::excerpt::html_to_text;
use super::normalize::{index_text, STEM_MARK};
use super::query::INITIAL_MARK;
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::sql::{Backend, Sql};
use crate::DataResult;
use crate::{Db, Tx};

/// Bits of an index rowid that hold the translation id.
pub const ID_BITS: u32 = 28;
/// Bits above them that hold the publication time (Unix seconds, until year 2242).
const TIME_BITS: u32 = 33;
const ID_MASK: i64 = (1 << ID_BITS) - 1;
const TIME_MAX: i64 = (1 << TIME_BITS) - 1;
/// Everything below the language bits: ordering by it is ordering by date.
pub const DATE_ORDER_MASK: i64 = (1 << (ID_BITS + TIME_BITS)) - 1;

/// The index rowid of a translation in `lang` published at `seconds` (Unix time):
/// language, then time, then id. So within a language rowid order is date order, and
/// "this edition, published between two dates" is one rowid range — a seek in FTS5,
/// where a language token would have to be intersected with every query.
pub fn rowid(lang: Lang, seconds: i64, translation_id: i64) -> i64 {
    let lang_index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0) as i64;
    (lang_index << (ID_BITS + TIME_BITS))
        | (seconds.clamp(0, TIME_MAX) << ID_BITS)
        | (translation_id & ID_MASK)
}

/// The translation id held in an index rowid.
pub fn translation_id(rowid: i64) -> i64 {
    rowid & ID_MASK
}

/// A way of cutting an edition's keys into numbered spans of publication time, each a
/// token in PostgreSQL's index: a search asks its words' index for the matches in the
/// newest spans only (see `search::newest`), which the key's own index cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Bits of seconds one span covers.
    time_bits: u32,
    /// The token's start; a facet's mark (a letter and `_`), which no word has.
    mark: &'static str,
}

/// About 24 days (2^21 s) of an edition.
pub const PERIOD: Span = Span {
    time_bits: 21,
    mark: "p_",
};
/// About 97 days (2^23 s, 4 periods) of an edition.
pub const QUARTER: Span = Span {
    time_bits: 23,
    mark: "q_",
};
/// About 388 days (2^25 s, 4 quarters) of an edition.
pub const YEAR: Span = Span {
    time_bits: 25,
    mark: "y_",
};
/// A whole edition.
pub const EDITION: Span = Span {
    time_bits: TIME_BITS,
    mark: "e_",
};

impl Span {
    /// Every span, each story holding the token of each.
    pub const ALL: [Span; 4] = [PERIOD, QUARTER, YEAR, EDITION];

    fn shift(self) -> u32 {
        ID_BITS + self.time_bits
    }

    /// The number of the span holding `key` (its edition and its dates, one number).
    pub fn of(self, key: i64) -> i64 {
        key >> self.shift()
    }

    /// The first key of span `number`.
    pub fn first_key(self, number: i64) -> i64 {
        number << self.shift()
    }

    /// The token of span `number` (`p_4100`).
    pub fn token(self, number: i64) -> String {
        format!("{}{number}", self.mark)
    }
}

/// The publication time held in a key, in seconds.
pub fn seconds(key: i64) -> i64 {
    (key >> ID_BITS) & TIME_MAX
}

/// Smallest and largest rowid of `lang` published in `[from, to)` (Unix seconds).
pub fn rowid_range(lang: Lang, from: i64, to: i64) -> (i64, i64) {
    (rowid(lang, from, 0), rowid(lang, to, 0) - 1)
}

#[derive(sqlx::FromRow)]
struct Source {
    lang: String,
    kind: StoryKind,
    status: String,
    title: String,
    summary: String,
    body_html: String,
    seconds: i64,
    search_rowid: Option<i64>,
}

/// Puts translation `id` in the index as it is now (replacing an older entry), when it
/// is published. Returns whether it is indexed.
pub async fn index_translation(conn: &mut Tx, id: i64) -> DataResult<bool> {
    let Some(row) = crate::sql::query_as::<Source>(crate::sql::dialect_sql!(format!(
        "SELECT lang, kind, status, title, summary, body_html, search_rowid,
                COALESCE({}, 0) AS seconds
         FROM story_translations WHERE id = ?",
        unix_seconds("published_at")
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(false);
    };
    if let Some(old) = row.search_rowid {
        crate::sql::query(Sql::each(
            "DELETE FROM search_index WHERE rowid = ?",
            "DELETE FROM search_index WHERE key = ?",
        ))
        .bind(old)
        .execute(&mut *conn)
        .await?;
    }
    let lang = Lang::from_code(&row.lang).unwrap_or(Lang::Fr);
    let new_rowid = if row.status == "published" {
        let sections: Vec<i64> = crate::sql::query_scalar(
            "WITH RECURSIVE up(id, parent) AS (
               SELECT s.id, s.parent_id FROM story_translations t JOIN sections s ON s.id = t.section_id
               WHERE t.id = ?
               UNION ALL SELECT s.id, s.parent_id FROM sections s JOIN up ON s.id = up.parent)
             SELECT id FROM up",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let rowid = rowid(lang, row.seconds, id);
        let mut facets: Vec<String> = std::iter::once(format!("k_{}", row.kind))
            .chain(sections.iter().map(|s| format!("s_{s}")))
            .collect();
        let mut texts = [
            index_text(&row.title, lang),
            index_text(&row.summary, lang),
            index_text(&html_to_text(&row.body_html), lang),
        ];
        if conn.backend() == Backend::Postgres {
            for text in &mut texts {
                with_initials(text);
            }
            facets.extend(Span::ALL.map(|span| span.token(span.of(rowid))));
        }
        crate::sql::query(Sql::each(
            "INSERT INTO search_index (rowid, title, summary, body, facets) VALUES (?, ?, ?, ?, ?)",
            // The words as they are, without PostgreSQL's parser (empty ones left out);
            // title and summary apart for ranking, and every word together for matching.
            "INSERT INTO search_index (key, title, summary, words) VALUES (?1,
               array_to_tsvector(array_remove(string_to_array(?2, ' '), '')),
               array_to_tsvector(array_remove(string_to_array(?3, ' '), '')),
               array_to_tsvector(array_remove(
                 string_to_array(concat_ws(' ', ?2, ?3, ?4, ?5), ' '), '')))",
        ))
        .bind(rowid)
        .bind(&texts[0])
        .bind(&texts[1])
        .bind(&texts[2])
        .bind(facets.join(" "))
        .execute(&mut *conn)
        .await?;
        crate::sql::query(Sql::each(
            "INSERT OR IGNORE INTO search_terms (term) SELECT value FROM json_each(?)",
            "INSERT INTO search_terms (term)
             SELECT jsonb_array_elements_text(CAST(? AS jsonb)) ON CONFLICT DO NOTHING",
        ))
        .bind(long_words_json(&texts))
        .execute(&mut *conn)
        .await?;
        Some(rowid)
    } else {
        None
    };
    crate::sql::query("UPDATE story_translations SET search_rowid = ? WHERE id = ?")
        .bind(new_rowid)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(new_rowid.is_some())
}

/// Adds to an index text the token of each initial of its words (`m~`, see
/// [`INITIAL_MARK`]; PostgreSQL only, the migration 20261205000018 does the same).
fn with_initials(text: &mut String) {
    let mut initials: Vec<char> = text
        .split(' ')
        .filter(|word| !word.starts_with(STEM_MARK))
        .filter_map(|word| word.chars().next())
        .collect();
    initials.sort_unstable();
    initials.dedup();
    for initial in initials {
        text.push(' ');
        text.push(initial);
        text.push(INITIAL_MARK);
    }
}

/// Shortest word kept in `search_terms` (shorter prefixes have FTS prefix indexes).
pub const MIN_TERM_CHARS: usize = 4;

/// The distinct words of at least [`MIN_TERM_CHARS`] in index texts, as a JSON array
/// (stem tokens left out: a typed prefix never matches them). Folded words are letters
/// and digits only, so they need no JSON escaping.
fn long_words_json(texts: &[String]) -> String {
    let mut words: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split(' '))
        .filter(|w| !w.starts_with(STEM_MARK) && w.chars().count() >= MIN_TERM_CHARS)
        .collect();
    words.sort_unstable();
    words.dedup();
    debug_assert!(words.iter().all(|w| w.chars().all(char::is_alphanumeric)));
    if words.is_empty() {
        return "[]".to_owned();
    }
    format!("[\"{}\"]", words.join("\",\""))
}

/// Indexes every published translation that is not in the index (after an import, a
/// change, or the upgrade that created the index). Returns how many were indexed.
pub async fn index_missing(pool: &Db) -> DataResult<u64> {
    let mut done = 0;
    let mut after = 0_i64;
    loop {
        let mut tx = crate::write_tx(pool).await?;
        let ids: Vec<i64> = crate::sql::query_scalar(
            "SELECT id FROM story_translations
             WHERE search_rowid IS NULL AND status = 'published' AND id > ?
             ORDER BY id LIMIT 500",
        )
        .bind(after)
        .fetch_all(&mut tx)
        .await?;
        let Some(&last) = ids.last() else { break };
        for id in ids {
            done += u64::from(index_translation(&mut tx, id).await?);
        }
        tx.commit().await?;
        after = last;
    }
    Ok(done)
}

/// Empties the index and builds it again from the stories, then merges its segments
/// for the fastest reads. Returns how many translations were indexed.
pub async fn rebuild(pool: &Db) -> DataResult<u64> {
    let mut tx = crate::write_tx(pool).await?;
    crate::sql::query(Sql::each(
        "INSERT INTO search_index (search_index) VALUES ('delete-all')",
        "DELETE FROM search_index",
    ))
    .execute(&mut tx)
    .await?;
    crate::sql::query("DELETE FROM search_terms")
        .execute(&mut tx)
        .await?;
    crate::sql::query(
        "UPDATE story_translations SET search_rowid = NULL WHERE search_rowid IS NOT NULL",
    )
    .execute(&mut tx)
    .await?;
    tx.commit().await?;
    let done = index_missing(pool).await?;
    // SQLite merges the index's segments; PostgreSQL's GIN index needs fresh statistics.
    crate::sql::query(Sql::each(
        "INSERT INTO search_index (search_index) VALUES ('optimize')",
        "ANALYZE search_index",
    ))
    .execute(pool)
    .await?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowids_sort_by_language_then_date_and_keep_the_id() {
        let older = rowid(Lang::Ar, 1_400_000_000, 99_999);
        let newer = rowid(Lang::Ar, 1_400_000_001, 1);
        assert!(older < newer);
        assert_eq!(translation_id(older), 99_999);
        let (from, to) = rowid_range(Lang::Ar, 1_400_000_000, 1_400_000_001);
        assert!(from <= older && older <= to && newer > to);
        assert!(rowid(Lang::Fr, 4_000_000_000, 1) < rowid(Lang::Ar, 0, 1));
        assert!(
            rowid(Lang::En, 8_000_000_000, ID_MASK) > 0,
            "fits in 63 bits"
        );
        assert!(
            rowid(Lang::Fr, -5, 3) >= 0,
            "dates before 1970 stay positive"
        );
        assert_eq!(
            older & DATE_ORDER_MASK,
            rowid(Lang::Fr, 1_400_000_000, 99_999)
        );
    }

    #[test]
    fn spans_cut_one_edition_by_date() {
        let key = rowid(Lang::Ar, 1_400_000_000, 7);
        let (edition_low, edition_high) =
            (rowid(Lang::Ar, 0, 0), rowid(Lang::Ar, TIME_MAX, ID_MASK));
        for span in Span::ALL {
            let number = span.of(key);
            let (low, next) = (span.first_key(number), span.first_key(number + 1));
            assert!(low <= key && key < next, "{span:?}");
            assert!(
                edition_low <= low && next - 1 <= edition_high,
                "{span:?} in one edition"
            );
        }
        assert_eq!(EDITION.of(key), 1);
        assert_eq!(
            QUARTER.of(key),
            PERIOD.of(key) >> 2,
            "a quarter is 4 periods"
        );
        assert_eq!(YEAR.of(key), QUARTER.of(key) >> 2, "a year is 4 quarters");
        let days = (seconds(PERIOD.first_key(1)) - seconds(PERIOD.first_key(0))) as f64 / 86_400.0;
        assert!((24.0..25.0).contains(&days), "{days}");
        assert_eq!(seconds(key), 1_400_000_000);
        assert_eq!(PERIOD.token(4100), "p_4100");
    }
}
