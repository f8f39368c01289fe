//! A reader's query turned into terms and into an FTS5 expression. Every term is a
//! folded word written as a quoted FTS string, so quotes, `*`, `NEAR`, `OR`, brackets
//! or emoji in the input are plain words (or nothing), never syntax.

use super::normalize::{normalize_word, stemmer_for, stems, words, STEM_MARK};
use crate::i18n::Lang;

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
                        for s in stems(&kept[w.start..w.end], &w.folded, l).into_iter().chain(own) {
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
        let parts: Vec<String> = self
            .terms
            .iter()
            .map(|term| {
                if term.prefix {
                    format!("{}*", quoted(&term.word))
                } else if term.stems.is_empty() {
                    quoted(&term.word)
                } else {
                    // A word whose stem is itself is indexed without a stem token,
                    // so the bare stem is a word to look for too.
                    let alternatives: Vec<String> = term
                        .stems
                        .iter()
                        .flat_map(|s| {
                            let bare = (*s != term.word).then(|| quoted(s));
                            bare.into_iter().chain([quoted(&format!("{STEM_MARK}{s}"))])
                        })
                        .collect();
                    format!("({} OR {})", quoted(&term.word), alternatives.join(" OR "))
                }
            })
            .collect();
        format!("{{title summary body}} : ({})", parts.join(" AND "))
    }

    /// Does the folded word `folded` of a text in `lang` match a term? Used to mark
    /// matches in titles and excerpts exactly as the index matched them.
    pub fn matches(&self, folded: &str, lang: Lang) -> bool {
        self.terms.iter().any(|term| term.matches(folded, lang))
    }

    /// Relevance of a matching story: per term, 10 when it is in the title, 4 in the
    /// summary, 1 otherwise (every term matched somewhere, so it is in the body).
    pub fn score(&self, title: &str, summary: &str, lang: Lang) -> u32 {
        let title = words(title);
        let summary = words(summary);
        self.terms
            .iter()
            .map(|term| {
                if title.iter().any(|w| term.matches(&w.folded, lang)) {
                    10
                } else if summary.iter().any(|w| term.matches(&w.folded, lang)) {
                    4
                } else {
                    1
                }
            })
            .sum()
    }
}

impl Term {
    /// Whether the folded word `folded` of a text in `lang` is this term: the same
    /// word, a word it begins (while typed), or a word of the same stem.
    pub fn matches(&self, folded: &str, lang: Lang) -> bool {
        if self.prefix {
            return folded.starts_with(&self.word);
        }
        folded == self.word
            || self.stems.iter().any(|s| s == folded)
            || (!self.stems.is_empty()
                && stems(folded, folded, lang)
                    .iter()
                    .any(|s| self.stems.contains(s)))
    }
}

/// An FTS5 string literal. Folded words hold only letters and digits, but quotes are
/// doubled anyway so no input can ever leave the literal.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// The folded form of a section or facet value, for callers outside this module.
pub fn fold(text: &str) -> String {
    normalize_word(text)
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
