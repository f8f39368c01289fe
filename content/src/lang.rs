//! The languages of the portal as data: one [`LangInfo`] row per edition holds every
//! fact that differs between them apart from UI text (which lives in the app's
//! `i18n`, one file per language). Adding a language is a new variant, a new row here,
//! a text file in `app/src/i18n` and a migration widening the database's `CHECK`; every
//! `match` below is exhaustive, so the compiler lists what is left.

use serde::{Deserialize, Serialize};

/// One edition of the site. Every URL starts with its code (`/fr/`, `/ar/`, `/en/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the default edition.
    #[default]
    Fr,
    /// Arabic, written right to left.
    Ar,
    /// English.
    En,
}

/// Which way a language is written: `<html dir>` and the mirrored layout follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left: the whole page is mirrored.
    Rtl,
}

/// The alphabet an edition is written in: its A–Z index lists this script's letters
/// (and files names of the other script after them), and search stems the edition's
/// own-script words with the edition's stemmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// A–Z (accented letters file under their base letter).
    Latin,
    /// The 28 letters of the Arabic alphabet, in dictionary order.
    Arabic,
}

/// The Snowball stemmer search uses for a language's words (`immigrées` → `immigr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stemmer {
    French,
    Arabic,
    English,
}

/// How a language picks the form of a counted noun (CLDR cardinal plural rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// 0 and 1 take the singular (French).
    ZeroAndOneSingular,
    /// Only 1 takes the singular (English).
    OneSingular,
    /// One, two, few (3–10), many (11–99) and other (Arabic).
    Arabic,
}

/// The form of a counted noun a number calls for («1 portrait», «بورتريهان»).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    /// Arabic dual (2).
    Two,
    /// Arabic 3–10 (and 103–110 …).
    Few,
    /// Arabic 11–99 (and 111–199 …).
    Many,
    Other,
}

/// The facts of one language, in one row so a new language is one new row.
#[derive(Debug)]
pub struct LangInfo {
    /// Code in URLs, `lang` attributes and the database.
    pub code: &'static str,
    /// The language's own name, as shown in the switcher.
    pub native_name: &'static str,
    /// Text direction.
    pub direction: Direction,
    /// Locale for OpenGraph (`og:locale`) and feeds: the region the edition is written for.
    pub locale: &'static str,
    /// What joins the items of a short list («Lyon, France», «ليون، فرنسا»).
    pub list_separator: &'static str,
    /// How counted nouns change with the number.
    pub plural_rule: PluralRule,
    /// The alphabet of the edition (A–Z index, which words its stemmer takes).
    pub script: Script,
    /// The stemmer for words of the edition's script.
    pub stemmer: Stemmer,
    /// How a date writes the first day of a month when not as a plain number
    /// («1er avril» in French).
    pub first_day: Option<&'static str>,
}

const FR: LangInfo = LangInfo {
    code: "fr",
    native_name: "Français",
    direction: Direction::Ltr,
    locale: "fr_FR",
    list_separator: ", ",
    plural_rule: PluralRule::ZeroAndOneSingular,
    script: Script::Latin,
    stemmer: Stemmer::French,
    first_day: Some("1er"),
};

const AR: LangInfo = LangInfo {
    code: "ar",
    native_name: "العربية",
    direction: Direction::Rtl,
    locale: "ar_MA",
    list_separator: "، ",
    plural_rule: PluralRule::Arabic,
    script: Script::Arabic,
    stemmer: Stemmer::Arabic,
    first_day: None,
};

const EN: LangInfo = LangInfo {
    code: "en",
    native_name: "English",
    direction: Direction::Ltr,
    locale: "en_GB",
    list_separator: ", ",
    plural_rule: PluralRule::OneSingular,
    script: Script::Latin,
    stemmer: Stemmer::English,
    first_day: None,
};

impl Lang {
    /// All editions in menu order, for switchers, hreflang and loops over languages.
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Ar, Lang::En];

    /// The row of facts of this language.
    pub const fn info(self) -> &'static LangInfo {
        match self {
            Lang::Fr => &FR,
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }

    /// The code used in URLs, `lang` attributes and the database.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// Joins the non-empty parts of a short list («Lyon, France», «ليون، فرنسا») with
    /// the edition's comma.
    pub fn join_list<S: AsRef<str>>(self, parts: &[S]) -> String {
        parts
            .iter()
            .map(AsRef::as_ref)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(self.info().list_separator)
    }

    /// Parses a URL segment or stored code; anything else is not an edition.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The edition of a path inside one (`/ar/search` → Arabic and `search`): what
    /// follows the edition's segment, for the checks that look at one address in every
    /// edition.
    pub fn split_path(path: &str) -> Option<(Lang, &str)> {
        let (code, rest) = path.strip_prefix('/')?.split_once('/')?;
        Some((Lang::from_code(code)?, rest))
    }

    /// The edition named by the first segment of a URL path (`/ar/article/…` → Arabic).
    pub fn from_path(path: &str) -> Option<Lang> {
        path.trim_start_matches('/')
            .split('/')
            .next()
            .and_then(Lang::from_code)
    }

    /// Text direction for `<html dir>`: Arabic pages are mirrored.
    pub fn dir(self) -> &'static str {
        match self.info().direction {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }

    /// Place in menu order (0 = French), to sort editions consistently.
    pub fn position(self) -> usize {
        self as usize
    }

    /// Locale for OpenGraph (`og:locale`) and feeds: the region the edition is written for.
    pub fn locale(self) -> &'static str {
        self.info().locale
    }

    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        self.info().native_name
    }

    /// The form of a noun counted `n` times in this language.
    pub fn plural_category(self, n: usize) -> PluralCategory {
        match self.info().plural_rule {
            PluralRule::ZeroAndOneSingular if n <= 1 => PluralCategory::One,
            PluralRule::OneSingular if n == 1 => PluralCategory::One,
            PluralRule::ZeroAndOneSingular | PluralRule::OneSingular => PluralCategory::Other,
            PluralRule::Arabic => match (n, n % 100) {
                (1, _) => PluralCategory::One,
                (2, _) => PluralCategory::Two,
                (_, 3..=10) => PluralCategory::Few,
                (_, 11..=99) => PluralCategory::Many,
                _ => PluralCategory::Other,
            },
        }
    }

    /// Picks the best edition from an `Accept-Language` header value, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_owned))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary) {
                if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                    best = Some((quality, lang));
                }
            }
        }
        best.map(|(_, lang)| lang)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_quality_known_language() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,fr;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,ar-MA;q=0.7,fr;q=0.9"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("ar"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("de, es;q=0.5"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("fr;q=0"), None);
        assert_eq!(Lang::from_path("/ar/article/x"), Some(Lang::Ar));
        assert_eq!(Lang::from_path("/en/"), Some(Lang::En));
        assert_eq!(Lang::from_path("/xx/fr/"), None);
        assert_eq!(Lang::from_path("/"), None);
    }

    #[test]
    fn every_language_row_is_its_own_and_positions_follow_menu_order() {
        for (position, lang) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.position(), position);
            assert_eq!(lang.to_string(), lang.code());
        }
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Fr.dir(), "ltr");
        assert_eq!(Lang::Ar.join_list(&["ليون", "", "فرنسا"]), "ليون، فرنسا");
        assert_eq!(Lang::En.join_list(&["Lyon", "France"]), "Lyon, France");
    }
}
