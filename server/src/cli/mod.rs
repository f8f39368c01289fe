//! The server's commands besides `serve`: demo content, benchmark archive, search
//! index, backups, accounts and the WordPress import. All work on the database of
//! DATABASE_URL.

pub mod accounts;
pub mod copy;
pub mod import;

use crate::config::Config;

/// Opens the database of `config`, migrated; the error says which.
pub async fn open_pool(config: &Config) -> Result<content::Db, String> {
    open(&config.database_url).await
}

/// Opens the database at `url`, migrated; the error names it without its password.
pub async fn open(url: &str) -> Result<content::Db, String> {
    content::connect(url)
        .await
        .map_err(|e| cannot_open(url, &e))
}

fn cannot_open(url: &str, err: &content::DataError) -> String {
    format!("cannot open database {}: {err}", content::display_url(url))
}

/// The database the site serves: as [`open_pool`], or, when the storage refuses writes
/// at start (a full disk has no room even for SQLite's index of the write-ahead log),
/// the existing file read-only, so that readers are still served. Every write is then
/// refused with its message until the server is restarted with room on the disk.
pub async fn open_pool_to_serve(config: &Config) -> Result<content::Db, String> {
    let url = &config.database_url;
    let opened = match content::connect_with_replicas(url, &config.database_read_urls).await {
        Err(err) if err.refuses_writes() => {
            tracing::error!(
                %err,
                "the storage refuses writes: serving the site read-only until a restart with room on the disk"
            );
            content::connect_read_only(url).await
        }
        opened => opened,
    };
    opened.map_err(|e| cannot_open(url, &e))
}

/// `server seed`: loads the demo content; returns how many stories were created.
pub async fn seed(config: &Config) -> Result<usize, String> {
    let pool = open_pool(config).await?;
    content::seed::seed_demo(&pool, &config.media_dir)
        .await
        .map_err(|e| format!("seeding failed: {e}"))
}

/// `server generate N`: adds N synthetic articles (the demo first on an empty base).
pub async fn generate(config: &Config, count: u32) -> Result<(), String> {
    let pool = open_pool(config).await?;
    if content::seed::is_empty(&pool)
        .await
        .map_err(|e| e.to_string())?
    {
        content::seed::seed_demo(&pool, &config.media_dir)
            .await
            .map_err(|e| e.to_string())?;
    }
    let started = std::time::Instant::now();
    let created = content::generate::generate_articles(&pool, count)
        .await
        .map_err(|e| format!("generation failed: {e}"))?;
    println!(
        "{created} articles generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `server reindex`: rebuilds the search index.
pub async fn reindex(config: &Config) -> Result<(), String> {
    let pool = open_pool(config).await?;
    let started = std::time::Instant::now();
    let indexed = content::search::index::rebuild(&pool)
        .await
        .map_err(|e| format!("reindexing failed: {e}"))?;
    println!(
        "search index rebuilt: {indexed} translations in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `server backup FILE`: a consistent copy of the database, taken while the site runs
/// (`content::backup`); the README says how to schedule and restore it.
pub async fn backup(config: &Config, dest: &std::path::Path) -> Result<(), String> {
    let pool = open_pool(config).await?;
    let started = std::time::Instant::now();
    let copy = content::backup::backup(&pool, dest)
        .await
        .map_err(|e| format!("backup failed: {e}"))?;
    println!(
        "backup written to {}: {:.1} MB, {} stories, in {:.1} s",
        dest.display(),
        copy.bytes as f64 / 1e6,
        copy.stories,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
