//! Guesses slow down the guesser and never lock the owner out, counted before any
//! password is checked: on a real database file.

use crate::accounts::tests::{editor, ELSEWHERE, GOOD, HERE};
use crate::accounts::{log_in, set_password, LogIn, FREE_GUESSES};
use crate::subscriptions::token_hash;
use crate::test_db;
use crate::Db;

/// Salma's log-in with `password` from `origin`: accepted or not.
async fn salma_logs_in(pool: &Db, password: &str, origin: &str) -> bool {
    match log_in(pool, "salma@ccme.ma", password, origin, None)
        .await
        .unwrap()
    {
        LogIn::Accepted { .. } => true,
        LogIn::Refused => false,
    }
}

/// Ends every wait now, as time would.
pub(in crate::accounts) async fn end_waits(pool: &Db) {
    crate::sql::query("UPDATE password_guesses SET wait_until = '2000-01-01T00:00:00Z'")
        .execute(pool)
        .await
        .unwrap();
}

/// Failures remembered for the account `id` from `origin`: (count, must wait now).
async fn failures(pool: &Db, id: i64, origin: &str) -> (i64, bool) {
    crate::sql::query_as(crate::sql::dialect_sql!(format!(
        "SELECT failures, wait_until > {NOW} FROM password_guesses WHERE user_id = ? AND origin = ?"
    )))
    .bind(id)
    .bind(token_hash(origin))
    .fetch_optional(pool)
    .await
    .unwrap()
    .unwrap_or((0, false))
}

#[tokio::test]
async fn guesses_at_once_are_each_counted_and_the_wait_starts_once() {
    // A guesser sends many tries at the same moment (to several servers): the counter
    // loses none, stops at the free guesses, and the slow-down is audited once.
    let db = test_db::empty().await;
    let id = editor(&db.pool).await;
    let tries = (0..3 * FREE_GUESSES).map(|_| {
        let pool = db.pool.clone();
        tokio::spawn(async move { salma_logs_in(&pool, "wrong password!", HERE).await })
    });
    for accepted in futures_util::future::join_all(tries).await {
        assert!(!accepted.unwrap());
    }
    assert_eq!(failures(&db.pool, id, HERE).await, (FREE_GUESSES, true));
    let slowed: i64 =
        crate::sql::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'login.slowed'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(slowed, 1);
    assert!(
        !salma_logs_in(&db.pool, GOOD, HERE).await,
        "this origin waits"
    );
    assert!(
        salma_logs_in(&db.pool, GOOD, ELSEWHERE).await,
        "the owner does not"
    );
}

#[tokio::test]
async fn repeated_failures_slow_down_that_origin_and_never_lock_the_owner_out() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let id = editor(pool).await;
    assert!(matches!(
        log_in(pool, "nobody@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Refused
    ));
    for _ in 0..FREE_GUESSES {
        assert!(!salma_logs_in(pool, "wrong password!", HERE).await);
    }
    assert_eq!(failures(pool, id, HERE).await, (FREE_GUESSES, true));
    // This origin must wait: even the right password is refused, with the answer of a
    // wrong one, and the wait is not made longer by guesses during it.
    assert!(!salma_logs_in(pool, GOOD, HERE).await);
    assert_eq!(failures(pool, id, HERE).await, (FREE_GUESSES, true));
    // The owner, elsewhere, logs in at once.
    assert!(salma_logs_in(pool, GOOD, ELSEWHERE).await);
    let actions: Vec<String> =
        crate::sql::query_scalar("SELECT action FROM audit_log WHERE user_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(pool)
            .await
            .unwrap();
    assert_eq!(actions, ["account.create", "login.slowed", "session.open"]);
    // Each wait ends by itself, and the next failure doubles the one after it.
    let wait_query = crate::sql::dialect_sql!(format!(
        "SELECT CAST(round(({} - {}) * 1440) AS BIGINT)
         FROM password_guesses WHERE user_id = ?",
        in_days("wait_until"),
        in_days(NOW)
    ));
    let waits = |id| {
        crate::sql::query_scalar::<i64>(&wait_query)
            .bind(id)
            .fetch_one(pool)
    };
    assert_eq!(waits(id).await.unwrap(), 1, "minutes");
    for expected in [2, 4, 8, 16, 32, 60, 60] {
        end_waits(pool).await;
        assert!(!salma_logs_in(pool, "wrong password!", HERE).await);
        assert_eq!(waits(id).await.unwrap(), expected, "minutes");
    }
    end_waits(pool).await;
    assert!(salma_logs_in(pool, GOOD, HERE).await);
    assert_eq!(failures(pool, id, HERE).await, (0, false), "forgotten");
    // A new password closes the sessions opened with the old one.
    set_password(pool, id, "a brand new passphrase")
        .await
        .unwrap();
    assert_eq!(
        crate::sql::query_scalar::<i64>("SELECT count(*) FROM sessions")
            .fetch_one(pool)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_are_counted_before_any_password_is_checked() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let id = editor(pool).await;
    // Twenty guesses at once: only the free ones are let through to a password check,
    // however many were waiting for a hash at the time.
    let guesses: Vec<_> = (0..20)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                log_in(&pool, "salma@ccme.ma", "a wrong guess", HERE, None).await
            })
        })
        .collect();
    for guess in guesses {
        assert!(matches!(guess.await.unwrap().unwrap(), LogIn::Refused));
    }
    assert_eq!(failures(pool, id, HERE).await, (FREE_GUESSES, true));
    assert!(matches!(
        log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Refused
    ));
}
