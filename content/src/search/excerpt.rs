//! What a result shows of its text: the article HTML as plain text, an excerpt around
//! the first match, and the matching words marked in the *original* text (diacritics
//! and all), exactly as the index matched them.

use super::normalize::{words_of, Word};
use super::query::ParsedQuery;
use crate::lang::Lang;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Collects the text of an HTML fragment; block boundaries become spaces so words of
/// two paragraphs never run together.
struct TextSink {
    text: RefCell<String>,
}

/// Elements whose edges separate words.
fn separates_words(tag: &Tag) -> bool {
    matches!(
        &*tag.name,
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "hr"
            | "img"
            | "section"
            | "article"
            | "pre"
    )
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::CharacterTokens(text) => self.text.borrow_mut().push_str(&text),
            TagToken(tag) if separates_words(&tag) => self.text.borrow_mut().push(' '),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The readable text of an HTML fragment (entities decoded, tags dropped, whitespace
/// collapsed). html5ever's tokenizer, the one ammonia sanitises with, reads it.
pub fn html_to_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(
        TextSink {
            text: RefCell::new(String::with_capacity(html.len())),
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let text = tokenizer.sink.text.into_inner();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for HTML.
fn escape(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
}

/// `text` as HTML with every word matching `query` wrapped in `<mark>`. The only markup
/// in the result is `<mark>`; everything else is escaped.
pub fn highlight(text: &str, query: &ParsedQuery, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut done = 0;
    for word in words_of(text) {
        if query.matches(&word.folded, lang) {
            escape(&text[done..word.start], &mut out);
            out.push_str("<mark>");
            escape(&text[word.start..word.end], &mut out);
            out.push_str("</mark>");
            done = word.end;
        }
    }
    escape(&text[done..], &mut out);
    out
}

/// About `length` words of `text` around its first match, with `…` where text was
/// cut, highlighted; `None` when nothing in `text` matches.
pub fn excerpt_around_match(
    text: &str,
    query: &ParsedQuery,
    lang: Lang,
    length: usize,
) -> Option<String> {
    // The words up to the first match and `length` more: the passage ends before the
    // last of them, so `cut` tells the end of the text from the end of what was read.
    let mut read = words_of(text);
    let mut all = Vec::new();
    let first = loop {
        let word = read.next()?;
        let matches = query.matches(&word.folded, lang);
        all.push(word);
        if matches {
            break all.len() - 1;
        }
    };
    all.extend(read.take(length));
    Some(cut(text, &all, first, query, lang, length))
}

/// About `length` words from the start of `text` (nothing matched there).
pub fn excerpt_start(text: &str, query: &ParsedQuery, lang: Lang, length: usize) -> String {
    let all: Vec<Word> = words_of(text).take(length + 1).collect();
    cut(text, &all, 0, query, lang, length)
}

/// The passage of `text` of about `length` words that shows word `focus` near its
/// start, highlighted, with `…` where it was cut.
fn cut(
    text: &str,
    all: &[Word],
    focus: usize,
    query: &ParsedQuery,
    lang: Lang,
    length: usize,
) -> String {
    if all.is_empty() {
        return String::new();
    }
    let from = focus.saturating_sub(length / 4);
    let to = (from + length).min(all.len());
    let from = to.saturating_sub(length).min(from);
    let start = if from == 0 { 0 } else { all[from].start };
    let end = if to == all.len() {
        text.len()
    } else {
        all[to - 1].end
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&highlight(&text[start..end], query, lang));
    if end < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::normalize::words;
    use super::*;

    #[test]
    fn html_becomes_text_with_words_apart() {
        assert_eq!(
            html_to_text("<p>Un&nbsp;<em>mot</em>&amp;fin.</p><p>Deux<br>trois</p>"),
            "Un mot&fin. Deux trois"
        );
    }

    #[test]
    fn marks_the_original_words() {
        let q = ParsedQuery::parse("مهاجرون emigres", Lang::Ar, false);
        let html = highlight("Les <Émigrés> : مُهَاجِرُونَ.", &q, Lang::Ar);
        assert_eq!(
            html,
            "Les &lt;<mark>Émigrés</mark>&gt; : <mark>مُهَاجِرُونَ</mark>."
        );
        let prefix = ParsedQuery::parse("avramo", Lang::Fr, false);
        assert_eq!(
            highlight("M. Avramopoulos", &prefix, Lang::Fr),
            "M. <mark>Avramopoulos</mark>"
        );
    }

    #[test]
    fn excerpt_centres_on_the_first_match() {
        let text = (1..=100)
            .map(|n| format!("w{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = ParsedQuery::parse("w60 ", Lang::En, false);
        let cut = excerpt_around_match(&text, &q, Lang::En, 20).unwrap();
        assert!(cut.starts_with("…w55 "), "{cut}");
        assert!(cut.contains("<mark>w60</mark>"));
        assert!(cut.ends_with("w74…"), "{cut}");
        let zz = ParsedQuery::parse("zz ", Lang::En, false);
        assert_eq!(excerpt_around_match(&text, &zz, Lang::En, 5), None);
        assert_eq!(excerpt_start(&text, &zz, Lang::En, 5), "w1 w2 w3 w4 w5…");
    }

    #[test]
    fn an_excerpt_read_up_to_its_passage_is_the_one_read_from_every_word() {
        let query = ParsedQuery::parse("cible ", Lang::Fr, false);
        for words_in_text in [1, 2, 7, 30] {
            for at in 0..words_in_text {
                let text: Vec<String> = (0..words_in_text)
                    .map(|i| {
                        if i == at {
                            "cible".into()
                        } else {
                            format!("m{i}")
                        }
                    })
                    .collect();
                let text = text.join(" ");
                for length in [1, 2, 3, 5, 8, 40] {
                    let every = words(&text);
                    let expected = cut(&text, &every, at, &query, Lang::Fr, length);
                    assert_eq!(
                        excerpt_around_match(&text, &query, Lang::Fr, length).as_deref(),
                        Some(expected.as_str()),
                        "{text} / {length}"
                    );
                    let start = cut(&text, &every, 0, &query, Lang::Fr, length);
                    assert_eq!(excerpt_start(&text, &query, Lang::Fr, length), start);
                }
            }
        }
    }
}
