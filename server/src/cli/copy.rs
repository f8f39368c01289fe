//! `server copy-database FROM_URL TO_URL`: moves a site between SQLite and PostgreSQL
//! (`content::copy`), with a progress bar per table and the final count of each.

use indicatif::{ProgressBar, ProgressStyle};
use std::time::Instant;

/// Copies the database at `from` into the one at `to` (emptied first); prints each
/// table's rows on both sides. The server should be stopped (or the site read-only)
/// meanwhile: what changes during the copy may or may not be in it.
pub async fn run(from: &str, to: &str) -> Result<(), String> {
    if from == to {
        return Err("copy-database: FROM and TO are the same database".into());
    }
    let (source, target) = (super::open(from).await?, super::open(to).await?);
    let started = Instant::now();
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{msg:>26} [{bar:40}] {pos}/{len} rows") {
        bar.set_style(style.progress_chars("=> "));
    }
    let copied = content::copy::copy_database(&source, &target, |table, done, total| {
        if bar.message() != table {
            bar.set_message(table.to_owned());
            bar.set_length(total);
        }
        bar.set_position(done);
    })
    .await;
    bar.finish_and_clear();
    let copied = copied.map_err(|e| format!("copy-database failed: {e}"))?;
    println!("{:>26} {:>10} {:>10}", "table", "source", "copied");
    for ((table, source), (_, target)) in copied.source.iter().zip(&copied.target) {
        println!("{table:>26} {source:>10} {target:>10}");
    }
    println!(
        "copied from {} to {} in {:.1} s; search index rebuilt: {} translations",
        content::display_url(from),
        content::display_url(to),
        started.elapsed().as_secs_f64(),
        copied.indexed
    );
    Ok(())
}
