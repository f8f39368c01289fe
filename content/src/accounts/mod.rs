//! Back-office accounts: people with a role, their Argon2id password hashes, log-in
//! with growing waits after repeated failures from one place ([`guesses`]), sessions kept in SQLite (by token hash) with an
//! expiry and "log out everywhere", and the audit log of who did what.

mod guesses;
mod manage;
mod password;
#[cfg(test)]
mod tests;

pub use guesses::{FREE_GUESSES, LONGEST_WAIT_MINUTES};
pub(crate) use manage::problem;
pub use manage::{
    audit_page, change_account, change_own_password, create_account, list_accounts, AccountChange,
    AccountInput, Problems,
};
pub use password::{check_password_rules, hash_password, verify_password, PasswordProblem};

use super::subscriptions::{new_token, normalize_email, token_hash};
use super::{DataError, DataResult};
use crate::db::Written;
use crate::lang::Lang;
use crate::model::{AuditEntry, Role, SessionUser};
use crate::{Db, Tx};

/// How long a session lasts after logging in (a working day and a half).
pub const SESSION_HOURS: i64 = 12;

/// Creates an account; the password must pass [`check_password_rules`]. Returns its id.
pub async fn create_user(
    pool: &Db,
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
    let id = crate::sql::query_scalar(
        "INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(&email)
    .bind(name)
    .bind(role.code())
    .bind(hash)
    .fetch_all(pool)
    .await?
    .written()?;
    audit(pool, Some(id), "account.create", &email, role.code()).await?;
    Ok(id)
}

/// Sets a new password (rules checked) and closes every session of the account.
pub async fn set_password(pool: &Db, user_id: i64, password: &str) -> DataResult<()> {
    check_password_rules(password).map_err(|p| DataError::Invalid(p.to_string()))?;
    let hash = hash_password(password).await?;
    crate::sql::query("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(hash)
        .bind(user_id)
        .execute(pool)
        .await?;
    crate::sql::query("DELETE FROM password_guesses WHERE user_id = ?")
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
    /// Unknown address, wrong password, disabled account, or guesses from this origin
    /// that must wait: one answer for all, so none of them is revealed.
    Refused,
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

/// Checks an address and password typed from `origin` (the client's address). Each
/// guess is counted before it is checked ([`guesses`]); the answer and the time taken
/// are the same whether the address has no account, the password is wrong or this
/// origin must wait. `lang`: the language of the log-in page, which the session then
/// speaks.
pub async fn log_in(
    pool: &Db,
    email: &str,
    password: &str,
    origin: &str,
    lang: Option<Lang>,
) -> DataResult<LogIn> {
    let row: Option<UserRow> = crate::sql::query_as(
        "SELECT id, email, name, role, lang, password_hash, disabled FROM users WHERE email = ?",
    )
    .bind(normalize_email(email))
    .fetch_optional(pool)
    .await?;
    let guess = match &row {
        Some(row) => guesses::count(pool, row.id, origin).await?,
        None => None,
    };
    let (Some(row), Some(guess)) = (row, guess) else {
        // The same work as for a password checked: nothing is revealed by timing.
        verify_password(password, None).await;
        return Ok(LogIn::Refused);
    };
    let valid = verify_password(password, Some(&row.password_hash)).await;
    match row.session_user().filter(|_| valid && !row.disabled) {
        Some(mut user) => {
            guesses::forget(pool, row.id, origin).await?;
            let token = open_session(pool, row.id, lang).await?;
            user.lang = lang.unwrap_or(user.lang);
            audit(pool, Some(row.id), "session.open", "", "").await?;
            Ok(LogIn::Accepted { token, user })
        }
        None => {
            if guess.starts_waiting {
                let details = format!("{FREE_GUESSES} failed log-ins from one address");
                audit(pool, Some(row.id), "login.slowed", "", &details).await?;
            }
            Ok(LogIn::Refused)
        }
    }
}

async fn open_session(pool: &Db, user_id: i64, lang: Option<Lang>) -> DataResult<String> {
    let token = new_token();
    crate::sql::query(crate::sql::dialect_sql!({
        let session_end = now_moved(&format!("'+{SESSION_HOURS} hours'"));
        format!(
            "INSERT INTO sessions (token_hash, user_id, lang, expires_at)
             VALUES (?, ?, ?, {session_end})"
        )
    }))
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(lang.map(Lang::code))
    .execute(pool)
    .await?;
    Ok(token)
}

/// Who holds this session token, if it is open, unexpired and its account enabled.
pub async fn session_user(pool: &Db, token: &str) -> DataResult<Option<SessionUser>> {
    let touched: Result<Vec<(i64, Option<String>)>, _> =
        crate::sql::query_as(crate::sql::dialect_sql!(format!(
            "UPDATE sessions SET last_seen = {NOW}
         WHERE token_hash = ? AND expires_at > {NOW} RETURNING user_id, lang"
        )))
        .bind(token_hash(token))
        .fetch_all(pool)
        .await;
    let session = match touched.map_err(DataError::from) {
        Ok(rows) => rows.maybe_written()?,
        // A storage that refuses writes (a full disk, a read-only database) does not
        // log editors out: the session is read without noting when it was last seen.
        Err(err) if err.refuses_writes() => {
            crate::sql::query_as(crate::sql::dialect_sql!(format!(
                "SELECT user_id, lang FROM sessions WHERE token_hash = ? AND expires_at > {NOW}"
            )))
            .bind(token_hash(token))
            .fetch_optional(pool)
            .await?
        }
        Err(err) => return Err(err),
    };
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
pub async fn user_by_id(pool: &Db, id: i64) -> DataResult<Option<SessionUser>> {
    let row: Option<UserRow> = crate::sql::query_as(
        "SELECT id, email, name, role, lang, password_hash, disabled
         FROM users WHERE id = ? AND NOT disabled",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| r.session_user()))
}

/// Closes one session (logging out on this device).
pub async fn log_out(pool: &Db, token: &str) -> DataResult<()> {
    crate::sql::query("DELETE FROM sessions WHERE token_hash = ?")
        .bind(token_hash(token))
        .execute(pool)
        .await?;
    Ok(())
}

/// Closes every session of an account ("log out everywhere", a new password).
pub async fn log_out_everywhere(pool: &Db, user_id: i64) -> DataResult<u64> {
    let closed = crate::sql::query("DELETE FROM sessions WHERE user_id = ?")
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

/// Deletes expired sessions, and failed guesses from origins quiet for a day (run
/// with the retention purge). Returns the sessions deleted.
pub async fn purge_sessions(pool: &Db) -> DataResult<u64> {
    guesses::purge(pool).await?;
    Ok(crate::sql::query(crate::sql::dialect_sql!(format!(
        "DELETE FROM sessions WHERE expires_at <= {NOW}"
    )))
    .execute(pool)
    .await?
    .rows_affected())
}

/// Records who did what to which item, for the audit log.
pub async fn audit(
    pool: &Db,
    user_id: Option<i64>,
    action: &str,
    target: &str,
    details: &str,
) -> DataResult<()> {
    let mut tx = crate::write_tx(pool).await?;
    audit_on(&mut tx, user_id, action, target, details).await?;
    Ok(tx.commit().await?)
}

/// [`audit`] inside a transaction, so the record and the change land together.
pub async fn audit_on(
    conn: &mut Tx,
    user_id: Option<i64>,
    action: &str,
    target: &str,
    details: &str,
) -> DataResult<()> {
    crate::sql::query(
        "INSERT INTO audit_log (user_id, action, target, details) VALUES (?, ?, ?, ?)",
    )
    .bind(user_id)
    .bind(action)
    .bind(target)
    .bind(details)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// How many sessions of an account are open now.
pub async fn open_sessions(pool: &Db, user_id: i64) -> DataResult<u32> {
    let count: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
        "SELECT count(*) FROM sessions WHERE user_id = ? AND expires_at > {NOW}"
    )))
    .bind(user_id)
    .fetch_one(pool)
    .await?;
    Ok(count as u32)
}

/// The newest `limit` audit entries of an account.
pub async fn recent_activity(pool: &Db, user_id: i64, limit: u32) -> DataResult<Vec<AuditEntry>> {
    Ok(crate::sql::query_as(
        "SELECT at, action, target, '' AS who, details FROM audit_log
         WHERE user_id = ? ORDER BY id DESC LIMIT ?",
    )
    .bind(user_id)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?)
}
