//! `server backup FILE` while the site runs and readers' messages keep coming in (issue
//! 18): the copy holds every message committed before the backup began and none
//! half-written, and put in place of a site's database it serves the site.

use crate::running::{get, server_command};
use content::lang::Lang;
use content::reader_messages::{insert, NewMessage};
use std::path::Path;
use std::process::Child;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn url(db: &Path) -> String {
    format!("sqlite://{}", db.display())
}

/// The site's server on the database `db`, at `port`.
fn server(db: &Path, port: u16) -> Child {
    server_command(db, port)
        .env("SITE_URL", "https://ccme.example")
        .env("SEED_DEMO", "false")
        .spawn()
        .expect("the server binary starts")
}

/// A contact message as the form stores it, numbered by its subject.
fn message<'a>(subject: &'a str, attachment: Option<&'a [u8]>) -> NewMessage<'a> {
    NewMessage {
        kind: "contact",
        lang: Lang::Fr,
        name: "Lectrice",
        email: "lectrice@example.org",
        subject,
        body: "Bonjour",
        country: None,
        attachment: attachment.map(|bytes| ("scan.pdf", "application/pdf", bytes)),
        wording: "v1",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_the_site_runs_and_writes_go_on_restores_into_a_working_site() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("live").join("site.db");
    let pool = content::connect(&url(&live)).await.unwrap();
    content::seed::seed_demo(&pool, &live.with_file_name("media"))
        .await
        .unwrap();
    // Forty old messages with a 1 MiB scan each: copying takes a while, as on a real site.
    let scan = vec![7u8; 1 << 20];
    for _ in 0..40 {
        insert(&pool, &message("archive", Some(&scan)))
            .await
            .unwrap();
    }
    // A title the page shows as it is stored (no character HTML escapes).
    let (slug, title): (String, String) = content::sql::query_as(
        r#"SELECT slug, title FROM story_translations
           WHERE lang = 'fr' AND kind = 'article' AND status = 'published'
             AND title NOT GLOB '*[''&<>"]*' LIMIT 1"#,
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let mut site = server(&live, 3197);
    assert_eq!(get(3197, "/fr/").0, 200, "the site runs");

    // Readers' messages keep coming in, one transaction each, numbered in order.
    let committed = Arc::new(AtomicI64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = tokio::spawn({
        let (pool, committed, stop) = (pool.clone(), committed.clone(), stop.clone());
        async move {
            let mut number = 0;
            while !stop.load(Ordering::SeqCst) {
                insert(&pool, &message(&format!("written {number}"), None))
                    .await
                    .unwrap();
                number += 1;
                committed.store(number, Ordering::SeqCst);
            }
        }
    });
    while committed.load(Ordering::SeqCst) < 10 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let before = committed.load(Ordering::SeqCst);
    let nightly = dir.path().join("nightly.db");
    let run = {
        let (live, nightly) = (live.clone(), nightly.clone());
        tokio::task::spawn_blocking(move || {
            server_command(&live, 3197)
                .args(["backup".as_ref(), nightly.as_os_str()])
                .output()
                .expect("server backup runs")
        })
        .await
        .unwrap()
    };
    let after = committed.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();
    site.kill().unwrap();
    site.wait().unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(said.contains("backup written to"), "{said}");
    assert!(after > before, "messages were written during the backup");

    // Restored: the copy in place of a site's database.
    let restored = dir.path().join("restored").join("site.db");
    std::fs::create_dir_all(restored.parent().unwrap()).unwrap();
    std::fs::copy(&nightly, &restored).unwrap();
    let copy = content::connect(&url(&restored)).await.unwrap();
    let numbers: Vec<i64> = content::sql::query_scalar(
        "SELECT CAST(substr(subject, 9) AS INTEGER) FROM reader_messages
         WHERE subject LIKE 'written %' ORDER BY 1",
    )
    .fetch_all(&copy)
    .await
    .unwrap();
    let held = numbers.len() as i64;
    assert!(
        (before..=after).contains(&held),
        "{held} messages, {before} committed before the backup, {after} after"
    );
    assert_eq!(
        numbers,
        (0..held).collect::<Vec<_>>(),
        "in order, none missing"
    );
    let archive: i64 = content::sql::query_scalar(
        "SELECT COUNT(*) FROM reader_messages WHERE subject = 'archive' AND length(attachment) = ?",
    )
    .bind(scan.len() as i64)
    .fetch_one(&copy)
    .await
    .unwrap();
    assert_eq!(archive, 40);
    copy.close().await;

    let mut site = server(&restored, 3198);
    let (status, page) = get(3198, &format!("/fr/article/{slug}"));
    site.kill().unwrap();
    site.wait().unwrap();
    assert_eq!(status, 200);
    assert!(page.contains(&title), "the restored site shows {title:?}");
}
