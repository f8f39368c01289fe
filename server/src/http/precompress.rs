//! Brotli and gzip copies of the build's `/pkg/` files, written beside them once, at
//! the strongest settings, so each reader gets the smallest file their browser accepts
//! without the server compressing the same bytes on every request. `ServeDir` picks
//! `x.wasm.br` or `x.wasm.gz` by `Accept-Encoding` (`http::router`); until the copies exist (the
//! first seconds after a deploy) the compression layer answers as before.
//!
//! Done by the server at start rather than by a build step, so that every way of
//! building (`scripts/serve`, `cargo leptos build`, `cargo leptos watch`) gets them.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What the browser loads and compresses well (not pictures, not the copies).
const COMPRESSIBLE: [&str; 4] = ["wasm", "js", "css", "json"];

/// Brotli's densest setting (quality 11) with a 4 MiB window: slow to write, which is
/// why it is done once, and as fast as any to read.
const BROTLI_QUALITY: u32 = 11;
const BROTLI_WINDOW_BITS: u32 = 22;

/// How many files got fresh copies.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
}

/// Writes the missing or stale `.br` and `.gz` copies in the background (off the async
/// threads: brotli at quality 11 takes seconds for the whole build).
pub fn spawn(pkg_dir: PathBuf) {
    if tokio::runtime::Handle::try_current().is_err() {
        return;
    }
    tokio::task::spawn_blocking(move || match compress_dir(&pkg_dir) {
        Ok(written) if written.files > 0 => {
            tracing::info!(
                "precompressed {} files of {}",
                written.files,
                pkg_dir.display()
            )
        }
        Ok(_) => {}
        Err(error) => tracing::warn!("precompressing {}: {error}", pkg_dir.display()),
    });
}

/// Writes `.br` and `.gz` beside every compressible file of `dir` whose copies are
/// missing or older than the file. Each copy is written under a temporary name and
/// renamed, so a reader never gets half a file.
pub fn compress_dir(dir: &Path) -> io::Result<Written> {
    let mut written = Written::default();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible || !path.is_file() {
            continue;
        }
        let br = with_suffix(&path, "br");
        let gz = with_suffix(&path, "gz");
        if is_fresh(&path, &br) && is_fresh(&path, &gz) {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        write_atomically(&br, &brotli_bytes(&bytes)?)?;
        write_atomically(&gz, &gzip_bytes(&bytes)?)?;
        written.files += 1;
    }
    Ok(written)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `copy` exists and was written after `original` last changed.
fn is_fresh(original: &Path, copy: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(original), modified(copy)), (Some(o), Some(c)) if c >= o)
}

fn brotli_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW_BITS);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(out)
}

fn gzip_bytes(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// The temporary name is the process's own: two servers starting on the same build
/// (the browser tests run two) never write into each other's file.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = with_suffix(path, &format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_brotli_and_gzip_copies_that_decode_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let wasm: Vec<u8> = (0..50_000u32)
            .flat_map(|n| (n % 251).to_le_bytes())
            .collect();
        std::fs::write(dir.path().join("app.abc.wasm"), &wasm).unwrap();
        std::fs::write(
            dir.path().join("app.abc.js"),
            "export function f() {}\n".repeat(200),
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a build file").unwrap();

        assert_eq!(compress_dir(dir.path()).unwrap(), Written { files: 2 });

        let br = std::fs::read(dir.path().join("app.abc.wasm.br")).unwrap();
        assert!(br.len() < wasm.len() / 4, "brotli copy is {} B", br.len());
        let mut decoded = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, wasm);

        let gz = std::fs::read(dir.path().join("app.abc.wasm.gz")).unwrap();
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut decoded)
            .unwrap();
        assert_eq!(decoded, wasm);

        assert!(!dir.path().join("notes.txt.br").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.unwrap().file_name().into_string().ok())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn leaves_fresh_copies_alone_and_redoes_stale_ones() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("style.css");
        std::fs::write(&file, "body { margin: 0 }\n".repeat(100)).unwrap();
        assert_eq!(compress_dir(dir.path()).unwrap(), Written { files: 1 });
        assert_eq!(compress_dir(dir.path()).unwrap(), Written { files: 0 });

        // A rebuild in place: the file is newer than its copies.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, "main { padding: 0 }\n".repeat(100)).unwrap();
        assert_eq!(compress_dir(dir.path()).unwrap(), Written { files: 1 });
        let gz = std::fs::read(dir.path().join("style.css.gz")).unwrap();
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert!(decoded.starts_with("main {"));
    }
}
