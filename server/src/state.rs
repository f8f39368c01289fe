//! The server's one state: built once at start from the configuration and handed to the
//! router once. Each group of handlers reads only its part of it through axum's
//! `FromRef` (`State<FormsState>`, `State<Syndication>`, `State<Db>`, …); each
//! part is declared beside its handlers, with the `FromRef` that cuts it out of here.

use crate::config::Config;
use crate::http::costly::CostlyReads;
use admin::doors::LoginLimiter;
use admin::routes::AdminServices;
use app::forms::ticket::TicketKey;
use app::serving::PageContext;
use axum::extract::FromRef;
use content::Db;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use leptos::prelude::*;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// Per-address rate limits (GCRA buckets keyed by client IP): reader forms, log-ins.
pub type Limiter = Arc<DefaultKeyedRateLimiter<IpAddr>>;

/// Everything the server's handlers share.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub pool: Db,
    /// Leptos's settings (site root, bundle names), for rendering pages.
    pub options: LeptosOptions,
    /// The settings read from the environment at start.
    pub config: Arc<Config>,
    /// Signs the reader forms' tickets (minimum time to fill a form in).
    pub ticket_key: TicketKey,
    /// Reader form posts per address.
    pub form_limiter: Limiter,
    /// Back-office log-in attempts per address.
    pub login_limiter: LoginLimiter,
    /// The context of every rendered page.
    pub context: PageContext,
    /// The job that tells the caches in front what to forget.
    pub purger: crate::cache_purge::Purger,
    /// Search, feeds and sitemaps: a budget per address and a share of the pool.
    pub costly_reads: crate::http::costly::CostlyReads,
    /// Share cards, made once each and a few at a time.
    pub share_images: crate::http::share_image::ShareImages,
}

impl AppState {
    /// The state of a server reading `pool`, set up by `config`, signing tickets with
    /// `ticket_key`, purging caches with `purger`. Inside a Tokio runtime, the limiters
    /// forget idle addresses.
    pub fn new(
        options: LeptosOptions,
        pool: Db,
        config: &Config,
        ticket_key: TicketKey,
        purger: crate::cache_purge::Purger,
    ) -> AppState {
        let context: PageContext = {
            let pool = pool.clone();
            let site_url = app::components::meta::SiteUrl(config.site_url.clone());
            let key = ticket_key.clone();
            Arc::new(move || {
                provide_context(pool.clone());
                provide_context(site_url.clone());
                provide_context(key.clone());
                // leptos_axum gives every page a nonce, and Leptos writes it into the
                // `crossorigin` attribute of its script preloads, which the HTML checker
                // rightly refuses. The site's Content-Security-Policy does not use nonces:
                // without one, those links carry no `crossorigin` or an empty one (valid).
                let _ = take_context::<leptos::nonce::Nonce>();
            })
        };
        let form_limiter = limiter(config.form_rate_per_minute);
        let login_limiter = LoginLimiter::default();
        spawn_limiter_cleanup(form_limiter.clone());
        spawn_limiter_cleanup(login_limiter.per_address.clone());
        let costly_reads = CostlyReads::new(config.costly_reads_per_minute, config.trust_proxy);
        spawn_limiter_cleanup(costly_reads.per_address().clone());
        AppState {
            pool,
            options,
            config: Arc::new(config.clone()),
            ticket_key,
            form_limiter,
            login_limiter,
            context,
            purger,
            costly_reads,
            share_images: crate::http::share_image::ShareImages::new(config.media_dir.clone()),
        }
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.pool.clone()
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> LeptosOptions {
        state.options.clone()
    }
}

/// A per-IP limiter allowing `per_minute` requests a minute, in bursts of as many.
pub fn limiter(per_minute: u32) -> Limiter {
    let rate = NonZeroU32::new(per_minute.max(1)).expect("at least one");
    Arc::new(RateLimiter::keyed(Quota::per_minute(rate)))
}

/// A rate limiter forgets addresses it has not seen for a while (memory stays flat
/// whatever the number of clients).
fn spawn_limiter_cleanup(limiter: Limiter) {
    if tokio::runtime::Handle::try_current().is_err() {
        return;
    }
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(300)).await;
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    });
}

/// The back office's part: its form posts and doors live in the `admin` crate.
impl FromRef<AppState> for AdminServices {
    fn from_ref(state: &AppState) -> AdminServices {
        AdminServices {
            pool: state.pool.clone(),
            options: state.options.clone(),
            context: state.context.clone(),
            media_dir: state.config.media_dir.clone(),
            editors_email: state.config.editors_email.clone(),
            site_url: state.config.site_url.clone(),
            login_limiter: state.login_limiter.clone(),
            trust_proxy: state.config.trust_proxy,
            secure_cookies: state.config.is_https(),
        }
    }
}
