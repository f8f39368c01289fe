//! Issues on a real SQLite file: the press review's prefill, who gets an issue, the
//! hand-over to the queue, unsubscribing mid-send, refusals (for good, and for an hour),
//! pause and cancel, and a restart in the middle of a send.

use super::*;
use crate::lang::Lang;
use crate::mail_queue;
use crate::subscriptions::List;
use crate::test_db;
use crate::Db;

const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

/// A published article in `lang`, `hours_ago` old.
async fn article(pool: &Db, lang: Lang, slug: &str, hours_ago: i64) -> i64 {
    let id: i64 =
        crate::sql::query_scalar("INSERT INTO stories (kind) VALUES ('article') RETURNING id")
            .fetch_one(pool)
            .await
            .unwrap();
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "INSERT INTO story_translations
           (story_id, lang, kind, slug, title, summary, source, status, published_at)
         VALUES (?, ?, 'article', ?, ?, 'Résumé', 'LE MATIN', 'published', {})",
        now_moved("'-' || ? || ' hours'")
    )))
    .bind(id)
    .bind(lang.code())
    .bind(slug)
    .bind(format!("Titre {slug}"))
    .bind(hours_ago)
    .execute(pool)
    .await
    .unwrap();
    id
}

/// A subscriber of `list` in `lang` with `status`; returns its id.
async fn subscriber(pool: &Db, email: &str, list: List, lang: Lang, status: &str) -> i64 {
    crate::sql::query_scalar(
        "INSERT INTO subscribers (email, list, lang, status) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(email)
    .bind(list.code())
    .bind(lang.code())
    .bind(status)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn rendered() -> Rendered {
    Rendered {
        subject: "Revue de presse".into(),
        html: format!("<p>Bonjour</p><a href=\"{UNSUBSCRIBE_SLOT}\">x</a>"),
        text: format!("Bonjour\n{UNSUBSCRIBE_SLOT}"),
    }
}

fn unsubscribe_url(lang: Lang, token: &str) -> String {
    format!(
        "https://ccme.example/{}/newsletter/unsubscribe?t={token}",
        lang.code()
    )
}

/// Sends what the queue has due as a mail server that accepts everything would.
async fn deliver_all(pool: &Db) -> Vec<mail_queue::QueuedMail> {
    let due = mail_queue::due(pool, 1000).await.unwrap();
    for mail in &due {
        mail_queue::mark_sent(pool, mail.id).await.unwrap();
    }
    due
}

/// Hands over and delivers until nothing is left, `window` at a time; returns the
/// addresses mailed, after those in `received`.
async fn deliver_the_rest(pool: &Db, window: i64, mut received: Vec<String>) -> Vec<String> {
    loop {
        hand_off(pool, window, unsubscribe_url, KEY).await.unwrap();
        let batch = deliver_all(pool).await;
        if batch.is_empty() {
            return received;
        }
        received.extend(batch.into_iter().map(|m| m.mail.to_addr));
    }
}

/// `received` names `count` addresses, each once.
fn assert_each_once(mut received: Vec<String>, count: usize) {
    let mails = received.len();
    received.sort();
    received.dedup();
    assert_eq!(
        (mails, received.len()),
        (count, count),
        "each of the {count} once"
    );
}

#[tokio::test]
async fn a_press_review_starts_with_the_articles_since_the_last_issue() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let older = article(pool, Lang::Fr, "hier", 30).await;
    let first = article(pool, Lang::Fr, "matin", 5).await;
    let second = article(pool, Lang::Fr, "midi", 2).await;
    article(pool, Lang::Ar, "sabah", 2).await;
    let id = create(pool, List::PressReview, Lang::Fr, "Revue", None)
        .await
        .unwrap();
    let picked: Vec<i64> = stories(pool, id)
        .await
        .unwrap()
        .iter()
        .map(|s| s.story_id)
        .collect();
    assert_eq!(
        picked,
        [second, first],
        "the last day's French articles, newest first"
    );
    assert!(!picked.contains(&older));
    let story = &stories(pool, id).await.unwrap()[0];
    assert_eq!(
        (story.source.as_str(), story.title.as_str()),
        ("LE MATIN", "Titre midi")
    );
    // Reordered and one removed by the editor.
    assert!(set_stories(pool, id, &[first]).await.unwrap());
    assert_eq!(stories(pool, id).await.unwrap().len(), 1);
    // Once it has gone out, the next issue starts after it.
    start(pool, id, &rendered()).await.unwrap().unwrap();
    crate::sql::query(crate::sql::dialect_sql!(format!(
        "UPDATE mailings SET started_at = {}",
        now_moved("'-3 hours'")
    )))
    .execute(pool)
    .await
    .unwrap();
    let next = create(pool, List::PressReview, Lang::Fr, "Revue 2", None)
        .await
        .unwrap();
    let picked: Vec<i64> = stories(pool, next)
        .await
        .unwrap()
        .iter()
        .map(|s| s.story_id)
        .collect();
    assert_eq!(picked, [second]);
    // A newsletter starts empty; its words can change until it is sent, not after.
    let letter = create(pool, List::Newsletter, Lang::Fr, "Lettre", None)
        .await
        .unwrap();
    assert!(stories(pool, letter).await.unwrap().is_empty());
    assert!(update(pool, letter, "Lettre de mars", "**Bonjour**")
        .await
        .unwrap());
    assert!(!update(pool, id, "Trop tard", "").await.unwrap());
    assert!(!set_stories(pool, id, &[second]).await.unwrap());
}

#[tokio::test]
async fn an_issue_goes_once_to_each_confirmed_subscriber_of_its_list_and_edition() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let a = subscriber(
        pool,
        "a@example.org",
        List::PressReview,
        Lang::Fr,
        "confirmed",
    )
    .await;
    let b = subscriber(
        pool,
        "b@example.org",
        List::PressReview,
        Lang::Fr,
        "confirmed",
    )
    .await;
    subscriber(
        pool,
        "pending@example.org",
        List::PressReview,
        Lang::Fr,
        "pending",
    )
    .await;
    subscriber(
        pool,
        "gone@example.org",
        List::PressReview,
        Lang::Fr,
        "unsubscribed",
    )
    .await;
    subscriber(
        pool,
        "ar@example.org",
        List::PressReview,
        Lang::Ar,
        "confirmed",
    )
    .await;
    subscriber(
        pool,
        "letter@example.org",
        List::Newsletter,
        Lang::Fr,
        "confirmed",
    )
    .await;
    let id = create(pool, List::PressReview, Lang::Fr, "Revue", None)
        .await
        .unwrap();
    assert_eq!(start(pool, id, &rendered()).await.unwrap(), Some(2));
    assert_eq!(
        start(pool, id, &rendered()).await.unwrap(),
        None,
        "starts once"
    );
    assert_eq!(hand_off(pool, 100, unsubscribe_url, KEY).await.unwrap(), 2);
    assert_eq!(
        hand_off(pool, 100, unsubscribe_url, KEY).await.unwrap(),
        0,
        "handed once"
    );
    let sent = deliver_all(pool).await;
    let mut to: Vec<&str> = sent.iter().map(|m| m.mail.to_addr.as_str()).collect();
    to.sort();
    assert_eq!(to, ["a@example.org", "b@example.org"]);
    for mail in &sent {
        let url = mail.mail.unsubscribe_url.clone().unwrap();
        assert!(
            mail.mail.html_body.contains(&format!("href=\"{url}\"")),
            "own link in HTML"
        );
        assert!(mail.mail.text_body.ends_with(&url), "own link in text");
        assert_eq!(mail.list_id.as_deref(), Some("press-review-fr"));
        assert_eq!(mail.mail.subject, "Revue de presse");
        // The link unsubscribes its own recipient.
        let token = url.rsplit("t=").next().unwrap();
        let owner = crate::subscriptions::pending(pool, token, "unsubscribe")
            .await
            .unwrap();
        assert_eq!(owner.unwrap().email, mail.mail.to_addr);
    }
    assert_eq!(
        progress(pool, id).await.unwrap(),
        Progress {
            sent: 2,
            ..Progress::default()
        }
    );
    assert_eq!(finish_done(pool).await.unwrap(), [id]);
    assert_eq!(get(pool, id).await.unwrap().unwrap().status, Status::Sent);
    let _ = (a, b);
}

#[tokio::test]
async fn unsubscribing_during_a_send_stops_the_rest_of_that_issue() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    for n in 0..5 {
        subscriber(
            pool,
            &format!("r{n}@example.org"),
            List::Newsletter,
            Lang::Ar,
            "confirmed",
        )
        .await;
    }
    let id = create(pool, List::Newsletter, Lang::Ar, "رسالة", None)
        .await
        .unwrap();
    start(pool, id, &rendered()).await.unwrap();
    // Two handed over and one of them already sent; then r1 (queued) and r3 (waiting) leave.
    hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap();
    let first = mail_queue::due(pool, 1).await.unwrap();
    mail_queue::mark_sent(pool, first[0].id).await.unwrap();
    crate::sql::query("UPDATE subscribers SET status = 'unsubscribed' WHERE email IN ('r1@example.org', 'r3@example.org')")
        .execute(pool)
        .await
        .unwrap();
    // The queue no longer offers r1's mail, even before the worker notices.
    assert!(mail_queue::due(pool, 10).await.unwrap().is_empty());
    let mut sent = vec![first[0].mail.to_addr.clone()];
    while hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap() > 0 {
        sent.extend(deliver_all(pool).await.into_iter().map(|m| m.mail.to_addr));
    }
    sent.sort();
    assert_eq!(sent, ["r0@example.org", "r2@example.org", "r4@example.org"]);
    assert_eq!(
        progress(pool, id).await.unwrap(),
        Progress {
            sent: 3,
            skipped: 2,
            ..Progress::default()
        }
    );
    assert_eq!(finish_done(pool).await.unwrap(), [id]);
}

#[tokio::test]
async fn permanent_refusals_stop_mail_to_an_address_and_passing_ones_are_retried() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let bad = subscriber(
        pool,
        "nobody@example.org",
        List::Newsletter,
        Lang::En,
        "confirmed",
    )
    .await;
    subscriber(
        pool,
        "busy@example.org",
        List::Newsletter,
        Lang::En,
        "confirmed",
    )
    .await;
    for round in 1..=MAX_REFUSALS {
        let id = create(pool, List::Newsletter, Lang::En, "Letter", None)
            .await
            .unwrap();
        start(pool, id, &rendered()).await.unwrap();
        hand_off(pool, 10, unsubscribe_url, KEY).await.unwrap();
        for mail in mail_queue::due(pool, 10).await.unwrap() {
            let permanent = mail.mail.to_addr == "nobody@example.org";
            mail_queue::mark_failed(pool, mail.id, "550 no such user", permanent)
                .await
                .unwrap();
        }
        let p = progress(pool, id).await.unwrap();
        assert_eq!(
            (p.failed, p.queued),
            (1, 1),
            "round {round}: given up on one, the other waits for a retry"
        );
        let refusals: i64 =
            crate::sql::query_scalar("SELECT refusals FROM subscribers WHERE id = ?")
                .bind(bad)
                .fetch_one(pool)
                .await
                .unwrap();
        assert_eq!(refusals, round);
    }
    // Past MAX_REFUSALS, the next issue does not go to that address at all.
    let id = create(pool, List::Newsletter, Lang::En, "Letter", None)
        .await
        .unwrap();
    assert_eq!(start(pool, id, &rendered()).await.unwrap(), Some(1));
}

#[tokio::test]
async fn pause_resume_and_cancel() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    for n in 0..6 {
        subscriber(
            pool,
            &format!("p{n}@example.org"),
            List::Newsletter,
            Lang::Fr,
            "confirmed",
        )
        .await;
    }
    let id = create(pool, List::Newsletter, Lang::Fr, "Lettre", None)
        .await
        .unwrap();
    start(pool, id, &rendered()).await.unwrap();
    hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap();
    deliver_all(pool).await;
    assert!(pause(pool, id).await.unwrap());
    assert_eq!(
        hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap(),
        0,
        "paused: nothing handed over"
    );
    assert!(finish_done(pool).await.unwrap().is_empty());
    assert!(resume(pool, id).await.unwrap());
    assert_eq!(hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap(), 2);
    deliver_all(pool).await;
    assert!(cancel(pool, id).await.unwrap());
    assert_eq!(hand_off(pool, 2, unsubscribe_url, KEY).await.unwrap(), 0);
    assert_eq!(
        progress(pool, id).await.unwrap(),
        Progress {
            sent: 4,
            skipped: 2,
            ..Progress::default()
        }
    );
    assert_eq!(
        get(pool, id).await.unwrap().unwrap().status,
        Status::Cancelled
    );
}

/// A mail server that refuses everything for an hour ("421 try again later") delays the
/// issue and loses nothing: each mail is tried again after a delay that doubles, never
/// before it, and once the server accepts again each recipient gets the issue once. The
/// hour passes by moving the queue's times back, as the clock would.
#[tokio::test]
async fn a_mail_server_refusing_for_an_hour_delays_the_issue_and_each_recipient_gets_it_once() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    for n in 0..20 {
        let email = format!("r{n}@example.org");
        subscriber(pool, &email, List::PressReview, Lang::Fr, "confirmed").await;
    }
    let id = create(pool, List::PressReview, Lang::Fr, "Revue", None)
        .await
        .unwrap();
    start(pool, id, &rendered()).await.unwrap();
    let (mut tries, mut refused_minutes) = (0, 0);
    while refused_minutes < 60 {
        hand_off(pool, 100, unsubscribe_url, KEY).await.unwrap();
        let due = mail_queue::due(pool, 1000).await.unwrap();
        assert_eq!(
            due.len(),
            20,
            "try {}: every mail is tried again",
            tries + 1
        );
        for mail in &due {
            mail_queue::mark_failed(pool, mail.id, "421 try again later", false)
                .await
                .unwrap();
        }
        tries += 1;
        assert!(
            mail_queue::due(pool, 1000).await.unwrap().is_empty(),
            "not before its delay"
        );
        // The clock moves on to the next try.
        let wait: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
            "SELECT CAST(round(({} - {}) * 1440) AS BIGINT)
             FROM mail_queue WHERE sent_at IS NULL",
            in_days("min(next_attempt_at)"),
            in_days(NOW)
        )))
        .fetch_one(pool)
        .await
        .unwrap();
        crate::sql::query(crate::sql::dialect_sql!(format!(
            "UPDATE mail_queue SET next_attempt_at = {} WHERE sent_at IS NULL",
            time_moved("next_attempt_at", "'-' || ? || ' minutes'")
        )))
        .bind(wait)
        .execute(pool)
        .await
        .unwrap();
        refused_minutes += wait;
    }
    assert_eq!(
        (tries, refused_minutes),
        (6, 63),
        "1 + 2 + 4 + 8 + 16 + 32 minutes"
    );
    let p = progress(pool, id).await.unwrap();
    assert_eq!((p.sent, p.failed, p.queued), (0, 0, 20), "nothing given up");
    // The mail server accepts again.
    let received = deliver_the_rest(pool, 100, Vec::new()).await;
    assert_each_once(received, 20);
    assert_eq!(finish_done(pool).await.unwrap(), [id]);
}

#[tokio::test]
async fn a_send_stopped_halfway_goes_on_after_a_restart_and_mails_each_recipient_once() {
    let db = test_db::sqlite().await;
    for n in 0..40 {
        subscriber(
            &db.pool,
            &format!("s{n}@example.org"),
            List::PressReview,
            Lang::Fr,
            "confirmed",
        )
        .await;
    }
    let id = create(&db.pool, List::PressReview, Lang::Fr, "Revue", None)
        .await
        .unwrap();
    start(&db.pool, id, &rendered()).await.unwrap();
    let mut received = Vec::new();
    hand_off(&db.pool, 10, unsubscribe_url, KEY).await.unwrap();
    for mail in mail_queue::due(&db.pool, 4).await.unwrap() {
        received.push(mail.mail.to_addr.clone());
        mail_queue::mark_sent(&db.pool, mail.id).await.unwrap();
    }
    // The server stops: a new pool on the same file goes on from where it was.
    let url = format!("sqlite://{}", db._dir.path().join("test.db").display());
    db.pool.close().await;
    let pool = crate::connect(&url).await.unwrap();
    assert_eq!(progress(&pool, id).await.unwrap().sent, 4);
    let received = deliver_the_rest(&pool, 10, received).await;
    assert_each_once(received, 40);
    assert_eq!(finish_done(&pool).await.unwrap(), [id]);
}

#[tokio::test]
async fn scheduled_issues_are_due_at_their_time() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let later = create(pool, List::Newsletter, Lang::Fr, "Plus tard", None)
        .await
        .unwrap();
    let now = create(pool, List::Newsletter, Lang::Fr, "Maintenant", None)
        .await
        .unwrap();
    assert!(schedule(pool, later, Some("2999-01-01T08:00:00Z"))
        .await
        .unwrap());
    assert!(schedule(pool, now, Some("2000-01-01T08:00:00Z"))
        .await
        .unwrap());
    assert_eq!(due_to_start(pool).await.unwrap(), [now]);
    assert_eq!(
        get(pool, later).await.unwrap().unwrap().status,
        Status::Scheduled
    );
    assert!(schedule(pool, later, None).await.unwrap());
    assert_eq!(
        get(pool, later).await.unwrap().unwrap().status,
        Status::Draft
    );
}

#[tokio::test]
async fn only_sent_issues_are_in_the_archive_of_their_own_edition_and_its_feeds() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let story = article(pool, Lang::Ar, "sabah", 2).await;
    subscriber(
        pool,
        "r@example.org",
        List::PressReview,
        Lang::Ar,
        "confirmed",
    )
    .await;
    assert_eq!(
        recipient_count(pool, List::PressReview, Lang::Ar)
            .await
            .unwrap(),
        1
    );
    let id = create(pool, List::PressReview, Lang::Ar, "مراجعة الصحافة", None)
        .await
        .unwrap();
    assert!(update(pool, id, "مراجعة الصحافة", "**صباح الخير**")
        .await
        .unwrap());
    assert!(
        candidates(pool, id, 10).await.unwrap().is_empty(),
        "the prefilled story is in it already"
    );
    assert_eq!(
        archived(pool, Lang::Ar, id).await.unwrap(),
        None,
        "a draft is not public"
    );
    start(pool, id, &rendered()).await.unwrap();
    hand_off(pool, 10, unsubscribe_url, KEY).await.unwrap();
    deliver_all(pool).await;
    finish_done(pool).await.unwrap();
    let page = archived(pool, Lang::Ar, id)
        .await
        .unwrap()
        .expect("sent: in the archive");
    assert_eq!(page.intro_html.trim(), "<p><strong>صباح الخير</strong></p>");
    assert_eq!(
        page.stories.iter().map(|s| s.story_id).collect::<Vec<_>>(),
        [story]
    );
    assert_eq!(
        page.alternates.iter().filter(|a| a.exact).count(),
        1,
        "its own edition only"
    );
    assert_eq!(
        archived(pool, Lang::Fr, id).await.unwrap(),
        None,
        "not in another edition"
    );
    assert_eq!(archive(pool, Lang::Ar, 10).await.unwrap().len(), 1);
    let feed = crate::syndication::newest_issues(pool, Lang::Ar, 10)
        .await
        .unwrap();
    assert_eq!(feed.len(), 1);
    assert_eq!(
        feed[0].path(Lang::Ar),
        format!("/ar/newsletter/archive/{id}")
    );
    assert!(
        feed[0].body_html.contains("/ar/article/sabah"),
        "{}",
        feed[0].body_html
    );
}
