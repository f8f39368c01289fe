//! Administrators' management of accounts: list, create with a first password, change
//! a role, disable or enable, unlock, close every session. Every change is audited;
//! nobody changes their own role or disables themselves, so the last administrator
//! cannot lock everyone out by mistake.

use super::guesses::{self, someone_waits, OWN_PASSWORD_FORM};
use super::{
    audit, audit_on, check_password_rules, hash_password, log_out_everywhere, verify_password,
    PasswordProblem,
};
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{AccountSummary, AuditPage, Role, SessionUser, WHOLE_FORM};
use crate::subscriptions::normalize_email;
use crate::subscriptions::token_hash;
use crate::DataResult;
use crate::Db;

/// Problems of a form, as (field, code) pairs the page translates.
pub type Problems = Vec<(String, String)>;

/// Longest display name.
const MAX_NAME_CHARS: usize = 120;

/// A new account as an administrator types it.
#[derive(Clone, Debug, Default)]
pub struct AccountInput {
    pub email: String,
    pub name: String,
    pub role: String,
    pub lang: String,
    pub password: String,
}

/// What an administrator does to an existing account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountChange {
    Role(Role),
    Disable,
    Enable,
    /// Lets every origin guess the password again at once (forgets failed log-ins).
    Unlock,
    /// Closes every session of the account ("log out everywhere" on its behalf).
    CloseSessions,
}

impl AccountChange {
    /// The audit log's name of the change.
    fn action(self) -> &'static str {
        match self {
            AccountChange::Role(_) => "account.role",
            AccountChange::Disable => "account.disable",
            AccountChange::Enable => "account.enable",
            AccountChange::Unlock => "account.unlock",
            AccountChange::CloseSessions => "account.close_sessions",
        }
    }
}

/// The one problem of a form refused as a whole (or of one field).
pub(crate) fn problem(field: &str, code: &str) -> Problems {
    vec![(field.to_owned(), code.to_owned())]
}

/// Every account with its open sessions, administrators first, then by address.
pub async fn list_accounts(pool: &Db) -> DataResult<Vec<AccountSummary>> {
    type Row = (i64, String, String, String, bool, bool, i64);
    let rows: Vec<Row> = crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT u.id, u.email, u.name, u.role, {}, u.disabled,
                (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > {NOW})
         FROM users u
         ORDER BY CASE u.role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, u.email",
        someone_waits(NOW)
    )))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, email, name, role, locked, disabled, sessions)| {
            Some(AccountSummary {
                id,
                role: Role::from_code(&role)?,
                email,
                name,
                locked,
                disabled,
                sessions: sessions as u32,
            })
        })
        .collect())
}

/// Creates an account for someone else: `Ok(Err(problems))` when a field is wrong
/// (nothing is stored), else its id. Administrators only.
pub async fn create_account(
    pool: &Db,
    admin: &SessionUser,
    input: &AccountInput,
) -> DataResult<Result<i64, Problems>> {
    if !admin.role.allows(Role::Admin) {
        return Ok(Err(problem(WHOLE_FORM, "not_allowed")));
    }
    let email = normalize_email(&input.email);
    let mut problems = Problems::new();
    if !email_address::EmailAddress::is_valid(&email) {
        problems.push(("email".into(), "email_invalid".into()));
    } else if exists(pool, &email).await? {
        problems.push(("email".into(), "email_taken".into()));
    }
    let name = input.name.trim();
    if name.chars().count() > MAX_NAME_CHARS {
        problems.push(("name".into(), "too_long".into()));
    }
    let role = Role::from_code(&input.role);
    if role.is_none() {
        problems.push(("role".into(), "required".into()));
    }
    match check_password_rules(&input.password) {
        Err(PasswordProblem::TooShort) => {
            problems.push(("password".into(), "password_short".into()))
        }
        Err(PasswordProblem::TooLong) => problems.push(("password".into(), "too_long".into())),
        Ok(()) => {}
    }
    let (Some(role), true) = (role, problems.is_empty()) else {
        return Ok(Err(problems));
    };
    let lang = Lang::from_code(&input.lang).unwrap_or_default();
    let hash = hash_password(&input.password).await?;
    let id: i64 = crate::sql::query_scalar(
        "INSERT INTO users (email, name, role, lang, password_hash) VALUES (?, ?, ?, ?, ?)
         RETURNING id",
    )
    .bind(&email)
    .bind(name)
    .bind(role.code())
    .bind(lang.code())
    .bind(hash)
    .fetch_all(pool)
    .await?
    .written()?;
    audit(pool, Some(admin.id), "account.create", &email, role.code()).await?;
    Ok(Ok(id))
}

async fn exists(pool: &Db, email: &str) -> DataResult<bool> {
    Ok(
        crate::sql::query_scalar("SELECT EXISTS (SELECT 1 FROM users WHERE email = ?)")
            .bind(email)
            .fetch_one(pool)
            .await?,
    )
}

/// Applies `change` to account `id`: `Ok(Ok(true))` done, `Ok(Ok(false))` no such
/// account, `Ok(Err(problems))` refused (not an administrator, or one's own role or
/// access). Disabling also closes the account's sessions.
pub async fn change_account(
    pool: &Db,
    admin: &SessionUser,
    id: i64,
    change: AccountChange,
) -> DataResult<Result<bool, Problems>> {
    if !admin.role.allows(Role::Admin) {
        return Ok(Err(problem(WHOLE_FORM, "not_allowed")));
    }
    let own = matches!(change, AccountChange::Role(_) | AccountChange::Disable);
    if own && id == admin.id {
        return Ok(Err(problem(WHOLE_FORM, "not_yourself")));
    }
    let email: Option<String> = crate::sql::query_scalar("SELECT email FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await?;
    let Some(email) = email else {
        return Ok(Ok(false));
    };
    // Closing the sessions changes nothing in the account's row.
    let update = match change {
        AccountChange::Role(role) => {
            Some(crate::sql::query("UPDATE users SET role = ? WHERE id = ?").bind(role.code()))
        }
        AccountChange::Disable => Some(crate::sql::query(
            "UPDATE users SET disabled = TRUE WHERE id = ?",
        )),
        AccountChange::Enable => Some(crate::sql::query(
            "UPDATE users SET disabled = FALSE WHERE id = ?",
        )),
        AccountChange::Unlock => Some(crate::sql::query(
            "DELETE FROM password_guesses WHERE user_id = ?",
        )),
        AccountChange::CloseSessions => None,
    };
    if let Some(update) = update {
        update.bind(id).execute(pool).await?;
    }
    let role = match change {
        AccountChange::Role(role) => role.code(),
        _ => "",
    };
    if matches!(
        change,
        AccountChange::Disable | AccountChange::CloseSessions
    ) {
        log_out_everywhere(pool, id).await?;
    }
    audit(pool, Some(admin.id), change.action(), &email, role).await?;
    Ok(Ok(true))
}

/// Changes one's own password: the current one must be right and the new one pass the
/// rules. Every other session of the account closes; the one at `keep_token` stays.
pub async fn change_own_password(
    pool: &Db,
    user_id: i64,
    current: &str,
    new: &str,
    keep_token: &str,
) -> DataResult<Result<(), Problems>> {
    let stored: Option<String> =
        crate::sql::query_scalar("SELECT password_hash FROM users WHERE id = ? AND NOT disabled")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    // Counted before checking, like log-in guesses: a borrowed session cannot try
    // passwords at will.
    if stored.is_none()
        || guesses::count(pool, user_id, OWN_PASSWORD_FORM)
            .await?
            .is_none()
    {
        verify_password(current, None).await;
        return Ok(Err(problem("current", "password_wait")));
    }
    if !verify_password(current, stored.as_deref()).await {
        return Ok(Err(problem("current", "password_wrong")));
    }
    guesses::forget(pool, user_id, OWN_PASSWORD_FORM).await?;
    match check_password_rules(new) {
        Err(PasswordProblem::TooShort) => return Ok(Err(problem("password", "password_short"))),
        Err(PasswordProblem::TooLong) => return Ok(Err(problem("password", "too_long"))),
        Ok(()) => {}
    }
    let hash = hash_password(new).await?;
    let mut tx = crate::write_tx(pool).await?;
    crate::sql::query("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(hash)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    crate::sql::query("DELETE FROM sessions WHERE user_id = ? AND token_hash != ?")
        .bind(user_id)
        .bind(token_hash(keep_token))
        .execute(&mut tx)
        .await?;
    audit_on(&mut tx, Some(user_id), "account.password", "", "").await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Entries per page of the audit log.
pub const AUDIT_PAGE_SIZE: u32 = 50;

/// Page `page` (1-based) of the whole audit log, newest first, with who did each thing.
/// Administrators only (`Ok(Err)` otherwise).
pub async fn audit_page(
    pool: &Db,
    admin: &SessionUser,
    page: u32,
) -> DataResult<Result<AuditPage, Problems>> {
    if !admin.role.allows(Role::Admin) {
        return Ok(Err(problem(WHOLE_FORM, "not_allowed")));
    }
    let total: i64 = crate::sql::query_scalar("SELECT count(*) FROM audit_log")
        .fetch_one(pool)
        .await?;
    let pages = (total as u32).div_ceil(AUDIT_PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let entries = crate::sql::query_as(
        "SELECT a.at, a.action, a.target, COALESCE(u.email, '') AS who, a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
         ORDER BY a.id DESC LIMIT ? OFFSET ?",
    )
    .bind(i64::from(AUDIT_PAGE_SIZE))
    .bind(i64::from((page - 1) * AUDIT_PAGE_SIZE))
    .fetch_all(pool)
    .await?;
    Ok(Ok(AuditPage {
        entries,
        page,
        pages,
    }))
}
