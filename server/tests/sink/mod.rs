//! The local SMTP server of the mail tests (aiosmtpd, started by `scripts/test`, which
//! sets SMTP_SINK and SMTP_SINK_MAILDIR): where it listens, and what it received.
//! Shared by the server's own tests and its integration tests.

use std::path::{Path, PathBuf};

/// The sink's address and Maildir; `None` (the test then says it is skipped) outside
/// `scripts/test`, never in CI.
pub fn sink() -> Option<(String, PathBuf)> {
    let Ok(sink) = std::env::var("SMTP_SINK") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI runs with the SMTP sink that scripts/test starts"
        );
        eprintln!("SKIPPED: no SMTP_SINK (scripts/test starts one)");
        return None;
    };
    let maildir = std::env::var("SMTP_SINK_MAILDIR").expect("SMTP_SINK_MAILDIR");
    Some((sink, PathBuf::from(maildir)))
}

/// The mails in the sink's Maildir that contain `marker`, as written.
pub fn mails(maildir: &Path, marker: &str) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|f| std::fs::read_to_string(f.path()).ok())
        .filter(|text| text.contains(marker))
        .collect()
}

/// The recipients of the mails that contain `marker`, sorted.
pub fn received(maildir: &Path, marker: &str) -> Vec<String> {
    let mut to: Vec<String> = mails(maildir, marker)
        .iter()
        .filter_map(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("To: ").map(str::to_owned))
        })
        .collect();
    to.sort();
    to
}
