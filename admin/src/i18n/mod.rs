//! The back office's own UI text: each screen's module defines the shape of its text,
//! each language's file (`fr.rs`, `ar.rs`, `en.rs`) holds all of it in that language (a
//! string missing in one language fails to compile). Shared words (site name, dates, kinds' reader names)
//! come from the reader app's `app::i18n`; nothing here reaches the reader's WASM.

mod admin;
mod ar;
mod editor;
mod en;
mod fr;
mod mailings;
mod moderation;
mod structure;

pub use admin::AdminStrings;
pub use editor::EditorStrings;
pub use mailings::MailingStrings;
pub use moderation::ModerationStrings;
pub use structure::StructureStrings;

use content::lang::Lang;

/// The back office's text in a language, by screen: `lang.admin()`, `lang.editor()`, ….
/// A trait because the language itself is data of the content crate.
pub trait AdminTexts {
    /// Log-in, dashboard, accounts and the frame of every back-office page.
    fn admin(self) -> &'static AdminStrings;
    /// The writing screens: story list, editor, media library.
    fn editor(self) -> &'static EditorStrings;
    /// Reader messages, op-eds and subscriber lists.
    fn moderation(self) -> &'static ModerationStrings;
    /// Issues of the newsletter and of the press review.
    fn mailings(self) -> &'static MailingStrings;
    /// Sections, menus and the audit log.
    fn structure(self) -> &'static StructureStrings;
}

impl AdminTexts for Lang {
    fn admin(self) -> &'static AdminStrings {
        match self {
            Lang::Fr => &fr::ADMIN,
            Lang::Ar => &ar::ADMIN,
            Lang::En => &en::ADMIN,
        }
    }
    fn editor(self) -> &'static EditorStrings {
        match self {
            Lang::Fr => &fr::EDITOR,
            Lang::Ar => &ar::EDITOR,
            Lang::En => &en::EDITOR,
        }
    }
    fn moderation(self) -> &'static ModerationStrings {
        match self {
            Lang::Fr => &fr::MODERATION,
            Lang::Ar => &ar::MODERATION,
            Lang::En => &en::MODERATION,
        }
    }
    fn mailings(self) -> &'static MailingStrings {
        match self {
            Lang::Fr => &fr::MAILINGS,
            Lang::Ar => &ar::MAILINGS,
            Lang::En => &en::MAILINGS,
        }
    }
    fn structure(self) -> &'static StructureStrings {
        match self {
            Lang::Fr => &fr::STRUCTURE,
            Lang::Ar => &ar::STRUCTURE,
            Lang::En => &en::STRUCTURE,
        }
    }
}
