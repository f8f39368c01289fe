//! Password guesses against one account, counted per account and per origin (the
//! client's address, IPv6 by /64), so that guessing slows down the guesser and never
//! locks the account's owner out. A guess is counted *before* its password is checked,
//! in one SQL statement: parallel guesses cannot all slip through while the first ones
//! are being hashed. After [`FREE_GUESSES`] failures, each further guess from that
//! origin waits one minute, then two, four… up to [`LONGEST_WAIT_MINUTES`].

use crate::db::Written;
use crate::subscriptions::token_hash;
use crate::DataResult;
use crate::Db;

/// Failed guesses from one origin before each further one must wait.
pub const FREE_GUESSES: i64 = 5;
/// The longest wait between two guesses from one origin, in minutes.
pub const LONGEST_WAIT_MINUTES: i64 = 60;
/// How long an origin's failures are remembered after its last guess.
const REMEMBERED_HOURS: i64 = 24;

/// The origin of guesses typed in the signed-in person's own password form: their
/// session already proves who they are, so the count is the account's.
pub(super) const OWN_PASSWORD_FORM: &str = "own password form";

/// A guess let through: its password may be checked.
#[must_use]
pub(super) struct Guess {
    /// This guess is the one that makes the origin wait (worth an audit entry).
    pub starts_waiting: bool,
}

/// Counts a guess at `user_id`'s password from `origin`. `None`: the origin must wait
/// and the password is not to be checked.
pub(super) async fn count(pool: &Db, user_id: i64, origin: &str) -> DataResult<Option<Guess>> {
    // The wait after failure n (n ≥ FREE_GUESSES) is 2^(n - FREE_GUESSES) minutes.
    let sql = crate::sql::dialect_sql!({
        let shift = least("password_guesses.failures + 1 - ?3", "6");
        let minutes = least(
            "?4",
            &format!("(CAST(1 AS BIGINT) << CAST({shift} AS INTEGER))"),
        );
        let wait_until = now_moved(&format!("'+' || {minutes} || ' minutes'"));
        format!(
            "INSERT INTO password_guesses (user_id, origin, failures) VALUES (?1, ?2, 1)
         ON CONFLICT (user_id, origin) DO UPDATE SET
           failures = password_guesses.failures + 1,
           wait_until = CASE WHEN password_guesses.failures + 1 >= ?3 THEN {wait_until} END,
           last_at = {NOW}
         WHERE password_guesses.wait_until IS NULL OR password_guesses.wait_until <= {NOW}
         RETURNING failures"
        )
    });
    let failures: Option<i64> = crate::sql::query_scalar(&sql)
        .bind(user_id)
        .bind(token_hash(origin))
        .bind(FREE_GUESSES)
        .bind(LONGEST_WAIT_MINUTES)
        .fetch_all(pool)
        .await?
        .maybe_written()?;
    Ok(failures.map(|failures| Guess {
        starts_waiting: failures == FREE_GUESSES,
    }))
}

/// The right password from `origin`: its failures are forgotten.
pub(super) async fn forget(pool: &Db, user_id: i64, origin: &str) -> DataResult<()> {
    crate::sql::query("DELETE FROM password_guesses WHERE user_id = ? AND origin = ?")
        .bind(user_id)
        .bind(token_hash(origin))
        .execute(pool)
        .await?;
    Ok(())
}

/// SQL condition: some origin must wait before guessing account `u.id` again.
/// `now` is the dialect's `NOW`.
pub(super) fn someone_waits(now: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM password_guesses g WHERE g.user_id = u.id AND g.wait_until > {now})"
    )
}

/// Forgets the failures of origins that have been quiet for a day.
pub(super) async fn purge(pool: &Db) -> DataResult<u64> {
    Ok(crate::sql::query(crate::sql::dialect_sql!({
        let quiet_since = now_moved(&format!("'-{REMEMBERED_HOURS} hours'"));
        format!("DELETE FROM password_guesses WHERE last_at < {quiet_since}")
    }))
    .execute(pool)
    .await?
    .rows_affected())
}

#[cfg(test)]
pub(super) mod tests;
