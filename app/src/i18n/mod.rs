//! The UI text of each language (the languages themselves, their codes, directions and
//! locales are data in `content::lang`): strings and date formats. Strings live in typed tables
//! (`strings.rs`), so a string missing in one language fails to compile.

mod dates;
mod faces;
mod forms;
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
            Lang::Fr => &strings::FR,
            Lang::Ar => &strings::AR,
            Lang::En => &strings::EN,
        }
    }
    fn forms(self) -> &'static FormStrings {
        match self {
            Lang::Fr => &forms::FR,
            Lang::Ar => &forms::AR,
            Lang::En => &forms::EN,
        }
    }
    fn faces(self) -> &'static FaceStrings {
        match self {
            Lang::Fr => &faces::FR,
            Lang::Ar => &faces::AR,
            Lang::En => &faces::EN,
        }
    }
    fn interviews(self) -> &'static InterviewStrings {
        match self {
            Lang::Fr => &interviews::FR,
            Lang::Ar => &interviews::AR,
            Lang::En => &interviews::EN,
        }
    }
    fn library(self) -> &'static LibraryStrings {
        match self {
            Lang::Fr => &library::FR,
            Lang::Ar => &library::AR,
            Lang::En => &library::EN,
        }
    }
    fn podcasts(self) -> &'static PodcastStrings {
        match self {
            Lang::Fr => &podcasts::FR,
            Lang::Ar => &podcasts::AR,
            Lang::En => &podcasts::EN,
        }
    }
    fn privacy(self) -> &'static PrivacyNotice {
        match self {
            Lang::Fr => &privacy::FR,
            Lang::Ar => &privacy::AR,
            Lang::En => &privacy::EN,
        }
    }
}
