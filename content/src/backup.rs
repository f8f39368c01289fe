//! A consistent copy of the live database (issue 18): `server backup FILE` while the
//! site runs. SQLite's `VACUUM INTO` writes the copy inside one read transaction, so it
//! holds every transaction committed before it began and nothing of one that commits
//! later, and in WAL mode readers and writers carry on meanwhile.
//!
//! The copy is written beside its destination under a temporary name, checked
//! (`PRAGMA integrity_check`), flushed to disk, and only then given its name: a backup
//! cut short by a crash or a full disk never passes for a complete one, and an existing
//! file is never overwritten.

use crate::Db;
use crate::{DataError, DataResult};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::Connection;
use std::path::{Path, PathBuf};

/// What a finished backup holds, for the operator's log line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Size of the copy in bytes.
    pub bytes: u64,
    /// Stories in the copy (a quick sign it is the site's database).
    pub stories: i64,
}

/// Copies the database behind `pool` to `dest`, which must not exist yet.
pub async fn backup(pool: &Db, dest: &Path) -> DataResult<Backup> {
    if dest.exists() {
        return Err(DataError::Invalid(format!(
            "{} already exists: a backup never replaces a file, choose a new name",
            dest.display()
        )));
    }
    let partial = partial_path(dest)?;
    // What a backup cut short left behind (VACUUM INTO refuses a non-empty file).
    remove_if_present(&partial)?;
    let stories = write_checked(pool, &partial).await.inspect_err(|_| {
        let _ = std::fs::remove_file(&partial);
    })?;
    std::fs::File::open(&partial)?.sync_all()?;
    // A hard link fails if `dest` appeared meanwhile, where a rename would replace it.
    std::fs::hard_link(&partial, dest)?;
    std::fs::remove_file(&partial)?;
    Ok(Backup {
        bytes: std::fs::metadata(dest)?.len(),
        stories,
    })
}

/// `.NAME.partial` beside `dest`: same folder, so same file system for the final link.
fn partial_path(dest: &Path) -> DataResult<PathBuf> {
    let name = dest
        .file_name()
        .ok_or_else(|| DataError::Invalid(format!("{} is not a file name", dest.display())))?;
    let folder = dest.parent().unwrap_or(Path::new(""));
    Ok(folder.join(format!(".{}.partial", name.to_string_lossy())))
}

fn remove_if_present(path: &Path) -> DataResult<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err.into()),
        _ => Ok(()),
    }
}

/// Writes the snapshot to `partial` and checks it; returns its number of stories.
async fn write_checked(pool: &Db, partial: &Path) -> DataResult<i64> {
    let target = partial
        .to_str()
        .ok_or_else(|| DataError::Invalid(format!("{} is not a UTF-8 path", partial.display())))?;
    let pool = pool.sqlite_pool().ok_or_else(|| {
        DataError::Invalid("a site on PostgreSQL is backed up with pg_dump, not by the site".into())
    })?;
    sqlx::query("VACUUM INTO ?")
        .bind(target)
        .execute(pool)
        .await?;
    let mut copy = sqlx::SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(partial)
            .read_only(true),
    )
    .await?;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut copy)
        .await?;
    if check != "ok" {
        return Err(DataError::Invalid(format!(
            "the copy failed SQLite's integrity check: {check}"
        )));
    }
    let stories = sqlx::query_scalar("SELECT COUNT(*) FROM stories")
        .fetch_one(&mut copy)
        .await?;
    copy.close().await?;
    Ok(stories)
}

#[cfg(test)]
mod tests;
