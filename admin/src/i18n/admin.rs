//! Text of the back office (log-in, dashboard) in the three languages.

/// Labels of the back office.
#[derive(Debug)]
pub struct AdminStrings {
    pub title: &'static str,
    pub log_in_title: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub log_in: &'static str,
    /// `?error=refused|limited|unsaved`.
    pub refused: &'static str,
    pub limited: &'static str,
    /// `?error=unsaved`: the storage refuses writes, so no session can be opened.
    pub log_in_cannot_write: &'static str,
    /// A post the storage refused (disk full, read-only database), on a page of its own.
    pub cannot_write: &'static str,
    /// `?done=out|everywhere`.
    pub logged_out: &'static str,
    pub logged_out_everywhere: &'static str,
    pub already_in: &'static str,
    pub go_to_dashboard: &'static str,
    /// `{name}`.
    pub welcome: &'static str,
    pub your_role: &'static str,
    /// author, editor, admin — in this order.
    pub roles: [&'static str; 3],
    /// What each role may do, same order.
    pub role_can: [&'static str; 3],
    pub sessions_open: &'static str,
    pub recent_activity: &'static str,
    pub accounts: &'static str,
    pub locked_account: &'static str,
    pub log_out: &'static str,
    pub log_out_everywhere: &'static str,
    pub view_site: &'static str,
    pub dashboard: &'static str,
    pub not_allowed: &'static str,
}
