//! Shapes of the back office's accounts and sessions.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// What a back-office account may do, in rising order: authors write and submit for
/// review; editors also publish, schedule, unpublish and moderate; administrators also
/// manage accounts, menus and sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Author,
    Editor,
    Admin,
}

impl Role {
    /// The code stored in `users.role`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored code; anything else is no role at all.
    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "author" => Some(Role::Author),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Its place in the translated role lists (author, editor, administrator).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether this role may do what `needed` may (each role includes the ones below).
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

/// The person behind a back-office session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// The language the back office speaks to them.
    pub lang: Lang,
}

/// The back office's language for the current request (the account's, or before log-in
/// the visitor's), put in the request by the server's admin guard.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminLang(pub Lang);

/// Who is using the back office (nobody on the log-in page) and in which language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSession {
    pub user: Option<SessionUser>,
    pub lang: Lang,
}

/// One line of the audit log (the dashboard's recent activity, the whole log).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "db", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub at: String,
    pub action: String,
    pub target: String,
    /// Who (their address), empty when the account was deleted or in one's own list.
    pub who: String,
    pub details: String,
}

/// A page of the whole audit log, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub page: u32,
    pub pages: u32,
}

/// A back-office account as administrators see it in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub locked: bool,
    pub disabled: bool,
    /// Sessions open now.
    pub sessions: u32,
}

/// The back office's first page: the account, its open sessions and recent activity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub user: SessionUser,
    pub open_sessions: u32,
    pub activity: Vec<AuditEntry>,
}

/// A reader message in the editors' queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "db", derive(sqlx::FromRow))]
pub struct MessageSummary {
    pub id: i64,
    /// `contact` or `op_ed`.
    pub kind: String,
    pub lang: String,
    pub name: String,
    pub subject: String,
    /// new, read, replied, accepted, rejected.
    pub status: String,
    pub created_at: String,
    pub has_attachment: bool,
}

/// A reader message in full.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "db", derive(sqlx::FromRow))]
pub struct MessageDetail {
    pub id: i64,
    pub kind: String,
    pub lang: String,
    pub name: String,
    pub email: String,
    pub subject: String,
    pub body: String,
    pub country: Option<String>,
    pub attachment_name: Option<String>,
    pub status: String,
    pub created_at: String,
    /// The draft an accepted op-ed became.
    pub story_id: Option<i64>,
}

/// How many subscribers a list has in one language and status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "db", derive(sqlx::FromRow))]
pub struct SubscriberCount {
    pub list: String,
    pub lang: String,
    pub status: String,
    pub count: i64,
}

/// A back-office settings form (accounts, sections, menus, one's password) that was
/// refused, rendered again: what was typed, by field name, and the problem codes by field
/// (the administration's texts translate them).
pub type AdminRefused = super::Refused<super::FormValues, String>;

/// A section as administrators edit it: its place in the tree and its names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminSection {
    pub id: i64,
    pub key: String,
    pub parent_id: Option<i64>,
    pub position: i64,
    /// 0 for a top-level section.
    pub depth: u32,
    /// Name, slug and description per language (missing languages are absent).
    pub names: Vec<SectionName>,
    /// Stories filed in it (a section with stories or sub-sections is not deleted).
    pub stories: i64,
}

/// A section's name in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionName {
    pub lang: Lang,
    pub name: String,
    pub slug: String,
    pub description: String,
}

impl AdminSection {
    /// Its name in `lang`, else in any language, else its key.
    pub fn name_in(&self, lang: Lang) -> String {
        self.names
            .iter()
            .find(|n| n.lang == lang)
            .or_else(|| self.names.first())
            .map_or_else(|| self.key.clone(), |n| n.name.clone())
    }
}

/// An item of the header or footer menu as administrators edit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminMenuItem {
    pub id: i64,
    /// `main` (header) or `footer`.
    pub menu: String,
    pub parent_id: Option<i64>,
    pub position: i64,
    /// `home`, `section`, `story`, `path` or `none` (a heading that only groups).
    pub target: String,
    pub section_id: Option<i64>,
    pub story_id: Option<i64>,
    pub path: Option<String>,
    /// Its own labels per language (else the target's name is shown).
    pub labels: Vec<(Lang, String)>,
    /// What readers of the back office's language see.
    pub shown: String,
}

/// The structure screens' data: every section and every menu item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteStructure {
    pub sections: Vec<AdminSection>,
    pub menu_items: Vec<AdminMenuItem>,
    /// Static pages a menu item may point at: (story id, title).
    pub pages: Vec<(i64, String)>,
}
