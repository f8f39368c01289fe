//! Text of the back office's administration screens (accounts, sections, menus, one's
//! own password) in the three languages, with the problems their forms can report.
//! Server-rendered only.

/// Labels of the administration screens.
#[derive(Debug)]
pub struct StructureStrings {
    pub new_account: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub language: &'static str,
    pub first_password: &'static str,
    pub first_password_hint: &'static str,
    pub create: &'static str,
    pub sessions: &'static str,
    /// active, disabled, locked.
    pub account_states: [&'static str; 3],
    pub you: &'static str,
    pub change_role: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub unlock: &'static str,
    pub close_sessions: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub new_password: &'static str,
    pub password_changed: &'static str,
    pub sections: &'static str,
    pub new_section: &'static str,
    pub edit_section: &'static str,
    pub section_names_hint: &'static str,
    pub slug: &'static str,
    pub slug_hint: &'static str,
    pub description: &'static str,
    pub parent: &'static str,
    pub top_level: &'static str,
    pub stories: &'static str,
    pub menus: &'static str,
    /// Header, footer — `data::structure::menu_items::MENUS` order.
    pub menu_names: [&'static str; 2],
    pub new_item: &'static str,
    pub edit_item: &'static str,
    pub label: &'static str,
    pub label_hint: &'static str,
    pub target: &'static str,
    /// home, section, page, path, heading — `menu_items::TARGETS` order.
    pub targets: [&'static str; 5],
    pub page: &'static str,
    pub path: &'static str,
    pub path_hint: &'static str,
    pub save: &'static str,
    pub delete: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub edit: &'static str,
    pub back: &'static str,
    /// `?done=`: saved, deleted, moved, changed.
    pub done: [&'static str; 4],
    pub admins_only: &'static str,
    pub audit: &'static str,
    /// when, who, what, on what, details.
    pub audit_columns: [&'static str; 5],
    pub newer: &'static str,
    pub older: &'static str,
    /// `{page}`, `{pages}`.
    pub page_of: &'static str,
    pub fix_below: &'static str,
    /// Problem codes of the forms and their text.
    pub problems: [(&'static str, &'static str); 19],
}

impl StructureStrings {
    /// The text of a problem code (the code itself if unknown, never empty).
    pub fn problem(&self, code: &str) -> &str {
        self.problems
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(self.fix_below, |(_, text)| text)
    }

    /// The text of a `?done=` code.
    pub fn done(&self, code: &str) -> Option<&'static str> {
        let index = ["saved", "deleted", "moved", "changed"]
            .iter()
            .position(|c| *c == code)?;
        Some(self.done[index])
    }
}
