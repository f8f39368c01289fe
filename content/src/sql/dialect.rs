//! The SQL the two databases write differently, under the same names in each: one
//! module per database, nothing else. A statement that uses them is written once and
//! wrapped in `dialect_sql!` (or `dialect_const!`), which builds its
//! text once with each module's fragments in scope, so `{PUBLISHED}` in a `format!`
//! or `PUBLISHED` in a `concatcp!` is SQLite's in the SQLite text and PostgreSQL's in
//! the other.
//!
//! Times are stored as UTC text to the second (`YYYY-MM-DDTHH:MM:SSZ`) on both, so they
//! compare as text; only the clock that writes them differs.

/// SQLite's fragments.
pub mod sqlite {
    use const_format::concatcp;

    /// How every table stores a time, for SQLite's `strftime`.
    const STORED_TIME: &str = "'%Y-%m-%dT%H:%M:%SZ'";

    /// Current UTC time as stored.
    pub const NOW: &str = concatcp!("strftime(", STORED_TIME, ", 'now')");

    /// The current time moved by an interval given as an SQL text expression
    /// (`'-2 days'`, `'+' || ? || ' hours'`), as stored: deadlines and keeping times.
    pub fn now_moved(interval: &str) -> String {
        time_moved("'now'", interval)
    }

    /// A stored time moved by an interval ([`now_moved`]'s), as stored.
    pub fn time_moved(time: &str, interval: &str) -> String {
        format!("strftime({STORED_TIME}, {time}, {interval})")
    }

    /// Condition for "visible to readers now" on `story_translations t`.
    pub const PUBLISHED: &str = concatcp!("t.status = 'published' AND t.published_at <= ", NOW);

    /// This year (UTC), as an integer.
    pub const CURRENT_YEAR: &str = "CAST(strftime('%Y', 'now') AS INTEGER)";

    /// An inner join (with `ON`) that SQLite must start from its left side: its query
    /// planner reads a CROSS JOIN in the order written.
    pub const ORDERED_JOIN: &str = "CROSS JOIN";

    /// The last character of Unicode (U+10FFFF): `x || LAST_CHARACTER` is above every
    /// text that begins with `x`.
    pub const LAST_CHARACTER: &str = "char(1114111)";

    /// A stored time as a number of days, to measure how far apart two are.
    pub fn in_days(time: &str) -> String {
        format!("julianday({time})")
    }

    /// A stored time as seconds since 1970 (the search index's order).
    pub fn unix_seconds(time: &str) -> String {
        format!("unixepoch({time})")
    }

    /// Whether text `haystack` contains text `needle`.
    pub fn contains(haystack: &str, needle: &str) -> String {
        format!("instr({haystack}, {needle}) > 0")
    }

    /// A non-negative integer written with at least `digits` digits (`000042`), so
    /// that such numbers sort as text.
    pub fn zero_padded(number: &str, digits: u8) -> String {
        format!("printf('%0{digits}d', {number})")
    }

    /// The larger of two values (SQLite's `max` of several arguments).
    pub fn greatest(a: &str, b: &str) -> String {
        format!("max({a}, {b})")
    }

    /// The smaller of two values (SQLite's `min` of several arguments).
    pub fn least(a: &str, b: &str) -> String {
        format!("min({a}, {b})")
    }
}

/// PostgreSQL's fragments (`site_now()` and `site_now_moved()` are the schema's own
/// functions, `migrations/postgres`).
pub mod postgres {
    use const_format::concatcp;

    /// Current UTC time as stored.
    pub const NOW: &str = "site_now()";

    /// The current time moved by an interval given as an SQL text expression
    /// (`'-2 days'`, `'+' || ? || ' hours'`: PostgreSQL reads SQLite's modifiers as
    /// intervals), as stored.
    pub fn now_moved(interval: &str) -> String {
        format!("site_now_moved({interval})")
    }

    /// A stored time moved by an interval ([`now_moved`]'s), as stored.
    pub fn time_moved(time: &str, interval: &str) -> String {
        format!("site_time_moved({time}, {interval})")
    }

    /// Condition for "visible to readers now" on `story_translations t`.
    pub const PUBLISHED: &str = concatcp!("t.status = 'published' AND t.published_at <= ", NOW);

    /// This year (UTC), as an integer.
    pub const CURRENT_YEAR: &str =
        "CAST(extract(year FROM statement_timestamp() AT TIME ZONE 'UTC') AS BIGINT)";

    /// An inner join (with `ON`); PostgreSQL's planner picks the order itself.
    pub const ORDERED_JOIN: &str = "JOIN";

    /// The last character of Unicode (U+10FFFF): `x || LAST_CHARACTER` is above every
    /// text that begins with `x` (in the "C" collation of `search_terms.term`).
    pub const LAST_CHARACTER: &str = "chr(1114111)";

    /// A stored time as a number of days, to measure how far apart two are.
    pub fn in_days(time: &str) -> String {
        format!("(extract(epoch FROM {}) / 86400)", timestamp(time))
    }

    /// A stored time as seconds since 1970 (the search index's order).
    pub fn unix_seconds(time: &str) -> String {
        format!("CAST(extract(epoch FROM {}) AS BIGINT)", timestamp(time))
    }

    /// A stored time as a `timestamptz`; an empty one (a draft's date) is NULL, as
    /// SQLite's date functions make it.
    fn timestamp(time: &str) -> String {
        format!("CAST(NULLIF({time}, '') AS timestamptz)")
    }

    /// Whether text `haystack` contains text `needle`.
    pub fn contains(haystack: &str, needle: &str) -> String {
        format!("strpos({haystack}, {needle}) > 0")
    }

    /// A non-negative integer written with at least `digits` digits (`000042`), so
    /// that such numbers sort as text.
    pub fn zero_padded(number: &str, digits: u8) -> String {
        format!("lpad(CAST({number} AS text), {digits}, '0')")
    }

    /// The larger of two values.
    pub fn greatest(a: &str, b: &str) -> String {
        format!("GREATEST({a}, {b})")
    }

    /// The smaller of two values.
    pub fn least(a: &str, b: &str) -> String {
        format!("LEAST({a}, {b})")
    }
}
