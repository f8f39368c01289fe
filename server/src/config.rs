//! Server settings from the environment (documented in the README). Leptos's own
//! settings come from `Leptos.toml` with `LEPTOS_*` overrides.

use std::path::PathBuf;

/// Everything the server needs besides Leptos options.
#[derive(Clone, Debug)]
pub struct Config {
    /// The site's database: `sqlite://data/site.db` (the default) or
    /// `postgres://user:password@host/database`.
    pub database_url: String,
    /// PostgreSQL read replicas of that database (`DATABASE_READ_URLS`, comma- or
    /// space-separated; none by default): what readers are shown is read from them
    /// (`content::sql::replicas`).
    pub database_read_urls: Vec<String>,
    /// Folder of uploaded and generated media, served at `/media/`.
    pub media_dir: PathBuf,
    /// Public base URL of the site (canonical links, feeds, emails).
    pub site_url: String,
    /// Load the demo content when the database has no stories.
    pub seed_demo: bool,
    /// Sender of the site's e-mails.
    pub mail_from: String,
    /// SMTP server (`smtp://host:25`, `smtp://user:pass@host:587?tls=required`,
    /// `smtps://…`); without it mails are written as `.eml` files to `mail_outbox`.
    pub smtp_url: Option<String>,
    /// Folder of `.eml` files when no SMTP server is set.
    pub mail_outbox: PathBuf,
    /// Where contact messages and op-eds are notified.
    pub editors_email: String,
    /// Behind a reverse proxy: rate limits key on the last `X-Forwarded-For` hop.
    pub trust_proxy: bool,
    /// Posts a minute (and burst) one client address may make to the forms.
    pub form_rate_per_minute: u32,
    /// Searches, feed and sitemap reads a minute (and burst) one client address may make
    /// beyond what the server's copy of pages answers (`COSTLY_READS_PER_MINUTE`).
    pub costly_reads_per_minute: u32,
    /// Least seconds between showing a form and accepting it.
    pub form_min_seconds: u64,
    /// Mails of the lists' issues sent a minute at most (`MAIL_RATE_PER_MINUTE`): what
    /// the mail relay accepts without throttling the site.
    pub mail_rate_per_minute: u32,
    /// DKIM signing of every mail (`DKIM_SELECTOR`, `DKIM_PRIVATE_KEY`: a key file,
    /// `DKIM_DOMAIN`: the sender's domain when unset); unsigned when not set.
    pub dkim_selector: Option<String>,
    pub dkim_private_key: Option<PathBuf>,
    pub dkim_domain: Option<String>,
    /// The caches in front of the site that are told what to forget when content
    /// changes (`CACHE_PURGE_URLS`, e.g. Varnish's `http://127.0.0.1:6081/`; several
    /// comma-separated; none: no cache in front). Checked at start (`cache_purge`).
    pub cache_purge_urls: String,
    /// The most memory the server's copy of rendered pages takes (`PAGE_CACHE_MB`,
    /// 64 by default; 0 keeps none): see `http::page_cache`.
    pub page_cache_bytes: usize,
    /// How long requests in flight may take to finish once the server is asked to stop
    /// (`SHUTDOWN_GRACE_SECONDS`, 20 by default; a service manager's stop timeout is
    /// typically 90 s).
    pub shutdown_grace: std::time::Duration,
}

impl Config {
    /// Whether readers reach the site over HTTPS: `Secure` cookies under the `__Host-`
    /// name, and `Strict-Transport-Security`.
    pub fn is_https(&self) -> bool {
        self.site_url.starts_with("https://")
    }

    /// Reads the settings, with defaults that run the demo site locally.
    pub fn from_env() -> Config {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        // A setting that is off unless given (an empty value counts as not given).
        let set = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Config {
            database_url: var("DATABASE_URL", "sqlite://data/site.db"),
            database_read_urls: var("DATABASE_READ_URLS", "")
                .split([',', ' '])
                .filter(|url| !url.trim().is_empty())
                .map(|url| url.trim().to_owned())
                .collect(),
            media_dir: PathBuf::from(var("MEDIA_DIR", "data/media")),
            site_url: var("SITE_URL", "http://127.0.0.1:3000")
                .trim_end_matches('/')
                .to_owned(),
            seed_demo: !matches!(var("SEED_DEMO", "true").as_str(), "false" | "0" | "no"),
            mail_from: var("MAIL_FROM", "CCME <no-reply@ccme.org.ma>"),
            smtp_url: set("SMTP_URL"),
            mail_outbox: PathBuf::from(var("MAIL_OUTBOX", "data/outbox")),
            editors_email: var("MAIL_EDITORS", content::site::CONTACT_EMAIL),
            trust_proxy: matches!(var("TRUST_PROXY", "false").as_str(), "true" | "1" | "yes"),
            form_rate_per_minute: var("FORM_RATE_PER_MINUTE", "10").parse().unwrap_or(10),
            costly_reads_per_minute: var("COSTLY_READS_PER_MINUTE", "120").parse().unwrap_or(120),
            form_min_seconds: var("FORM_MIN_SECONDS", "2")
                .parse()
                .unwrap_or(app::forms::ticket::DEFAULT_MIN_SECONDS),
            mail_rate_per_minute: var("MAIL_RATE_PER_MINUTE", "600").parse().unwrap_or(600),
            dkim_selector: set("DKIM_SELECTOR"),
            dkim_private_key: set("DKIM_PRIVATE_KEY").map(PathBuf::from),
            dkim_domain: set("DKIM_DOMAIN"),
            cache_purge_urls: var("CACHE_PURGE_URLS", ""),
            page_cache_bytes: var("PAGE_CACHE_MB", "64")
                .parse::<usize>()
                .unwrap_or(64)
                .saturating_mul(1 << 20),
            shutdown_grace: std::time::Duration::from_secs(
                var("SHUTDOWN_GRACE_SECONDS", "20").parse().unwrap_or(20),
            ),
        }
    }

    /// A test site kept in `dir` (database file, media, outbox) at `site_url`: behind a
    /// trusted proxy (each test posts from its own address), no minimum time to fill a
    /// form in, mails written to files.
    #[cfg(test)]
    pub fn in_folder(dir: &std::path::Path, site_url: &str) -> Config {
        Config {
            database_url: format!("sqlite://{}", dir.join("site.db").display()),
            database_read_urls: Vec::new(),
            media_dir: dir.join("media"),
            site_url: site_url.into(),
            seed_demo: false,
            mail_from: "CCME <no-reply@ccme.example>".into(),
            smtp_url: None,
            mail_outbox: dir.join("outbox"),
            editors_email: "redaction@ccme.example".into(),
            trust_proxy: true,
            form_rate_per_minute: 10,
            costly_reads_per_minute: 120,
            form_min_seconds: 0,
            mail_rate_per_minute: 600,
            dkim_selector: None,
            dkim_private_key: None,
            dkim_domain: None,
            cache_purge_urls: String::new(),
            // Tests read pages right after changing the database behind the site.
            page_cache_bytes: 0,
            shutdown_grace: std::time::Duration::from_secs(1),
        }
    }
}
