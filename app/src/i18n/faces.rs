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

#[cfg(test)]
mod tests {
    use crate::i18n::{ar, en, fr};

    #[test]
    fn a_profile_field_is_named_in_each_edition() {
        assert_eq!(fr::FACES.field_name("arts"), "Arts et culture");
        assert_eq!(en::FACES.field_name("civic"), en::FACES.fields[4]);
        assert_eq!(ar::FACES.field_name("unknown"), "");
    }
}
