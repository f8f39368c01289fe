//! The server process itself, stopped while an issue goes out and started again (issue
//! 20): every confirmed subscriber gets the issue exactly once, through a real SMTP
//! server (the aiosmtpd sink `scripts/test` starts: SMTP_SINK, SMTP_SINK_MAILDIR).
//! The stop is what `systemctl stop` or Ctrl-C sends (SIGTERM): the server records the
//! mail it is sending before it exits.

use crate::running::server_command;
use crate::sink;
use content::lang::Lang;
use content::model::List;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const SUBSCRIBERS: usize = 60;

/// The site's server on `dir`'s database, mailing through `sink` at 10 mails a second.
fn server(dir: &Path, sink: &str, port: u16) -> Child {
    server_command(&dir.join("site.db"), port)
        .env("SITE_URL", "https://ccme.example")
        .env("SEED_DEMO", "false")
        .env("SMTP_URL", format!("smtp://{sink}"))
        .env("MAIL_RATE_PER_MINUTE", "600")
        .env("MAIL_POLL_MS", "100")
        .spawn()
        .expect("the server binary starts")
}

/// Asks the process to stop as a service manager does (SIGTERM) and waits for it.
fn stop(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let asked = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "a clean exit: {status}");
            return;
        }
        assert!(
            asked.elapsed() < Duration::from_secs(30),
            "stopped within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

async fn progress(pool: &content::Db, id: i64) -> content::model::MailingProgress {
    content::mailings::progress(pool, id)
        .await
        .expect("progress")
}

#[tokio::test]
async fn a_server_stopped_mid_send_and_started_again_mails_everyone_exactly_once() {
    let Some((sink, maildir)) = sink::sink() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("site.db").display());
    let pool = content::connect(&url).await.unwrap();
    let marker = format!("stopped-{}", &content::subscriptions::new_token()[..12]);
    let mut expected = Vec::new();
    for n in 0..SUBSCRIBERS {
        let email = format!("{marker}-{n:03}@example.org");
        content::sql::query(
            "INSERT INTO subscribers (email, list, lang, status) VALUES (?, 'newsletter', 'ar', 'confirmed')",
        )
        .bind(&email)
        .execute(&pool)
        .await
        .unwrap();
        expected.push(email);
    }
    let id = content::mailings::create(&pool, List::Newsletter, Lang::Ar, &marker, None)
        .await
        .unwrap();
    let issue = content::mailings::get(&pool, id).await.unwrap().unwrap();
    let rendered = app::forms::issue_letter::render("https://ccme.example", &issue, &[]);
    assert_eq!(
        content::mailings::start(&pool, id, &rendered)
            .await
            .unwrap(),
        Some(SUBSCRIBERS as i64)
    );

    // Running, then stopped once a third or so has gone out (10 a second: 6 s in all).
    let port = 3190;
    let running = server(dir.path(), &sink, port);
    let began = Instant::now();
    while progress(&pool, id).await.sent < (SUBSCRIBERS / 3) as i64 {
        assert!(began.elapsed() < Duration::from_secs(60), "sending started");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop(running);
    let halfway = progress(&pool, id).await;
    assert!(
        halfway.sent < SUBSCRIBERS as i64,
        "stopped before the end: {halfway:?}"
    );
    // Stopped means stopped: nothing more arrives.
    let at_stop = sink::received(&maildir, &marker).len();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sink::received(&maildir, &marker).len(), at_stop);
    assert_eq!(
        at_stop as i64, halfway.sent,
        "every mail the sink has is recorded as sent"
    );

    // Started again: it goes on where it stopped.
    let running = server(dir.path(), &sink, port);
    let began = Instant::now();
    while content::mailings::get(&pool, id)
        .await
        .unwrap()
        .unwrap()
        .status
        != content::model::MailingStatus::Sent
    {
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "finished after the restart"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop(running);
    assert_eq!(
        sink::received(&maildir, &marker),
        expected,
        "each subscriber exactly once"
    );
}
