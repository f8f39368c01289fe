//! The UI text of each language (the languages themselves, their codes, directions and
//! locales are data in `content::lang`). Each screen's module defines the shape of its
//! text (`strings.rs`, `forms.rs`, …); each language's file holds all of that language's
//! text (`fr.rs`, `ar.rs`, `en.rs`), so a string missing in one language fails to
//! compile and a translator works in one file.

pub(crate) mod ar;
mod dates;
pub(crate) mod en;
mod faces;
mod forms;
pub(crate) mod fr;
mod interviews;
mod library;
mod plural;
mod podcasts;
mod privacy;
mod strings;

pub use dates::{clock, format_date, year_of};
pub use faces::FaceStrings;
pub use forms::FormStrings;
pub use interviews::InterviewStrings;
pub use library::LibraryStrings;
pub use plural::Plural;
pub use podcasts::PodcastStrings;
pub use privacy::PrivacyNotice;
pub use strings::Strings;

/// The name of a list (newsletter, press review) in `lang`: forms, mails and archive.
pub fn list_name(lang: content::lang::Lang, list: content::model::List) -> &'static str {
    match list {
        content::model::List::Newsletter => lang.t().newsletter_title,
        content::model::List::PressReview => lang.t().press_review_title,
    }
}

use content::lang::Lang;

/// The UI text of a language, by screen: `lang.t()`, `lang.forms()`, …. A trait because
/// the language itself is defined in the content crate, which knows no UI text.
pub trait Texts {
    /// The UI strings of this edition.
    fn t(self) -> &'static Strings;
    /// The text of the reader forms in this edition.
    fn forms(self) -> &'static FormStrings;
    /// The text of the faces of the diaspora in this edition.
    fn faces(self) -> &'static FaceStrings;
    /// The text of the interviews listing in this edition.
    fn interviews(self) -> &'static InterviewStrings;
    /// The text of the publications library in this edition.
    fn library(self) -> &'static LibraryStrings;
    /// The text of the podcasts pages and player in this edition.
    fn podcasts(self) -> &'static PodcastStrings;
    /// The privacy notice in this edition.
    fn privacy(self) -> &'static PrivacyNotice;
}

impl Texts for Lang {
    fn t(self) -> &'static Strings {
        match self {
            Lang::Fr => &fr::STRINGS,
            Lang::Ar => &ar::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
    fn forms(self) -> &'static FormStrings {
        match self {
            Lang::Fr => &fr::FORMS,
            Lang::Ar => &ar::FORMS,
            Lang::En => &en::FORMS,
        }
    }
    fn faces(self) -> &'static FaceStrings {
        match self {
            Lang::Fr => &fr::FACES,
            Lang::Ar => &ar::FACES,
            Lang::En => &en::FACES,
        }
    }
    fn interviews(self) -> &'static InterviewStrings {
        match self {
            Lang::Fr => &fr::INTERVIEWS,
            Lang::Ar => &ar::INTERVIEWS,
            Lang::En => &en::INTERVIEWS,
        }
    }
    fn library(self) -> &'static LibraryStrings {
        match self {
            Lang::Fr => &fr::LIBRARY,
            Lang::Ar => &ar::LIBRARY,
            Lang::En => &en::LIBRARY,
        }
    }
    fn podcasts(self) -> &'static PodcastStrings {
        match self {
            Lang::Fr => &fr::PODCASTS,
            Lang::Ar => &ar::PODCASTS,
            Lang::En => &en::PODCASTS,
        }
    }
    fn privacy(self) -> &'static PrivacyNotice {
        match self {
            Lang::Fr => &fr::PRIVACY,
            Lang::Ar => &ar::PRIVACY,
            Lang::En => &en::PRIVACY,
        }
    }
}
