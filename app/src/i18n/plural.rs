//! Counts written as each edition says them: «1 portrait», «20 portraits»; in Arabic the
//! noun changes with the number (one, two, three to ten, eleven to ninety-nine, and
//! hundreds), so «20 بورتريهات» would be wrong where «20 بورتريها» is right.

use content::lang::{Lang, PluralCategory};

/// The forms of one counted noun, each with a `{count}` placeholder where the number
/// is written. French and English use `one` and `other` only.
#[derive(Debug)]
pub struct Plural {
    pub one: &'static str,
    /// Arabic dual (2).
    pub two: &'static str,
    /// Arabic 3–10 (and 103–110 …).
    pub few: &'static str,
    /// Arabic 11–99 (and 111–199 …).
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// French and English nouns: a singular and a plural.
    pub const fn latin(one: &'static str, other: &'static str) -> Plural {
        Plural {
            one,
            two: other,
            few: other,
            many: other,
            other,
        }
    }
}

impl Plural {
    /// `n` with its noun in `lang`'s grammar (the language's plural rule).
    pub fn count(&self, lang: Lang, n: usize) -> String {
        let template = match lang.plural_category(n) {
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => self.other,
        };
        template.replace("{count}", &n.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTRAITS: [Plural; 2] = [
        Plural::latin("{count} portrait", "{count} portraits"),
        Plural {
            one: "بورتريه واحد",
            two: "بورتريهان",
            few: "{count} بورتريهات",
            many: "{count} بورتريها",
            other: "{count} بورتريه",
        },
    ];

    #[test]
    fn counts_follow_each_language() {
        let [latin, arabic] = &PORTRAITS;
        assert_eq!(latin.count(Lang::Fr, 0), "0 portrait");
        assert_eq!(latin.count(Lang::Fr, 1), "1 portrait");
        assert_eq!(latin.count(Lang::En, 0), "0 portraits");
        assert_eq!(latin.count(Lang::En, 20), "20 portraits");
        let ar = |n| arabic.count(Lang::Ar, n);
        assert_eq!(ar(1), "بورتريه واحد");
        assert_eq!(ar(2), "بورتريهان");
        assert_eq!(ar(3), "3 بورتريهات");
        assert_eq!(ar(20), "20 بورتريها");
        assert_eq!(ar(100), "100 بورتريه");
        assert_eq!(ar(0), "0 بورتريه");
        assert_eq!(ar(105), "105 بورتريهات");
    }
}
