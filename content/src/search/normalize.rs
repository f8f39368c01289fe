//! One normalisation for search, used both when indexing and when reading a query, so a
//! word typed any way finds the word as it was written. SQLite's own tokenizer cuts
//! vowelled Arabic words at every haraka and folds nothing Arabic; words are therefore
//! split and folded here, and SQLite only sees clean, space-separated tokens.

use crate::lang::{self, Lang, Script};
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// Marks a stem token in the index, so a typed prefix never matches a stem by accident
/// (the FTS table declares `_` a token character; normalised words never contain it).
pub const STEM_MARK: char = '_';

/// Harakat (fatha … sukun, tanwin, shadda), superscript alef and tatweel: vowel marks
/// and stretching, not letters.
pub(crate) fn is_arabic_mark(ch: char) -> bool {
    matches!(ch, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// Latin letters with accents or ligatures, folded to plain ASCII (`œ` → `oe`).
pub(crate) fn fold_latin(ch: char) -> Option<&'static str> {
    Some(match ch {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ÿ' | 'ý' | 'Ÿ' | 'Ý' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Arabic letters written several ways (hamza seats, alef maqsura, taa marbuta) and
/// Arabic-Indic digits, folded to one form.
fn fold_arabic(ch: char) -> Option<char> {
    Some(match ch {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (ch as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (ch as u32 - 0x06F0) as u8),
        _ => return None,
    })
}

/// Combining accents of decomposed Latin text (`e` + U+0301).
fn is_combining_accent(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}')
}

/// The letters of the Arabic alphabet (U+0620 to U+064A, tatweel included), most of
/// the Arabic edition's text: told apart without Unicode's tables.
fn is_arabic_letter(ch: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&ch)
}

/// Characters that belong to a word: letters, digits and the marks stripped later.
fn is_word_char(ch: char) -> bool {
    is_arabic_letter(ch) || is_arabic_mark(ch) || ch.is_alphanumeric() || is_combining_accent(ch)
}

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | 'ʼ' | '‘')
}

/// French elided articles and pronouns (`l'`, `d'`, `qu'` …): dropped before an
/// apostrophe so `l'immigration` and `immigration` are the same word.
const ELISIONS: [&str; 13] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Whether SQLite's `unicode61` tokenizer keeps `ch` inside a word: letters and
/// numbers only. Rust counts some marks as letters (Arabic honorific signs, Indic vowel
/// signs, the dot of a lower-case `İ`); left in a folded word, SQLite would cut it in
/// two and read the query's term as a phrase, which the index cannot answer.
/// ASCII and Arabic letters, most of what is searched, skip the lookup in Unicode's
/// tables (a search folds every word of its results' text to find the passage to show).
fn is_token_char(ch: char) -> bool {
    if ch.is_ascii() {
        return ch.is_ascii_alphanumeric();
    }
    if is_arabic_letter(ch) {
        return true;
    }
    matches!(
        ch.general_category_group(),
        GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
    )
}

/// Folds one word: marks removed, Arabic and Latin variants folded, lower case.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for ch in word.chars() {
        if is_arabic_mark(ch) || is_combining_accent(ch) {
            continue;
        }
        if let Some(folded) = fold_arabic(ch) {
            out.push(folded);
        } else if let Some(folded) = fold_latin(ch) {
            out.push_str(folded);
        } else if ch.is_ascii() {
            if ch.is_ascii_alphanumeric() {
                out.push(ch.to_ascii_lowercase());
            }
        } else {
            out.extend(ch.to_lowercase().filter(|&c| is_token_char(c)));
        }
    }
    out
}

/// A word of some text: where it is (byte range, to mark the original) and its folded form.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// The words of `text`, folded, with their places in the original; French elisions
/// (`l'`, `d'` …) are left out.
pub fn words(text: &str) -> Vec<Word> {
    words_of(text).collect()
}

/// [`words`] one by one, for a reader that stops early (an excerpt needs the words up
/// to its passage only, not a whole article's).
pub fn words_of(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, ch) = chars.next()?;
        if !is_word_char(ch) {
            continue;
        }
        let mut end = start + ch.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let folded = normalize_word(&text[start..end]);
        let mut after = text[end..].chars();
        let elided = after.next().is_some_and(is_apostrophe)
            && after.next().is_some_and(is_word_char)
            && ELISIONS.contains(&folded.as_str());
        if !folded.is_empty() && !elided {
            return Some(Word { start, end, folded });
        }
    })
}

static ARABIC: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Arabic));
static FRENCH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::French));
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Shortest folded word that gets a stem; shorter words are matched as they are.
const MIN_STEM_CHARS: usize = 4;

/// The stemmer for a folded word in a text of `lang`, if the word gets stemmed.
pub fn stemmer_for(folded: &str, lang: Lang) -> Option<&'static Stemmer> {
    if folded.chars().count() < MIN_STEM_CHARS || folded.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let script = if folded
        .chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    {
        Script::Arabic
    } else {
        Script::Latin
    };
    let info = lang.info();
    let stemmer = match (script, info.script) {
        (Script::Arabic, _) => lang::Stemmer::Arabic,
        (Script::Latin, Script::Latin) => info.stemmer,
        (Script::Latin, Script::Arabic) => return None,
    };
    Some(match stemmer {
        lang::Stemmer::Arabic => &ARABIC,
        lang::Stemmer::French => &FRENCH,
        lang::Stemmer::English => &ENGLISH,
    })
}

/// The Snowball stems of a word as a text in `lang` would use them: Arabic script gets
/// the Arabic stemmer whatever the edition; Latin words the edition's stemmer when it is
/// written in Latin letters (none in the Arabic edition). French stems need the accents (`immigrées` → `immigr`) while
/// readers often type without them (`immigrees` → `immigre`), so both the stem of the
/// `original` word and that of its `folded` form are given, folded, when they differ
/// from the word itself.
pub fn stems(original: &str, folded: &str, lang: Lang) -> Vec<String> {
    let Some(stemmer) = stemmer_for(folded, lang) else {
        return Vec::new();
    };
    let mut found: Vec<String> = Vec::with_capacity(2);
    let lower = original.to_lowercase();
    for stemmed in [
        normalize_word(&stemmer.stem(&lower)),
        stemmer.stem(folded).into_owned(),
    ] {
        if stemmed != folded && !stemmed.is_empty() && !found.contains(&stemmed) {
            found.push(stemmed);
        }
    }
    found
}

/// The text given to the FTS index for one field: the folded words, each followed by
/// its marked stem when it has one (`immigres _immigr`).
pub fn index_text(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for word in words_of(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.folded);
        for stemmed in stems(&text[word.start..word.end], &word.folded, lang) {
            out.push(' ');
            out.push(STEM_MARK);
            out.push_str(&stemmed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shortcuts_for_ascii_and_arabic_agree_with_unicodes_tables() {
        for ch in ('\0'..='\u{2FFF}').chain(['\u{FB50}', '\u{FEFC}', '\u{1D400}']) {
            let word_char = ch.is_alphanumeric() || is_arabic_mark(ch) || is_combining_accent(ch);
            assert_eq!(is_word_char(ch), word_char, "{ch:?} U+{:04X}", ch as u32);
            let token_char = matches!(
                ch.general_category_group(),
                GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
            );
            assert_eq!(is_token_char(ch), token_char, "{ch:?} U+{:04X}", ch as u32);
            let text = ch.to_string();
            if !is_arabic_mark(ch) && !is_combining_accent(ch) && fold_arabic(ch).is_none() {
                let lowered: String = fold_latin(ch)
                    .map(str::to_owned)
                    .unwrap_or_else(|| ch.to_lowercase().filter(|&c| is_token_char(c)).collect());
                assert_eq!(normalize_word(&text), lowered, "U+{:04X}", ch as u32);
            }
        }
    }

    #[test]
    fn words_one_by_one_are_the_words() {
        let text = "L'immigration, d'abord : الجالية المغربية في الخارج — 2024 œuvres.";
        assert_eq!(words_of(text).collect::<Vec<_>>(), words(text));
        assert_eq!(words_of(text).count(), 8);
    }

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn arabic_marks_and_letter_variants_fold() {
        assert_eq!(normalize_word("مُهَاجِرُونَ"), "مهاجرون");
        assert_eq!(normalize_word("إسلام"), normalize_word("اسلام"));
        assert_eq!(normalize_word("الجالية"), normalize_word("الجاليه"));
        assert_eq!(normalize_word("آمال"), "امال");
        assert_eq!(normalize_word("ٱلله"), "الله");
        assert_eq!(normalize_word("مستشفى"), "مستشفي");
        assert_eq!(normalize_word("مؤتمر"), "موتمر");
        assert_eq!(normalize_word("رئيس"), "رييس");
        assert_eq!(normalize_word("مـــغرب"), "مغرب", "tatweel");
        assert_eq!(normalize_word("مُحَمَّدٌ"), "محمد", "shadda, tanwin");
        assert_eq!(normalize_word("٢٠١٥"), "2015");
        assert_eq!(normalize_word("۲۰۱۵"), "2015");
    }

    #[test]
    fn latin_accents_ligatures_case_fold() {
        assert_eq!(normalize_word("Émigrés"), "emigres");
        assert_eq!(normalize_word("Œuvre"), "oeuvre");
        assert_eq!(
            normalize_word("ex\u{0301}ode"),
            "exode",
            "decomposed accent"
        );
        assert_eq!(normalize_word("Cæsar"), "caesar");
    }

    #[test]
    fn words_keep_their_place_and_drop_elisions() {
        let text = "L’immigration d'hier, qu’elle soit مُهَاجِرُونَ !";
        assert_eq!(
            folded(text),
            ["immigration", "hier", "elle", "soit", "مهاجرون"]
        );
        let first = &words(text)[0];
        assert_eq!(&text[first.start..first.end], "immigration");
        let last = words(text).pop().unwrap();
        assert_eq!(
            &text[last.start..last.end],
            "مُهَاجِرُونَ",
            "marks kept in the span"
        );
        assert_eq!(
            folded("l' s"),
            ["l", "s"],
            "a lone letter is not an elision"
        );
        assert!(folded("😀 \"*\" () — …").is_empty());
    }

    #[test]
    fn stems_join_word_families_per_language() {
        let fr = |w: &str| stems(w, &normalize_word(w), Lang::Fr);
        assert!(fr("immigrés").iter().any(|s| fr("immigrées").contains(s)));
        assert!(
            fr("immigrees").iter().any(|s| fr("immigrée").contains(s)),
            "typed bare"
        );
        assert_eq!(fr("migrations"), ["migrat"]);
        assert_eq!(stems("workers", "workers", Lang::En), ["worker"]);
        let ar = |w: &str| stems(w, &normalize_word(w), Lang::Ar);
        assert!(
            ar("الإسلام").contains(&normalize_word("اسلام")),
            "{:?}",
            ar("الإسلام")
        );
        assert!(stems("2015", "2015", Lang::Fr).is_empty());
        assert!(
            stems("the", "the", Lang::En).is_empty(),
            "short words stay whole"
        );
        assert!(
            stems("migration", "migration", Lang::Ar).is_empty(),
            "no Latin stemmer in Arabic"
        );
    }

    #[test]
    fn index_text_pairs_words_with_marked_stems() {
        assert_eq!(
            index_text("Les émigrées", Lang::Fr),
            "les emigrees _emigr _emigre"
        );
    }
}
