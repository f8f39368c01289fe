//! Text of the faces of the diaspora (gallery, A–Z index, profile box) in the three
//! editions, and the names of the fields a profile belongs to.

use super::Plural;
use content::model::FIELDS;

/// Labels of `/{lang}/faces` and of the person box on profiles and interviews.
#[derive(Debug)]
pub struct FaceStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub country: &'static str,
    pub all_countries: &'static str,
    pub field: &'static str,
    pub all_fields: &'static str,
    pub filter: &'static str,
    /// `{count}` portraits.
    pub count: Plural,
    /// Name of the A–Z navigation (for screen readers).
    pub index: &'static str,
    pub all_letters: &'static str,
    /// `{letter}`: names filed under this letter (the selected letter's label).
    pub letter_heading: &'static str,
    pub none: &'static str,
    /// Label of the interview's person box.
    pub interviewed: &'static str,
    pub see_profile: &'static str,
    /// arts, science, business, sport, civic — in this order.
    pub fields: [&'static str; 5],
}

impl FaceStrings {
    /// The name of a field (`arts`, `science`…) in this edition (empty if unknown: the
    /// database admits only these five).
    pub fn field_name(&self, code: &str) -> &'static str {
        FIELDS
            .iter()
            .position(|f| *f == code)
            .map_or("", |i| self.fields[i])
    }
}

/// French.
pub const FR: FaceStrings = FaceStrings {
    title: "Visages de la diaspora",
    intro: "Portraits de Marocaines et de Marocains du monde : artistes, chercheurs, entrepreneurs, sportifs et bénévoles.",
    country: "Pays de résidence",
    all_countries: "Tous les pays",
    field: "Domaine",
    all_fields: "Tous les domaines",
    filter: "Filtrer",
    count: Plural::latin("{count} portrait", "{count} portraits"),
    index: "Index alphabétique des noms",
    all_letters: "Tous",
    letter_heading: "Noms en {letter}",
    none: "Aucun portrait ne correspond à ces critères.",
    interviewed: "Entretien avec",
    see_profile: "Voir son portrait",
    fields: ["Arts et culture", "Sciences", "Entreprise", "Sport", "Vie citoyenne"],
};

/// Arabic.
pub const AR: FaceStrings = FaceStrings {
    title: "وجوه من الجالية",
    intro: "بورتريهات لمغربيات ومغاربة العالم: فنانون وباحثون ومقاولون ورياضيون وفاعلون جمعويون.",
    country: "بلد الإقامة",
    all_countries: "كل البلدان",
    field: "المجال",
    all_fields: "كل المجالات",
    filter: "تصفية",
    count: Plural {
        one: "بورتريه واحد",
        two: "بورتريهان",
        few: "{count} بورتريهات",
        many: "{count} بورتريها",
        other: "{count} بورتريه",
    },
    index: "فهرس الأسماء حسب الحروف",
    all_letters: "الكل",
    letter_heading: "الأسماء بحرف {letter}",
    none: "لا يوجد بورتريه يطابق هذه المعايير.",
    interviewed: "حوار مع",
    see_profile: "بورتريه الضيف",
    fields: [
        "الفنون والثقافة",
        "العلوم",
        "المقاولة",
        "الرياضة",
        "الحياة المدنية",
    ],
};

/// English.
pub const EN: FaceStrings = FaceStrings {
    title: "Faces of the diaspora",
    intro: "Portraits of Moroccan women and men around the world: artists, researchers, entrepreneurs, athletes and volunteers.",
    country: "Country of residence",
    all_countries: "All countries",
    field: "Field",
    all_fields: "All fields",
    filter: "Filter",
    count: Plural::latin("{count} portrait", "{count} portraits"),
    index: "Alphabetical index of names",
    all_letters: "All",
    letter_heading: "Names under {letter}",
    none: "No portrait matches these filters.",
    interviewed: "Interview with",
    see_profile: "See the profile",
    fields: ["Arts and culture", "Science", "Business", "Sport", "Civic life"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_field_is_named_in_each_edition() {
        assert_eq!(FR.field_name("arts"), "Arts et culture");
        assert_eq!(EN.field_name("civic"), EN.fields[4]);
        assert_eq!(AR.field_name("unknown"), "");
    }
}
