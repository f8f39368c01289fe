//! Text of the interviews listing in the three editions.

use super::Plural;

/// Labels of `/{lang}/interviews`.
#[derive(Debug)]
pub struct InterviewStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub country: &'static str,
    pub all_countries: &'static str,
    pub filter: &'static str,
    /// `{count}` interviews.
    pub count: Plural,
}

/// French.
pub const FR: InterviewStrings = InterviewStrings {
    title: "Entretiens",
    intro: "Des Marocaines et des Marocains du monde racontent leur parcours, leur métier et leurs liens avec le Maroc.",
    country: "Pays de résidence",
    all_countries: "Tous les pays",
    filter: "Filtrer",
    count: Plural::latin("{count} entretien", "{count} entretiens"),
};

/// Arabic.
pub const AR: InterviewStrings = InterviewStrings {
    title: "حوارات",
    intro: "مغربيات ومغاربة من العالم يحكون مساراتهم ومهنهم وروابطهم بالمغرب.",
    country: "بلد الإقامة",
    all_countries: "كل البلدان",
    filter: "تصفية",
    count: Plural {
        one: "حوار واحد",
        two: "حواران",
        few: "{count} حوارات",
        many: "{count} حوارا",
        other: "{count} حوار",
    },
};

/// English.
pub const EN: InterviewStrings = InterviewStrings {
    title: "Interviews",
    intro: "Moroccan women and men around the world talk about their paths, their work and their ties with Morocco.",
    country: "Country of residence",
    all_countries: "All countries",
    filter: "Filter",
    count: Plural::latin("{count} interview", "{count} interviews"),
};
