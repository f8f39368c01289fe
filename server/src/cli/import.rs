//! `server import-wxr FILE [--lang fr|ar|en]`: imports a WordPress export with a
//! progress bar (indicatif: the common, maintained terminal progress crate; it hides
//! itself when the output is not a terminal) and prints what was created, updated,
//! left unchanged or skipped, and why.

use crate::config::Config;
use content::lang::Lang;
use content::wxr::{import_file, ImportOptions};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::time::Instant;

/// The subcommand's arguments.
#[derive(Debug, PartialEq)]
pub struct ImportArgs {
    pub file: PathBuf,
    pub lang: Option<Lang>,
}

impl ImportArgs {
    /// Reads `FILE [--lang fr|ar|en]` (the options may come first).
    pub fn parse(args: &[&str]) -> Result<ImportArgs, String> {
        let mut file = None;
        let mut lang = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match *arg {
                "--lang" => {
                    let code = rest.next().ok_or("--lang needs a value: fr, ar or en")?;
                    lang = Some(
                        Lang::from_code(code)
                            .ok_or(format!("--lang {code}: the editions are fr, ar and en"))?,
                    );
                }
                other if other.starts_with("--lang=") => {
                    let code = &other["--lang=".len()..];
                    lang = Some(
                        Lang::from_code(code)
                            .ok_or(format!("--lang {code}: the editions are fr, ar and en"))?,
                    );
                }
                other if other.starts_with('-') => return Err(format!("unknown option {other}")),
                other if file.is_none() => file = Some(PathBuf::from(other)),
                other => return Err(format!("one file at a time ({other})")),
            }
        }
        Ok(ImportArgs {
            file: file.ok_or("import-wxr needs the export file")?,
            lang,
        })
    }
}

fn bar(message: &'static str, template: &str) -> ProgressBar {
    let bar = ProgressBar::new(0).with_message(message);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Runs the import and prints the summary; an error means nothing was written.
pub async fn run(pool: &content::Db, config: &Config, args: ImportArgs) -> Result<(), String> {
    let started = Instant::now();
    let reading = bar("reading", "{msg:>8} [{bar:40}] {bytes}/{total_bytes} {eta}");
    let writing = bar("writing", "{msg:>8} [{bar:40}] {pos}/{len} {per_sec} {eta}");
    let options = ImportOptions {
        lang: args.lang,
        media_dir: config.media_dir.clone(),
    };
    let result = import_file(
        pool,
        &args.file,
        &options,
        &mut |done, total| {
            reading.set_length(total);
            reading.set_position(done);
        },
        &mut |done, total| {
            if done == 1 {
                reading.finish();
            }
            writing.set_length(total);
            writing.set_position(done);
        },
    )
    .await;
    reading.finish_and_clear();
    writing.finish_and_clear();
    let report = result.map_err(|e| {
        format!(
            "import of {} refused, nothing was written: {e}",
            args.file.display()
        )
    })?;
    let seconds = started.elapsed().as_secs_f64();
    print!("{}", report.summary());
    println!(
        "done in {seconds:.1} s ({:.0} items/s)",
        f64::from(report.items_in_file) / seconds.max(0.001)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked() {
        assert_eq!(
            ImportArgs::parse(&["export.xml", "--lang", "ar"]),
            Ok(ImportArgs {
                file: "export.xml".into(),
                lang: Some(Lang::Ar)
            })
        );
        assert_eq!(
            ImportArgs::parse(&["--lang=en", "x.xml"]).unwrap().lang,
            Some(Lang::En)
        );
        assert!(ImportArgs::parse(&["x.xml", "--lang", "es"])
            .unwrap_err()
            .contains("fr, ar and en"));
        assert!(ImportArgs::parse(&[]).is_err());
        assert!(ImportArgs::parse(&["a.xml", "b.xml"]).is_err());
        assert!(ImportArgs::parse(&["--force", "a.xml"]).is_err());
    }
}
