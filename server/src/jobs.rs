//! Background jobs of the running site: personal data past its keeping time, renditions
//! of older pictures, scheduled publication.

/// How often the housekeeping jobs (retention, renditions) run after the first time.
const HOUSEKEEPING_PERIOD: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Runs `job` now, then every [`HOUSEKEEPING_PERIOD`], in the background.
fn spawn_housekeeping<F, Fut>(mut job: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            job().await;
            tokio::time::sleep(HOUSEKEEPING_PERIOD).await;
        }
    });
}

/// Purges personal data past its keeping time.
pub fn spawn_retention(pool: sqlx::SqlitePool) {
    spawn_housekeeping(move || {
        let pool = pool.clone();
        async move {
            match content::retention::purge(&pool).await {
                Ok(purged) if purged != Default::default() => {
                    tracing::info!(?purged, "personal data past its keeping time deleted")
                }
                Ok(_) => {}
                Err(err) => tracing::error!(%err, "retention purge"),
            }
        }
    });
}

/// Gives pictures without renditions (the WordPress archive's, older uploads) theirs;
/// running again later picks up files copied into the media folder without a restart.
pub fn spawn_renditions(pool: sqlx::SqlitePool, media_dir: std::path::PathBuf) {
    spawn_housekeeping(move || {
        let (pool, media_dir) = (pool.clone(), media_dir.clone());
        async move {
            use content::media_renditions::add_missing_renditions;
            match add_missing_renditions(&pool, &media_dir).await {
                Ok(report) if report.pictures > 0 || report.unreadable > 0 => {
                    tracing::info!(?report, "renditions made for pictures without them")
                }
                Ok(_) => {}
                Err(err) => tracing::error!(%err, "renditions of older pictures"),
            }
        }
    });
}

/// How often scheduled versions are looked at: they go live at most this late.
const SCHEDULER_PERIOD: std::time::Duration = std::time::Duration::from_secs(5);

/// Puts scheduled versions on the site when their time comes.
pub fn spawn_scheduler(pool: sqlx::SqlitePool) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SCHEDULER_PERIOD);
        loop {
            tick.tick().await;
            match content::editorial::publish_due(&pool).await {
                Ok(0) => {}
                Ok(published) => tracing::info!(published, "scheduled versions went live"),
                Err(err) => tracing::error!(%err, "scheduled publication"),
            }
        }
    });
}
