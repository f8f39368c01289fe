//! Password rules and hashing. Argon2id (the `argon2` crate of RustCrypto, the OWASP
//! first choice) with its default cost (19 MiB, 2 passes), stored as a PHC string that
//! carries its own salt and parameters, so stronger settings later still verify old
//! hashes. Hashing takes tens of milliseconds: it runs off the async threads, and only
//! as many at once as the machine has cores ([`hashing_slot`]), so a flood of log-in
//! posts queues instead of taking 19 MiB of memory each.

use crate::{DataError, DataResult};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;
use tokio::sync::{Semaphore, SemaphorePermit};

/// Shortest password accepted (NIST SP 800-63B asks for at least 8; a newsroom's
/// accounts publish under the institution's name).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest: a bound on the work one log-in attempt can cause.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("the password needs at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("the password may have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
}

/// Length rules only, as NIST advises: no forced mix of character kinds.
pub fn check_password_rules(password: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if password.trim().chars().count() < MIN_PASSWORD_CHARS {
        Err(PasswordProblem::TooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(PasswordProblem::TooLong)
    } else {
        Ok(())
    }
}

/// Argon2 computations allowed at once: one per core. More would not finish sooner,
/// they would only hold more memory.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, |cores| cores.get()))
});
/// Argon2 computations running now, and the most seen at once (for the tests).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static MOST_AT_ONCE: AtomicUsize = AtomicUsize::new(0);

/// The most Argon2 computations this process ran at once.
#[cfg(test)]
pub(crate) fn most_hashing_at_once() -> usize {
    MOST_AT_ONCE.load(Ordering::SeqCst)
}

/// Waits for a turn to compute a hash ([`HASHING`]).
async fn hashing_slot() -> SemaphorePermit<'static> {
    HASHING
        .acquire()
        .await
        .expect("the hashing semaphore is never closed")
}

/// Runs one Argon2 computation on the blocking threads, in its turn.
async fn hashing<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _turn = hashing_slot().await;
    tokio::task::spawn_blocking(move || {
        let running = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
        MOST_AT_ONCE.fetch_max(running, Ordering::SeqCst);
        let done = work();
        RUNNING.fetch_sub(1, Ordering::SeqCst);
        done
    })
    .await
    .ok()
}

/// The Argon2id PHC string of `password`, with a fresh random salt.
pub async fn hash_password(password: &str) -> DataResult<String> {
    let password = password.to_owned();
    hashing(move || {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| DataError::Invalid(e.to_string()))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| DataError::Invalid(e.to_string()))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| DataError::Invalid(e.to_string()))
    })
    .await
    .ok_or_else(|| DataError::Invalid("password hashing stopped".into()))?
}

/// A hash of nothing anyone knows, checked when an address has no account so that the
/// answer takes as long as for a real one.
static DECOY: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::encode_b64(b"ccme-decoy-salt!").expect("16-byte salt");
    Argon2::default()
        .hash_password(b"no account has this password", &salt)
        .expect("argon2 with default parameters")
        .to_string()
});

/// Whether `password` matches `hash` (`None`: check against a decoy, always false).
/// A malformed stored hash never matches.
pub async fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let password = password.to_owned();
    let (hash, real) = match hash {
        Some(hash) => (hash.to_owned(), true),
        None => (DECOY.clone(), false),
    };
    if password.chars().count() > MAX_PASSWORD_CHARS {
        return false;
    }
    hashing(move || {
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && real
    })
    .await
    .unwrap_or(false)
}
