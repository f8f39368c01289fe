//! Background jobs of the running site: personal data past its keeping time, renditions
//! of older pictures, scheduled publication. Several app servers may share one
//! PostgreSQL database: each turn of a job is claimed first (`content::claim_job_turn`),
//! so it runs on one server at a time and the others skip it.

/// A periodic job's log of its failures. A storage that refuses writes (a full disk, a
/// read-only database) is said once when it starts and once when it is over, not at
/// every turn while it lasts: a job running every few seconds must not fill the logs,
/// least of all on a full disk. Other failures are logged each time.
#[derive(Debug, Default)]
pub struct FailureLog {
    refusing: bool,
}

impl FailureLog {
    /// `job` failed with `err`.
    pub fn failed(&mut self, job: &'static str, err: &content::DataError) {
        if !err.refuses_writes() {
            tracing::error!(%err, job, "background job");
        } else if !self.refusing {
            self.refusing = true;
            tracing::error!(%err, job, "the storage refuses writes: the job waits until it accepts them");
        }
    }

    /// `job` ran to the end.
    pub fn succeeded(&mut self, job: &'static str) {
        if std::mem::take(&mut self.refusing) {
            tracing::info!(job, "the storage accepts writes again");
        }
    }

    /// What one turn of `job` gave, logged as above: its value if it ran to the end.
    pub fn outcome<T>(&mut self, job: &'static str, result: content::DataResult<T>) -> Option<T> {
        match result {
            Ok(value) => {
                self.succeeded(job);
                Some(value)
            }
            Err(err) => {
                self.failed(job, &err);
                None
            }
        }
    }
}

/// How often the housekeeping jobs (retention, renditions) run after the first time.
const HOUSEKEEPING_PERIOD: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Runs `work` when this server has the turn of `job` (see the module's comment), then
/// lets go of the turn; `None` when another server has it (or asking failed).
pub async fn in_turn<T>(
    pool: &content::Db,
    job: &'static str,
    work: impl std::future::Future<Output = T>,
) -> Option<T> {
    let turn = match content::claim_job_turn(pool, job).await {
        Ok(turn) => turn?,
        Err(err) => {
            tracing::error!(%err, job, "cannot tell whether another server runs the job");
            return None;
        }
    };
    let done = work.await;
    if let Err(err) = turn.end().await {
        tracing::error!(%err, job, "ending the job's turn");
    }
    Some(done)
}

/// Runs `job` now, then every [`HOUSEKEEPING_PERIOD`], in the background, when this
/// server has its turn.
fn spawn_housekeeping<F, Fut>(pool: content::Db, name: &'static str, mut job: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        while !pool.is_closed() {
            in_turn(&pool, name, job()).await;
            tokio::time::sleep(HOUSEKEEPING_PERIOD).await;
        }
    });
}

/// Purges personal data past its keeping time.
pub fn spawn_retention(pool: content::Db) {
    spawn_housekeeping(pool.clone(), "retention", move || {
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
pub fn spawn_renditions(pool: content::Db, media_dir: std::path::PathBuf) {
    spawn_housekeeping(pool.clone(), "renditions", move || {
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
pub fn spawn_scheduler(pool: content::Db) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SCHEDULER_PERIOD);
        let mut failures = FailureLog::default();
        loop {
            tick.tick().await;
            if pool.is_closed() {
                return;
            }
            let turn = in_turn(&pool, "scheduler", content::editorial::publish_due(&pool));
            let Some(published) = turn.await else {
                continue;
            };
            match failures.outcome("scheduled publication", published) {
                Some(0) | None => {}
                Some(published) => tracing::info!(published, "scheduled versions went live"),
            }
        }
    });
}
