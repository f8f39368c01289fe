//! `server create-admin EMAIL`: the first administrator (and any later one) made from
//! the terminal, before anyone can log in to the back office; `server create-account
//! EMAIL ROLE` makes an author or editor the same way. The password comes from
//! `ADMIN_PASSWORD` (scripts, containers) or is asked twice without echo.

use content::accounts::{check_password_rules, create_user};
use content::model::Role;
use content::Db;

/// Creates an account for `email` with the role named `role` (author, editor, admin).
pub async fn create_account(pool: &Db, email: &str, role: &str) -> Result<(), String> {
    let role = Role::from_code(role)
        .ok_or_else(|| format!("no role {role:?}: author, editor or admin"))?;
    create(pool, email, role).await
}

/// Creates an administrator account for `email`.
pub async fn create_admin(pool: &Db, email: &str) -> Result<(), String> {
    create(pool, email, Role::Admin).await
}

async fn create(pool: &Db, email: &str, role: Role) -> Result<(), String> {
    let password = match std::env::var("ADMIN_PASSWORD") {
        Ok(password) if !password.is_empty() => password,
        _ => ask_password()?,
    };
    check_password_rules(&password).map_err(|p| p.to_string())?;
    let id = create_user(pool, email, "", role, &password)
        .await
        .map_err(|e| match e {
            content::DataError::Database(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                format!("an account with the address {email} exists already")
            }
            other => other.to_string(),
        })?;
    println!(
        "{} account {id} created for {}",
        role.code(),
        email.trim().to_lowercase()
    );
    Ok(())
}

fn ask_password() -> Result<String, String> {
    let first = rpassword::prompt_password("Password (12 characters or more): ")
        .map_err(|e| format!("no password: set ADMIN_PASSWORD or run on a terminal ({e})"))?;
    let again = rpassword::prompt_password("Same password again: ").map_err(|e| e.to_string())?;
    if first != again {
        return Err("the two passwords differ".into());
    }
    Ok(first)
}
