//! Back-office accounts: people with a role, their Argon2id password hashes, log-in
//! with a lock after repeated failures, sessions kept in SQLite (by token hash) with an
//! expiry and "log out everywhere", and the audit log of who did what.

mod manage;
mod password;
#[cfg(test)]
mod tests;

pub(crate) use manage::problem;
pub use manage::{
    audit_page, change_account, change_own_password, create_account, list_accounts, AccountChange,
    AccountInput, Problems,
};
pub use password::{check_password_rules, hash_password, verify_password, PasswordProblem};

use super::subscriptions::{new_token, normalize_email, token_hash};
use super::{DataError, DataResult};
use crate::lang::Lang;
use crate::model::{AuditEntry, Role, SessionUser};
use crate::{now_moved, NOW};
use sqlx::{SqliteConnection, SqlitePool};

/// Failed log-ins in a row that lock an account.
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account stays locked.
pub const LOCK_MINUTES: i64 = 15;
/// How long a session lasts after logging in (a working day and a half).
pub const SESSION_HOURS: i64 = 12;

/// Creates an account; the password must pass [`check_password_rules`]. Returns its id.
pub async fn create_user(
    pool: &SqlitePool,
    email: &str,
    name: &str,
    role: Role,
    password: &str,
) -> DataResult<i64> {
    let email = normalize_email(email);
    if !email_address::EmailAddress::is_valid(&email) {
        return Err(DataError::Invalid(format!(
            "not an e-mail address: {email}"
        )));
    }
    check_password_rules(password).map_err(|p| DataError::Invalid(p.to_string()))?;
    let hash = hash_password(password).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(&email)
    .bind(name)
    .bind(role.code())
    .bind(hash)
    .fetch_one(pool)
    .await?;
    audit(pool, Some(id), "account.create", &email, role.code()).await?;
    Ok(id)
}

/// Sets a new password (rules checked) and closes every session of the account.
pub async fn set_password(pool: &SqlitePool, user_id: i64, password: &str) -> DataResult<()> {
    check_password_rules(password).map_err(|p| DataError::Invalid(p.to_string()))?;
    let hash = hash_password(password).await?;
    sqlx::query(
        "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
    )
    .bind(hash)
    .bind(user_id)
    .execute(pool)
    .await?;
    log_out_everywhere(pool, user_id).await?;
    Ok(())
}

/// What a log-in attempt gives.
#[derive(Debug)]
pub enum LogIn {
    /// The session token for the cookie, and who logged in.
    Accepted { token: String, user: SessionUser },
    /// Unknown address, wrong password or disabled account: one answer for all.
    Refused,
    /// Too many failures: no password is even checked until the lock ends.
    Locked,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    lang: String,
    password_hash: String,
    disabled: bool,
    locked: bool,
}

impl UserRow {
    fn session_user(&self) -> Option<SessionUser> {
        Some(SessionUser {
            id: self.id,
            email: self.email.clone(),
            name: self.name.clone(),
            role: Role::from_code(&self.role)?,
            lang: Lang::from_code(&self.lang).unwrap_or_default(),
        })
    }
}

/// Checks an address and password. Every failure counts towards the lock; the answer
/// and the time taken are the same whether or not the address has an account. `lang`:
/// the language of the log-in page, which the session then speaks.
pub async fn log_in(
    pool: &SqlitePool,
    email: &str,
    password: &str,
    lang: Option<Lang>,
) -> DataResult<LogIn> {
    let row: Option<UserRow> = sqlx::query_as(&format!(
        "SELECT id, email, name, role, lang, password_hash, disabled,
                COALESCE(locked_until > {NOW}, 0) AS locked
         FROM users WHERE email = ?"
    ))
    .bind(normalize_email(email))
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        // Same work as for a real account: an unknown address is not revealed by timing.
        verify_password(password, None).await;
        return Ok(LogIn::Refused);
    };
    if row.locked {
        return Ok(LogIn::Locked);
    }
    let valid = verify_password(password, Some(&row.password_hash)).await;
    match row.session_user().filter(|_| valid && !row.disabled) {
        Some(mut user) => {
            sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?")
                .bind(row.id)
                .execute(pool)
                .await?;
            let token = open_session(pool, row.id, lang).await?;
            user.lang = lang.unwrap_or(user.lang);
            audit(pool, Some(row.id), "session.open", "", "").await?;
            Ok(LogIn::Accepted { token, user })
        }
        None => {
            let lock_until = now_moved(&format!("'+{LOCK_MINUTES} minutes'"));
            let locked: bool = sqlx::query_scalar(&format!(
                "UPDATE users SET
                   failed_logins = CASE WHEN failed_logins + 1 >= ?1 THEN 0 ELSE failed_logins + 1 END,
                   locked_until = CASE WHEN failed_logins + 1 >= ?1
                                  THEN {lock_until}
                                  ELSE locked_until END
                 WHERE id = ?2 RETURNING locked_until IS NOT NULL AND locked_until > {NOW}"
            ))
            .bind(MAX_FAILED_LOGINS)
            .bind(row.id)
            .fetch_one(pool)
            .await?;
            if locked {
                audit(
                    pool,
                    Some(row.id),
                    "account.lock",
                    "",
                    "too many failed log-ins",
                )
                .await?;
            }
            Ok(LogIn::Refused)
        }
    }
}

async fn open_session(pool: &SqlitePool, user_id: i64, lang: Option<Lang>) -> DataResult<String> {
    let token = new_token();
    let session_end = now_moved(&format!("'+{SESSION_HOURS} hours'"));
    sqlx::query(&format!(
        "INSERT INTO sessions (token_hash, user_id, lang, expires_at)
         VALUES (?, ?, ?, {session_end})"
    ))
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(lang.map(Lang::code))
    .execute(pool)
    .await?;
    Ok(token)
}

/// Who holds this session token, if it is open, unexpired and its account enabled.
pub async fn session_user(pool: &SqlitePool, token: &str) -> DataResult<Option<SessionUser>> {
    let session: Option<(i64, Option<String>)> = sqlx::query_as(&format!(
        "UPDATE sessions SET last_seen = {NOW}
         WHERE token_hash = ? AND expires_at > {NOW} RETURNING user_id, lang"
    ))
    .bind(token_hash(token))
    .fetch_optional(pool)
    .await?;
    let Some((user_id, lang)) = session else {
        return Ok(None);
    };
    let user = user_by_id(pool, user_id).await?;
    Ok(user.map(|mut user| {
        user.lang = lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(user.lang);
        user
    }))
}

/// An enabled account by id, as a session sees it.
pub async fn user_by_id(pool: &SqlitePool, id: i64) -> DataResult<Option<SessionUser>> {
    let row: Option<UserRow> = sqlx::query_as(
        "SELECT id, email, name, role, lang, password_hash, disabled, 0 AS locked
         FROM users WHERE id = ? AND disabled = 0",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| r.session_user()))
}

/// Closes one session (logging out on this device).
pub async fn log_out(pool: &SqlitePool, token: &str) -> DataResult<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
        .bind(token_hash(token))
        .execute(pool)
        .await?;
    Ok(())
}

/// Closes every session of an account ("log out everywhere", a new password).
pub async fn log_out_everywhere(pool: &SqlitePool, user_id: i64) -> DataResult<u64> {
    let closed = sqlx::query("DELETE FROM sessions WHERE user_id = ?")
        .bind(user_id)
        .execute(pool)
        .await?
        .rows_affected();
    audit(
        pool,
        Some(user_id),
        "session.close_all",
        "",
        &closed.to_string(),
    )
    .await?;
    Ok(closed)
}

/// Deletes expired sessions (run with the retention purge).
pub async fn purge_sessions(pool: &SqlitePool) -> DataResult<u64> {
    Ok(
        sqlx::query(&format!("DELETE FROM sessions WHERE expires_at <= {NOW}"))
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

/// Records who did what to which item, for the audit log.
pub async fn audit(
    pool: &SqlitePool,
    user_id: Option<i64>,
    action: &str,
    target: &str,
    details: &str,
) -> DataResult<()> {
    let mut conn = pool.acquire().await?;
    audit_on(&mut conn, user_id, action, target, details).await
}

/// [`audit`] inside a transaction, so the record and the change land together.
pub async fn audit_on(
    conn: &mut SqliteConnection,
    user_id: Option<i64>,
    action: &str,
    target: &str,
    details: &str,
) -> DataResult<()> {
    sqlx::query("INSERT INTO audit_log (user_id, action, target, details) VALUES (?, ?, ?, ?)")
        .bind(user_id)
        .bind(action)
        .bind(target)
        .bind(details)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many sessions of an account are open now.
pub async fn open_sessions(pool: &SqlitePool, user_id: i64) -> DataResult<u32> {
    let count: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM sessions WHERE user_id = ? AND expires_at > {NOW}"
    ))
    .bind(user_id)
    .fetch_one(pool)
    .await?;
    Ok(count as u32)
}

/// The newest `limit` audit entries of an account.
pub async fn recent_activity(
    pool: &SqlitePool,
    user_id: i64,
    limit: u32,
) -> DataResult<Vec<AuditEntry>> {
    Ok(sqlx::query_as(
        "SELECT at, action, target, '' AS who, details FROM audit_log
         WHERE user_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(pool)
    .await?)
}
