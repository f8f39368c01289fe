//! The server process facing faults (issue 18): killed with `kill -9` in the middle of
//! a write, it starts again on a whole database; asked to stop while a client never
//! finishes its request, it still stops, within its grace period.

use crate::running::{connect, get, server_command};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

/// The server binary running `args` on the database in `dir`, at `port`.
fn server(dir: &Path, port: u16, args: &[&str]) -> Child {
    server_command(&dir.join("site.db"), port)
        .args(args)
        .env("SITE_URL", format!("http://127.0.0.1:{port}"))
        .env("SHUTDOWN_GRACE_SECONDS", "2")
        .spawn()
        .expect("the server binary starts")
}

/// The status code of GET `path`.
fn status(port: u16, path: &str) -> u16 {
    get(port, path).0
}

/// Waits for `child` to exit, `within` at most.
fn exits_within(child: &mut Child, within: Duration) -> Option<ExitStatus> {
    let asked = Instant::now();
    while asked.elapsed() < within {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[tokio::test]
async fn a_server_killed_mid_write_starts_again_on_a_whole_database() {
    let dir = tempfile::tempdir().unwrap();
    // Writing thousands of articles, one transaction after another, when it is killed.
    let mut writing = server(dir.path(), 3193, &["generate", "20000"]);
    let db = dir.path().join("site.db");
    let asked = Instant::now();
    while std::fs::metadata(db.with_file_name("site.db-wal")).map_or(0, |wal| wal.len()) < 1 << 20 {
        assert!(
            asked.elapsed() < Duration::from_secs(60),
            "writes within 60 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    writing.kill().unwrap(); // SIGKILL: no chance to finish anything
    assert!(
        writing.wait().unwrap().code().is_none(),
        "killed by a signal"
    );

    let mut site = server(dir.path(), 3193, &[]);
    let home = status(3193, "/fr/");
    site.kill().unwrap();
    site.wait().unwrap();
    assert_eq!(home, 200);
    let pool = content::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let check: String = content::sql::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn asked_to_stop_with_a_request_that_never_ends_the_server_stops_after_its_grace_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut site = server(dir.path(), 3194, &[]);
    assert_eq!(status(3194, "/fr/contact"), 200);
    // A form post that announces 1,000 bytes and sends ten: the server waits for the
    // rest, as for any slow client.
    let mut slow = connect(3194);
    write!(
        slow,
        "POST /fr/contact HTTP/1.1\r\nHost: 127.0.0.1:3194\r\nOrigin: http://127.0.0.1:3194\r\n\
         Sec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: 1000\r\n\r\nname=Lect"
    )
    .unwrap();
    slow.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));

    let asked = Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &site.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // Grace (2 s) plus the mail worker's stop and the pool's close, with room to spare.
    let stopped = exits_within(&mut site, Duration::from_secs(15));
    if stopped.is_none() {
        site.kill().unwrap();
    }
    let stopped = stopped.expect("stopped within 15 s of SIGTERM");
    assert!(stopped.success(), "a clean exit: {stopped}");
    assert!(
        asked.elapsed() >= Duration::from_secs(2),
        "the request in flight had its grace period"
    );
    drop(slow);
}
