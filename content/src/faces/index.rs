//! The A–Z index of the faces of the diaspora, for Latin and Arabic names alike. Names
//! are filed by their sort form (family name first) with accents, hamza seats and vowel
//! marks folded and the Arabic article «ال» set aside, so «Aït», «Ait» and «آيت» file
//! under A / ا and «العمراني» under ع, as a reader looking for the name expects.

use crate::lang::{Lang, Script};
use crate::search::normalize::normalize_word;

/// The Arabic alphabet in its dictionary (hijāʾī) order; folded Arabic letters compare
/// in this order by code point too, so SQL's plain ORDER BY sorts Arabic keys right.
pub const ARABIC_LETTERS: [char; 28] = [
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ',
    'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
];

/// Where names that start with neither a Latin nor an Arabic letter are filed.
pub const OTHER: &str = "#";

/// The key a name sorts by: its words folded (lower case, no accents or vowel marks,
/// one form per Arabic letter), the Arabic article of the first word dropped.
pub fn sort_key(sort_name: &str) -> String {
    let mut words = sort_name
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '-' | '\''))
        .map(normalize_word)
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return String::new();
    };
    let first = match first.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_owned(),
        _ => first,
    };
    std::iter::once(first)
        .chain(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The letter of the index a sort key files under: A–Z, an Arabic letter, or [`OTHER`].
pub fn initial(key: &str) -> String {
    match key.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => c.to_ascii_uppercase().to_string(),
        Some(c) if ARABIC_LETTERS.contains(&c) => c.to_string(),
        _ => OTHER.to_owned(),
    }
}

/// The letters an edition's index shows, in order, even when no name files under them:
/// the letters of the edition's script (the Arabic alphabet in Arabic, A–Z in French
/// and English).
pub fn alphabet(lang: Lang) -> Vec<String> {
    match lang.info().script {
        Script::Arabic => ARABIC_LETTERS.iter().map(char::to_string).collect(),
        Script::Latin => ('A'..='Z').map(|c| c.to_string()).collect(),
    }
}

/// Where a letter stands in the index: the edition's script first, then the other
/// script, then [`OTHER`] (a French edition may hold a name written in Arabic).
pub fn letter_rank(lang: Lang, letter: &str) -> (u8, String) {
    let script = match letter.chars().next() {
        Some(c) if ARABIC_LETTERS.contains(&c) => Script::Arabic,
        _ => Script::Latin,
    };
    let rank = if letter == OTHER {
        2
    } else if script == lang.info().script {
        0
    } else {
        1
    };
    (rank, letter.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names_file_by_family_name_without_accents() {
        assert_eq!(sort_key("Aït Lahcen, Nadia"), "ait lahcen nadia");
        assert_eq!(initial(&sort_key("Aït Lahcen, Nadia")), "A");
        assert_eq!(initial(&sort_key("Zérouali, Rachid")), "Z");
        assert_eq!(initial(&sort_key("Élias, Omar")), "E");
        assert_eq!(initial(&sort_key("Œuvray, Anne")), "O");
        assert!(sort_key("Chraïbi, Leïla") < sort_key("Chraibi, Mounir"));
    }

    #[test]
    fn arabic_names_fold_hamza_and_set_the_article_aside() {
        assert_eq!(initial(&sort_key("العمراني، يوسف")), "ع");
        assert_eq!(initial(&sort_key("الإدريسي، سارة")), "ا");
        assert_eq!(initial(&sort_key("آيت لحسن، نادية")), "ا");
        assert_eq!(initial(&sort_key("أحداد، كريمة")), "ا");
        // Vowel marks are not letters; a two-letter word keeps its «ال».
        assert_eq!(initial(&sort_key("بَنْجلون، سلمى")), "ب");
        assert_eq!(sort_key("ال"), "ال");
        // Folded keys sort in dictionary order.
        let mut keys = [sort_key("الوزاني"), sort_key("برادة"), sort_key("إدريس")];
        keys.sort();
        assert_eq!(keys.map(|k| initial(&k)), ["ا", "ب", "و"]);
    }

    #[test]
    fn other_characters_and_letter_order() {
        assert_eq!(initial(&sort_key("123 Collectif")), OTHER);
        assert_eq!(initial(&sort_key("")), OTHER);
        assert_eq!(alphabet(Lang::Ar).len(), 28);
        assert_eq!(alphabet(Lang::Fr).first().map(String::as_str), Some("A"));
        let mut letters = vec![
            "#".to_owned(),
            "ب".to_owned(),
            "B".to_owned(),
            "A".to_owned(),
        ];
        letters.sort_by_key(|l| letter_rank(Lang::Fr, l));
        assert_eq!(letters, ["A", "B", "ب", "#"]);
        letters.sort_by_key(|l| letter_rank(Lang::Ar, l));
        assert_eq!(letters, ["ب", "A", "B", "#"]);
    }
}
