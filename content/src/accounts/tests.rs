use super::guesses::tests::end_waits;
use super::*;
use crate::test_db;

pub(super) const GOOD: &str = "correct horse battery";
/// Where the tests' log-ins come from, and another place.
pub(super) const HERE: &str = "192.0.2.1";
pub(super) const ELSEWHERE: &str = "2001:db8:5::";

/// Salma, an editor, with the password [`GOOD`]; her id.
pub(super) async fn editor(pool: &Db) -> i64 {
    create_user(pool, " Salma@CCME.ma ", "Salma", Role::Editor, GOOD)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_password_checks_computes_one_hash_per_core_at_most() {
    let hash = hash_password(GOOD).await.unwrap();
    let checks: Vec<_> = (0..16)
        .map(|n| {
            let hash = hash.clone();
            let password = if n % 2 == 0 {
                GOOD
            } else {
                "a wrong guess, again"
            };
            tokio::spawn(async move { verify_password(password, Some(&hash)).await })
        })
        .collect();
    for (n, check) in checks.into_iter().enumerate() {
        assert_eq!(check.await.unwrap(), n % 2 == 0, "check {n}");
    }
    let cores = std::thread::available_parallelism().map_or(2, |cores| cores.get());
    let most = password::most_hashing_at_once();
    assert!(
        (1..=cores).contains(&most),
        "{most} at once on {cores} cores"
    );
}

#[tokio::test]
async fn passwords_are_argon2id_salted_and_checked() {
    let one = hash_password(GOOD).await.unwrap();
    let two = hash_password(GOOD).await.unwrap();
    assert!(one.starts_with("$argon2id$v=19$"), "{one}");
    assert_ne!(one, two, "a fresh salt each time");
    assert!(verify_password(GOOD, Some(&one)).await);
    assert!(!verify_password("correct horse battery!", Some(&one)).await);
    assert!(!verify_password(GOOD, Some("not a hash")).await);
    assert!(
        !verify_password(GOOD, None).await,
        "the decoy never matches"
    );
    assert_eq!(
        check_password_rules("short pass1"),
        Err(PasswordProblem::TooShort)
    );
    assert_eq!(
        check_password_rules("   elevenchars   "),
        Err(PasswordProblem::TooShort)
    );
    assert_eq!(check_password_rules("twelve chars"), Ok(()));
    assert_eq!(
        check_password_rules(&"x".repeat(257)),
        Err(PasswordProblem::TooLong)
    );
    assert_eq!(
        check_password_rules("كلمة مرور طويلة"),
        Ok(()),
        "any script counts"
    );
}

#[tokio::test]
async fn accounts_need_a_real_address_a_good_password_and_are_unique() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    assert!(create_user(pool, "not-an-address", "", Role::Author, GOOD)
        .await
        .is_err());
    assert!(create_user(pool, "a@ccme.ma", "", Role::Author, "short")
        .await
        .is_err());
    editor(pool).await;
    assert!(
        create_user(pool, "salma@ccme.ma", "", Role::Admin, GOOD)
            .await
            .is_err(),
        "the same address, whatever its case"
    );
    let stored: String = crate::sql::query_scalar("SELECT password_hash FROM users")
        .fetch_one(pool)
        .await
        .unwrap();
    assert!(!stored.contains(GOOD));
}

#[tokio::test]
async fn log_in_opens_a_session_that_expires_and_closes() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let id = editor(pool).await;
    let LogIn::Accepted { token, user } = log_in(pool, "SALMA@ccme.ma", GOOD, HERE, None)
        .await
        .unwrap()
    else {
        panic!("refused");
    };
    assert_eq!((user.id, user.role), (id, Role::Editor));
    let stored: String = crate::sql::query_scalar("SELECT token_hash FROM sessions")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_ne!(stored, token, "only the token's hash is kept");
    assert_eq!(
        session_user(pool, &token).await.unwrap().unwrap().email,
        "salma@ccme.ma"
    );
    assert!(session_user(pool, "forged").await.unwrap().is_none());

    // Expired: no longer a session, and purged.
    crate::sql::query("UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(pool)
        .await
        .unwrap();
    assert!(session_user(pool, &token).await.unwrap().is_none());
    assert_eq!(purge_sessions(pool).await.unwrap(), 1);

    // Log out here, or everywhere.
    let open = |pool| async move {
        match log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap()
        {
            LogIn::Accepted { token, .. } => token,
            other => panic!("{other:?}"),
        }
    };
    let (phone, laptop) = (open(pool).await, open(pool).await);
    log_out(pool, &phone).await.unwrap();
    assert!(session_user(pool, &phone).await.unwrap().is_none());
    assert!(session_user(pool, &laptop).await.unwrap().is_some());
    let other = create_user(pool, "k@ccme.ma", "K", Role::Author, GOOD)
        .await
        .unwrap();
    let LogIn::Accepted { token: theirs, .. } =
        log_in(pool, "k@ccme.ma", GOOD, HERE, None).await.unwrap()
    else {
        panic!()
    };
    assert_eq!(log_out_everywhere(pool, id).await.unwrap(), 1);
    assert!(session_user(pool, &laptop).await.unwrap().is_none());
    assert_eq!(
        session_user(pool, &theirs).await.unwrap().unwrap().id,
        other
    );

    // A disabled account opens nothing, and its sessions stop answering.
    crate::sql::query("UPDATE users SET disabled = TRUE WHERE id = ?")
        .bind(other)
        .execute(pool)
        .await
        .unwrap();
    assert!(session_user(pool, &theirs).await.unwrap().is_none());
    assert!(matches!(
        log_in(pool, "k@ccme.ma", GOOD, HERE, None).await.unwrap(),
        LogIn::Refused
    ));
}

#[test]
fn roles_are_ordered_by_what_they_may_do() {
    assert!(Role::Admin.allows(Role::Editor) && Role::Editor.allows(Role::Author));
    assert!(!Role::Author.allows(Role::Editor) && !Role::Editor.allows(Role::Admin));
    for role in [Role::Author, Role::Editor, Role::Admin] {
        assert_eq!(Role::from_code(role.code()), Some(role));
    }
    assert_eq!(Role::from_code("root"), None);
}

#[tokio::test]
async fn each_session_speaks_the_language_it_logged_in_with() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    editor(pool).await;
    let token = |outcome| match outcome {
        LogIn::Accepted { token, user } => (token, user.lang),
        other => panic!("{other:?}"),
    };
    let (arabic, lang) = token(
        log_in(pool, "salma@ccme.ma", GOOD, HERE, Some(Lang::Ar))
            .await
            .unwrap(),
    );
    assert_eq!(lang, Lang::Ar);
    let (default, _) = token(
        log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
    );
    assert_eq!(
        session_user(pool, &arabic).await.unwrap().unwrap().lang,
        Lang::Ar
    );
    assert_eq!(
        session_user(pool, &default).await.unwrap().unwrap().lang,
        Lang::Fr
    );
}

fn as_session(id: i64, role: Role) -> SessionUser {
    SessionUser {
        id,
        email: String::new(),
        name: String::new(),
        role,
        lang: Lang::Fr,
    }
}

/// An administrator and an editor (Salma), as their sessions see them.
async fn admin_and_editor(pool: &Db) -> (SessionUser, SessionUser) {
    let admin_id = create_user(pool, "admin@ccme.ma", "", Role::Admin, GOOD)
        .await
        .unwrap();
    let salma = editor(pool).await;
    (
        as_session(admin_id, Role::Admin),
        as_session(salma, Role::Editor),
    )
}

#[tokio::test]
async fn administrators_create_change_and_disable_accounts() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let (admin, salma) = admin_and_editor(pool).await;
    let admin_id = admin.id;
    let input = AccountInput {
        email: " Youssef@CCME.ma".into(),
        name: "Youssef".into(),
        role: "author".into(),
        lang: "ar".into(),
        password: GOOD.into(),
    };
    // Only administrators; every field checked, nothing stored on a problem.
    let refused = create_account(pool, &salma, &input).await.unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "not_allowed");
    let bad = AccountInput {
        email: "salma@ccme.ma".into(),
        role: "chief".into(),
        password: "short".into(),
        ..input.clone()
    };
    let problems = create_account(pool, &admin, &bad)
        .await
        .unwrap()
        .unwrap_err();
    let codes: Vec<_> = problems.iter().map(|(f, c)| format!("{f}:{c}")).collect();
    assert_eq!(
        codes,
        [
            "email:email_taken",
            "role:required",
            "password:password_short"
        ]
    );

    let id = create_account(pool, &admin, &input).await.unwrap().unwrap();
    let LogIn::Accepted { token, user } = log_in(pool, "youssef@ccme.ma", GOOD, HERE, None)
        .await
        .unwrap()
    else {
        panic!("the new account logs in");
    };
    assert_eq!((user.role, user.lang), (Role::Author, Lang::Ar));

    // Promoted; then disabled, which closes its sessions and refuses its log-in.
    let done = change_account(pool, &admin, id, AccountChange::Role(Role::Editor))
        .await
        .unwrap();
    assert_eq!(done, Ok(true));
    assert_eq!(
        session_user(pool, &token).await.unwrap().unwrap().role,
        Role::Editor
    );
    change_account(pool, &admin, id, AccountChange::Disable)
        .await
        .unwrap()
        .unwrap();
    assert!(session_user(pool, &token).await.unwrap().is_none());
    assert!(matches!(
        log_in(pool, "youssef@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Refused
    ));
    change_account(pool, &admin, id, AccountChange::Enable)
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        log_in(pool, "youssef@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Accepted { .. }
    ));

    // Nobody demotes or disables themselves; editors change nobody; unknown ids say so.
    for change in [AccountChange::Role(Role::Author), AccountChange::Disable] {
        let refused = change_account(pool, &admin, admin_id, change)
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err()[0].1, "not_yourself");
    }
    let refused = change_account(pool, &salma, id, AccountChange::Disable)
        .await
        .unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "not_allowed");
    assert_eq!(
        change_account(pool, &admin, 999, AccountChange::Unlock)
            .await
            .unwrap(),
        Ok(false)
    );

    let listed = list_accounts(pool).await.unwrap();
    assert_eq!(listed[0].email, "admin@ccme.ma", "administrators first");
    assert_eq!(listed.iter().find(|a| a.id == id).unwrap().sessions, 1);
    let actions: Vec<String> = recent_activity(pool, admin_id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "account.create",
        "account.role",
        "account.disable",
        "account.enable",
    ] {
        assert!(
            actions.contains(&action.to_owned()),
            "{action} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn changing_ones_password_keeps_this_session_and_closes_the_others() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let id = editor(pool).await;
    let open = || async {
        match log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap()
        {
            LogIn::Accepted { token, .. } => token,
            other => panic!("{other:?}"),
        }
    };
    let (here, elsewhere) = (open().await, open().await);
    let new = "a brand new passphrase";
    let wrong = change_own_password(pool, id, "not it at all!", new, &here)
        .await
        .unwrap();
    assert_eq!(wrong, Err(problem("current", "password_wrong")));
    // Wrong current passwords are counted like log-in guesses: a borrowed session
    // cannot try passwords at will.
    for _ in 1..FREE_GUESSES {
        let wrong = change_own_password(pool, id, "not it at all!", new, &here)
            .await
            .unwrap();
        assert_eq!(wrong, Err(problem("current", "password_wrong")));
    }
    let waiting = change_own_password(pool, id, GOOD, new, &here)
        .await
        .unwrap();
    assert_eq!(waiting, Err(problem("current", "password_wait")));
    end_waits(pool).await;
    let short = change_own_password(pool, id, GOOD, "tiny", &here)
        .await
        .unwrap();
    assert_eq!(short, Err(problem("password", "password_short")));
    change_own_password(pool, id, GOOD, new, &here)
        .await
        .unwrap()
        .unwrap();
    assert!(
        session_user(pool, &here).await.unwrap().is_some(),
        "this device stays in"
    );
    assert!(
        session_user(pool, &elsewhere).await.unwrap().is_none(),
        "others are out"
    );
    assert!(matches!(
        log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Refused
    ));
    assert!(matches!(
        log_in(pool, "salma@ccme.ma", new, HERE, None)
            .await
            .unwrap(),
        LogIn::Accepted { .. }
    ));
}

#[tokio::test]
async fn the_audit_log_says_who_did_what_to_administrators_only() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let (admin, salma) = admin_and_editor(pool).await;
    for _ in 0..FREE_GUESSES {
        log_in(pool, "salma@ccme.ma", "a wrong guess", HERE, None)
            .await
            .unwrap();
    }
    let shown = |accounts: Vec<crate::model::AccountSummary>| accounts.iter().any(|a| a.locked);
    assert!(shown(list_accounts(pool).await.unwrap()), "shown as locked");
    change_account(pool, &admin, salma.id, AccountChange::Unlock)
        .await
        .unwrap()
        .unwrap();
    assert!(!shown(list_accounts(pool).await.unwrap()));
    assert!(matches!(
        log_in(pool, "salma@ccme.ma", GOOD, HERE, None)
            .await
            .unwrap(),
        LogIn::Accepted { .. }
    ));
    let refused = audit_page(pool, &salma, 1).await.unwrap();
    assert_eq!(refused.unwrap_err()[0].1, "not_allowed");
    let log = audit_page(pool, &admin, 1).await.unwrap().unwrap();
    assert_eq!((log.page, log.pages), (1, 1));
    let newest = &log.entries[1];
    assert_eq!(
        (
            newest.who.as_str(),
            newest.action.as_str(),
            newest.target.as_str()
        ),
        ("admin@ccme.ma", "account.unlock", "salma@ccme.ma")
    );
    assert_eq!(
        log.entries.len(),
        5,
        "two accounts created, log-ins slowed, one unlock, a session opened"
    );
    let beyond = audit_page(pool, &admin, 99).await.unwrap().unwrap();
    assert_eq!(beyond.page, 1, "a page past the end shows the last one");
}
