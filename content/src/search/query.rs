//! A reader's query turned into terms and into the full-text query of each database:
//! an FTS5 expression on SQLite, a `tsquery` on PostgreSQL. Every term is a folded word
//! written as a quoted string of that language, so quotes, `*`, `NEAR`, `OR`, `&`, `!`,
//! brackets or emoji in the input are plain words (or nothing), never syntax.

use super::normalize::{stemmer_for, stems, words, STEM_MARK};
use crate::lang::Lang;

/// Longest query kept, in characters; longer input is cut (and the reader told).
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words are matched; the rest are ignored.
pub const MAX_TERMS: usize = 8;

/// One word of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Folded form.
    pub word: String,
    /// The word being typed: matches every word that starts with it.
    pub prefix: bool,
    /// Stems that also match a whole word (one per stemmer that applies).
    pub stems: Vec<String>,
    /// For a prefix: the indexed words it begins, when the data layer looked them up
    /// (`data::search::expand_prefixes`); matched as alternatives, lazily, by FTS5.
    pub expansions: Option<Vec<String>>,
}

/// A query ready to run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedQuery {
    pub terms: Vec<Term>,
    /// The input was longer than [`MAX_QUERY_CHARS`] and was cut.
    pub truncated: bool,
}

impl ParsedQuery {
    /// Reads `input` as typed in the `lang` edition; `all_languages` adds the stems of
    /// the other Latin-script language, so `workers` also finds `worker` in English
    /// while searching from the French edition.
    pub fn parse(input: &str, lang: Lang, all_languages: bool) -> Self {
        let truncated = input.chars().count() > MAX_QUERY_CHARS;
        let kept: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let found = words(&kept);
        // The last word is still being typed unless something follows it.
        let typing_end = found
            .last()
            .map(|w| kept[w.end..].chars().all(char::is_alphanumeric))
            .unwrap_or(false);
        let count = found.len().min(MAX_TERMS);
        let stem_langs: &[Lang] = if all_languages { &Lang::ALL } else { &[lang] };
        let terms = found
            .into_iter()
            .take(MAX_TERMS)
            .enumerate()
            .map(|(i, w)| {
                let prefix = typing_end && i + 1 == count;
                let mut all_stems: Vec<String> = Vec::new();
                if !prefix {
                    for &l in stem_langs {
                        // A word that is its own stem (`مهاجر`) still finds the words
                        // stemmed to it (`المهاجرين`).
                        let own = stemmer_for(&w.folded, l).map(|_| w.folded.clone());
                        for s in stems(&kept[w.start..w.end], &w.folded, l)
                            .into_iter()
                            .chain(own)
                        {
                            if !all_stems.contains(&s) {
                                all_stems.push(s);
                            }
                        }
                    }
                }
                Term {
                    word: w.folded,
                    prefix,
                    stems: all_stems,
                    expansions: None,
                }
            })
            .collect();
        ParsedQuery { terms, truncated }
    }

    /// True when nothing searchable is left.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 expression matching every term in the text columns, e.g.
    /// `{title summary body} : (("emigres" OR "_emigr") AND "mar"*)`.
    pub fn fts_expression(&self) -> String {
        format!("{{title summary body}} : ({})", self.expression(&FTS5))
    }

    /// The `tsquery` matching every term, e.g. `('emigres' | '_emigr') & 'mar':*`.
    /// (Facet tokens hold a `_` after their first letter, which no word does, so the
    /// words cannot match the facets PostgreSQL's index keeps beside them.)
    pub fn ts_query(&self) -> String {
        self.expression(&TSQUERY)
    }

    fn expression(&self, language: &QueryLanguage) -> String {
        let parts: Vec<String> = self.terms.iter().map(|t| t.expression(language)).collect();
        parts.join(language.and)
    }

    /// Does the folded word `folded` of a text in `lang` match a term? Used to mark
    /// matches in titles and excerpts exactly as the index matched them.
    pub fn matches(&self, folded: &str, lang: Lang) -> bool {
        self.terms.iter().any(|term| term.matches(folded, lang))
    }
}

impl Term {
    /// This term alone as an FTS5 expression: `"mar"*` while typed, else the word or
    /// any of its stems (`("emigres" OR "emigr" OR "_emigr")`).
    pub fn fts_expression(&self) -> String {
        self.expression(&FTS5)
    }

    /// This term alone as a `tsquery` (`'mar':*`, `('emigres' | 'emigr' | '_emigr')`).
    pub fn ts_query(&self) -> String {
        self.expression(&TSQUERY)
    }

    fn expression(&self, language: &QueryLanguage) -> String {
        let quoted = language.quoted;
        if self.prefix {
            match self.expansions.as_deref() {
                Some(words) if !words.is_empty() => {
                    let words: Vec<String> = words.iter().map(|w| quoted(w)).collect();
                    format!("({})", words.join(language.or))
                }
                // One letter typed: PostgreSQL looks up the token every story with a
                // word of that initial holds, whose frequency its planner knows.
                _ if language.initials && self.word.chars().count() == 1 => {
                    quoted(&format!("{}{INITIAL_MARK}", self.word))
                }
                _ => format!("{}{}", quoted(&self.word), language.prefix),
            }
        } else if self.stems.is_empty() {
            quoted(&self.word)
        } else {
            // A word whose stem is itself is indexed without a stem token, so the
            // bare stem is a word to look for too.
            let alternatives: Vec<String> = self
                .stems
                .iter()
                .flat_map(|s| {
                    let bare = (*s != self.word).then(|| quoted(s));
                    bare.into_iter().chain([quoted(&format!("{STEM_MARK}{s}"))])
                })
                .collect();
            format!(
                "({}{}{})",
                quoted(&self.word),
                language.or,
                alternatives.join(language.or)
            )
        }
    }

    /// Whether the folded word `folded` of a text in `lang` is this term: the same
    /// word, a word it begins (while typed), or a word of the same stem.
    pub fn matches(&self, folded: &str, lang: Lang) -> bool {
        if self.prefix {
            return folded.starts_with(&self.word);
        }
        folded == self.word
            || self.stems.iter().any(|s| s == folded)
            || (self.stems.iter().any(|s| may_stem_to(folded, s))
                && stems(folded, folded, lang)
                    .iter()
                    .any(|s| self.stems.contains(s)))
    }
}

/// Cheap test before running a stemmer: a word stems to `stem` only if it holds the
/// stem but for its last letter (Snowball may change that one: `happy` → `happi`).
fn may_stem_to(folded: &str, stem: &str) -> bool {
    let mut core = stem.chars();
    core.next_back();
    folded.contains(core.as_str())
}

/// How a full-text query language writes words and joins them.
struct QueryLanguage {
    quoted: fn(&str) -> String,
    and: &'static str,
    or: &'static str,
    /// After a quoted word: every word it begins.
    prefix: &'static str,
    /// The index holds each initial as a token of its own ([`INITIAL_MARK`]).
    initials: bool,
}

/// After a letter, a token of PostgreSQL's index that stands for "a word begins with
/// this letter" (`m~`), so that a first keystroke is one common token, which the
/// planner walks newest first, rather than a prefix whose frequency it underestimates
/// by a factor of four and answers by reading every match. Folded words hold only
/// letters and digits, so no word is such a token.
pub const INITIAL_MARK: char = '~';

/// SQLite's FTS5.
const FTS5: QueryLanguage = QueryLanguage {
    quoted: fts_quoted,
    and: " AND ",
    or: " OR ",
    prefix: "*",
    initials: false,
};

/// PostgreSQL's `tsquery`, read as typed (`CAST(… AS tsquery)`: no dictionary).
const TSQUERY: QueryLanguage = QueryLanguage {
    quoted: ts_quoted,
    and: " & ",
    or: " | ",
    prefix: ":*",
    initials: true,
};

/// An FTS5 string literal. Folded words hold only letters and digits, but quotes are
/// doubled anyway so no input can ever leave the literal.
fn fts_quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// A `tsquery` lexeme, quoted so that it is taken whole; quotes and backslashes
/// escaped, for the same reason as [`fts_quoted`].
fn ts_quoted(word: &str) -> String {
    format!("'{}'", word.replace('\\', "\\\\").replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_word_is_a_prefix_while_typed() {
        let q = ParsedQuery::parse("Émigrés mar", Lang::Fr, false);
        assert_eq!(q.terms.len(), 2);
        assert!(!q.terms[0].prefix && q.terms[1].prefix);
        assert_eq!(q.terms[0].stems, ["emigr", "emigres"]);
        assert_eq!(
            q.fts_expression(),
            r#"{title summary body} : (("emigres" OR "emigr" OR "_emigr" OR "_emigres") AND "mar"*)"#
        );
        assert_eq!(
            q.ts_query(),
            "('emigres' | 'emigr' | '_emigr' | '_emigres') & 'mar':*"
        );
        let done = ParsedQuery::parse("Émigrés mar ", Lang::Fr, false);
        assert!(!done.terms[1].prefix, "a trailing space ends the word");
    }

    #[test]
    fn hostile_input_is_only_words() {
        for input in [
            "\" OR 1=1 --",
            "NEAR(a b)",
            "*",
            "title:x",
            "a) OR (b",
            "😀",
            "",
        ] {
            let q = ParsedQuery::parse(input, Lang::Fr, false);
            let expr = q.fts_expression();
            assert_eq!(expr.matches('"').count() % 2, 0, "{input}: {expr}");
            let ts = q.ts_query();
            assert_eq!(ts.matches('\'').count() % 2, 0, "{input}: {ts}");
            for term in &q.terms {
                assert!(term.word.chars().all(char::is_alphanumeric), "{input}");
            }
        }
        assert!(ParsedQuery::parse("😀 * ()", Lang::Ar, false).is_empty());
        let long = ParsedQuery::parse(&"migration ".repeat(500), Lang::Fr, false);
        assert!(long.truncated);
        assert_eq!(long.terms.len(), MAX_TERMS);
    }

    #[test]
    fn all_languages_adds_other_stemmers() {
        let q = ParsedQuery::parse("studies ", Lang::Fr, true);
        assert!(q.terms[0].stems.contains(&"studi".to_owned()), "{q:?}");
        assert!(q.matches("study", Lang::En));
    }
}
