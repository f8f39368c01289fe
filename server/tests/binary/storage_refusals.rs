//! The server when its storage refuses writes (issue 18, point 7): on a read-only
//! database, and on a disk that fills up while it runs. Readers are served; whoever
//! posts is told, in their language, that nothing could be saved, with what they typed
//! shown again; the editor's draft is saved once there is room again; nothing panics.

use crate::running::{form, get, post, server_command, write_to_the_editors, Site};
use content::lang::Lang;
use std::fs::File;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The server binary on `db`, listening at `port`, with `settings` on top of the usual
/// ones.
fn server(db: &Path, port: u16, settings: &[(&str, String)]) -> Site {
    let mut command = server_command(db, port);
    command
        .env("SITE_URL", format!("http://127.0.0.1:{port}"))
        .env("FORM_MIN_SECONDS", "0")
        .env("SHUTDOWN_GRACE_SECONDS", "1");
    for (name, value) in settings {
        command.env(name, value);
    }
    Site(Some(command.spawn().expect("the server binary starts")))
}

/// Runs the server's command `args` on `db` to the end.
fn run(db: &Path, args: &[&str]) {
    let status = server_command(db, 0)
        .env("ADMIN_PASSWORD", PASSWORD)
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "server {args:?}");
}

/// Stops `site` as a service manager does and checks it exits cleanly.
fn stop(mut site: Site) {
    let mut site = site.0.take().unwrap();
    let asked = Command::new("kill")
        .args(["-TERM", &site.id().to_string()])
        .status()
        .unwrap();
    assert!(asked.success());
    let stopped = site.wait().unwrap();
    assert!(stopped.success(), "a clean exit, not a panic: {stopped}");
}

const PASSWORD: &str = "correct horse battery";

/// A site of a few hundred stories with an administrator, run once so that it has its
/// keys, as a site that has been serving for a while.
fn a_site_that_has_served(db: &Path, port: u16) {
    run(db, &["generate", "200"]);
    run(db, &["create-admin", "ed@example.org"]);
    let site = server(db, port, &[]);
    assert_eq!(get(port, "/fr/").0, 200);
    stop(site);
}

/// What readers open: the home pages, an article, search, the sitemap.
fn readers_are_served(port: u16) {
    let (status, home) = get(port, "/fr/");
    assert_eq!(status, 200);
    let at = home
        .find("href=\"/fr/article/")
        .expect("an article on the home page")
        + 6;
    let article = home[at..].split('"').next().unwrap();
    for path in [article, "/ar/", "/fr/search?q=diaspora", "/sitemap.xml"] {
        assert_eq!(get(port, path).0, 200, "{path}");
    }
}

/// The `Set-Cookie` value of the session opened by logging in, if one was.
fn log_in(port: u16) -> Result<String, String> {
    let fields = [
        ("email", "ed@example.org"),
        ("password", PASSWORD),
        ("lang", "fr"),
    ];
    let (status, answer) = post(port, "/admin/login", &form(&fields), None);
    assert_eq!(status, 303);
    let cookie = answer
        .lines()
        .find_map(|line| line.strip_prefix("set-cookie: "))
        .map(|cookie| cookie.split(';').next().unwrap().to_owned());
    let location = answer
        .lines()
        .find_map(|line| line.strip_prefix("location: "))
        .unwrap_or_default();
    cookie.ok_or_else(|| location.to_owned())
}

#[test]
fn on_a_read_only_database_readers_are_served_and_posts_are_told_nothing_was_saved() {
    use admin::i18n::AdminTexts;
    use app::i18n::Texts;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("site.db");
    a_site_that_has_served(&db, 3195);

    let read_only = format!("sqlite://{}?mode=ro", db.display());
    let site = server(&db, 3195, &[("DATABASE_URL", read_only)]);
    readers_are_served(3195);

    let (status, answer) = write_to_the_editors(3195, Lang::Ar, "رسالة طويلة بما يكفي للإرسال");
    assert_eq!(status, 503);
    assert!(
        answer.contains(Lang::Ar.forms().unavailable),
        "told in Arabic"
    );
    assert!(
        answer.contains("رسالة طويلة بما يكفي للإرسال"),
        "what was typed is kept"
    );

    // The owner's right password: told that the site cannot log anyone in, not that the
    // password is wrong.
    let refused = log_in(3195).expect_err("no session on a read-only database");
    assert!(refused.contains("error=unsaved"), "{refused}");
    let (_, page) = get(3195, "/admin/login?error=unsaved&lang=ar");
    assert!(page.contains(Lang::Ar.admin().log_in_cannot_write));
    stop(site);
}

/// A small file system of its own (tmpfs), so that the disk can fill up for real;
/// unmounted when dropped.
struct SmallDisk {
    at: PathBuf,
}

impl SmallDisk {
    fn mount(at: PathBuf, megabytes: u32) -> SmallDisk {
        std::fs::create_dir_all(&at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&at)
            .status()
            .expect("the mount command");
        assert!(
            mounted.success(),
            "this test mounts a small tmpfs to fill a disk for real: it runs as root (as CI does)"
        );
        SmallDisk { at }
    }

    /// Fills the disk to its last byte with a file, removed by [`SmallDisk::make_room`].
    fn fill(&self) {
        let mut filler = File::create(self.at.join("filler")).unwrap();
        let block = vec![b'x'; 64 * 1024];
        let mut size = block.len();
        loop {
            match filler.write(&block[..size]) {
                Ok(_) => {}
                Err(err) if err.kind() == ErrorKind::StorageFull && size > 1 => size /= 2,
                Err(err) if err.kind() == ErrorKind::StorageFull => break,
                Err(err) => panic!("filling the disk: {err}"),
            }
        }
    }

    fn make_room(&self) {
        std::fs::remove_file(self.at.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.at).status();
    }
}

/// Checkpoints the write-ahead log of `db` and truncates it to nothing.
fn empty_the_log(db: &Path) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let pool = content::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let (busy, _, _): (i64, i64, i64) =
            content::sql::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(busy, 0, "the log was emptied");
        pool.close().await;
    });
}

/// A site that has served (see [`a_site_that_has_served`]), on a 48 MB disk of its
/// own: the folder it is mounted in (keep it until the end), the disk, the database.
fn a_site_on_a_small_disk(port: u16) -> (tempfile::TempDir, SmallDisk, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(dir.path().join("disk"), 48);
    let db = disk.at.join("site.db");
    a_site_that_has_served(&db, port);
    (dir, disk, db)
}

/// The story editor's post of a new article titled `title`.
fn new_article(title: &str, body: &str) -> String {
    form(&[
        ("lang", "fr"),
        ("kind", "article"),
        ("title", title),
        ("body", body),
        ("action", "save"),
        ("tz_offset", "0"),
    ])
}

#[test]
fn when_the_disk_fills_up_readers_are_served_and_the_editors_draft_waits_for_room() {
    let (_dir, disk, db) = a_site_on_a_small_disk(3196);
    let site = server(&db, 3196, &[]);
    let session = log_in(3196).expect("logged in while there is room");

    // The write-ahead log emptied into the database (so that no space it already holds
    // can take a write), then every byte left taken.
    empty_the_log(&db);
    disk.fill();

    readers_are_served(3196);
    let (status, answer) =
        write_to_the_editors(3196, Lang::Fr, "Un message assez long pour partir.");
    assert_eq!(status, 503);
    assert!(
        answer.contains("Un message assez long pour partir."),
        "what was typed is kept"
    );

    let body = "Le texte d’un article écrit pendant que le disque était plein. ".repeat(200);
    let draft = new_article("Écrit sur un disque plein", &body);
    let (status, answer) = post(3196, "/admin/stories/new", &draft, Some(&session));
    assert_eq!(status, 503, "{}", &answer[..answer.len().min(400)]);
    assert!(answer.contains("retry-after: 300"));
    assert!(
        answer.contains("Écrit sur un disque plein"),
        "the title is kept"
    );
    assert!(
        answer.contains("pendant que le disque était plein"),
        "the text is kept"
    );

    disk.make_room();
    let (status, answer) = post(3196, "/admin/stories/new", &draft, Some(&session));
    assert_eq!(
        status,
        303,
        "saved once there is room: {}",
        &answer[..answer.len().min(400)]
    );
    stop(site);
}

#[test]
fn a_server_started_on_a_full_disk_serves_readers_read_only() {
    let (_dir, disk, db) = a_site_on_a_small_disk(3199);
    // Stopped cleanly, the site has no write-ahead log left, and no room to start one.
    disk.fill();

    let site = server(&db, 3199, &[]);
    readers_are_served(3199);
    let (status, answer) =
        write_to_the_editors(3199, Lang::En, "A message long enough to be sent.");
    assert_eq!(status, 503);
    assert!(answer.contains("A message long enough to be sent."));
    stop(site);
}
