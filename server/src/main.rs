//! ccme-portal server binary.
//!
//! `server` (or `server serve`) runs the site; `server seed` loads the demo content;
//! `server generate N` adds N synthetic articles for benchmarks; `server reindex`
//! rebuilds the search index; `server backup FILE` copies the live database;
//! `server copy-database FROM_URL TO_URL` moves a site between SQLite and PostgreSQL;
//! `server import-wxr FILE [--lang fr|ar|en]` imports a WordPress export;
//! `server create-admin EMAIL` makes a back-office administrator (password from
//! ADMIN_PASSWORD or the terminal). All use DATABASE_URL.

// The whole app's view type (public layout and back office under one router) is nested
// deeper than rustc's default query depth when its rendering future is laid out.
#![recursion_limit = "256"]

mod cache_purge;
mod cli;
mod config;
mod dkim;
mod http;
mod jobs;
mod mail;
mod mailings;
mod memory;
mod state;

/// The mail tests' SMTP sink, shared with the integration tests.
#[cfg(test)]
#[path = "../tests/sink/mod.rs"]
mod sink;
#[cfg(test)]
mod tests;

use config::Config;
use leptos::prelude::*;
use std::process::ExitCode;

const USAGE: &str =
    "usage: server [serve | seed | generate <count> | reindex | backup <file> | import-wxr <file> [--lang fr|ar|en] | create-admin <email> | create-account <email> author|editor|admin]";

fn main() -> ExitCode {
    memory::give_large_blocks_back();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts")
        .block_on(run())
}

async fn run() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,html5ever=error".into()),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = Config::from_env();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => serve(config).await,
        ["seed"] => cli::seed(&config)
            .await
            .map(|n| println!("demo content: {n} stories created")),
        ["reindex"] => cli::reindex(&config).await,
        ["backup", file] => cli::backup(&config, std::path::Path::new(file)).await,
        ["copy-database", from, to] => cli::copy::run(from, to).await,
        ["create-admin", email] => match cli::open_pool(&config).await {
            Ok(pool) => cli::accounts::create_admin(&pool, email).await,
            Err(e) => Err(e),
        },
        ["create-account", email, role] => match cli::open_pool(&config).await {
            Ok(pool) => cli::accounts::create_account(&pool, email, role).await,
            Err(e) => Err(e),
        },
        ["import-wxr", rest @ ..] => match cli::import::ImportArgs::parse(rest) {
            Ok(args) => match cli::open_pool(&config).await {
                Ok(pool) => cli::import::run(&pool, &config, args).await,
                Err(e) => Err(e),
            },
            Err(e) => Err(format!("{e}\n{USAGE}")),
        },
        ["generate", count] => match count.parse::<u32>() {
            Ok(count) => cli::generate(&config, count).await,
            Err(_) => Err(format!("not a number: {count}\n{USAGE}")),
        },
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    let leptos_config = if std::path::Path::new("Leptos.toml").exists() {
        get_configuration(Some("Leptos.toml"))
    } else {
        get_configuration(None)
    }
    .map_err(|e| format!("Leptos configuration: {e}"))?;
    let mut options = leptos_config.leptos_options;
    // `cargo leptos watch` runs the server with LEPTOS_WATCH=true: a development build,
    // so no service worker (it would keep serving the previous WASM).
    if std::env::var("LEPTOS_WATCH").as_deref() == Ok("true") {
        options.env = leptos::config::Env::DEV;
    }
    let addr = options.site_addr;

    let pool = cli::open_pool_to_serve(&config).await?;
    if pool.replica_count() > 0 {
        tracing::info!(
            replicas = pool.replica_count(),
            "reading from read replicas"
        );
        pool.watch_replicas();
    }
    if config.seed_demo
        && content::seed::is_empty(&pool)
            .await
            .map_err(|e| e.to_string())?
    {
        let created = content::seed::seed_demo(&pool, &config.media_dir)
            .await
            .map_err(|e| format!("seeding failed: {e}"))?;
        tracing::info!(created, "database was empty: demo content loaded");
    }
    // Stories written before the search index existed (or by hand) become findable.
    let indexed = content::search::index::index_missing(&pool)
        .await
        .map_err(|e| format!("search indexing failed: {e}"))?;
    if indexed > 0 {
        tracing::info!(indexed, "search index caught up");
    }

    // E-mails are sent from the queue in the background; requests never wait on them.
    // Asked to stop, the server lets the worker record the mail it is sending first.
    let issues = mailings::IssueSender {
        site_url: config.site_url.clone(),
        token_key: content::reader_messages::secret::<32>(&pool, "list_unsubscribe")
            .await
            .map_err(|e| format!("list key: {e}"))?,
        rate_per_minute: config.mail_rate_per_minute,
    };
    let (stop_mail, mail_stopped) = tokio::sync::watch::channel(false);
    let mail_worker = mail::Mailer::new(
        &config.mail_from,
        config.smtp_url.as_deref(),
        config.mail_outbox.clone(),
    )?
    .signing(
        config.dkim_selector.as_deref(),
        config.dkim_private_key.as_deref(),
        config.dkim_domain.as_deref(),
    )?
    .spawn_worker(pool.clone(), issues, mail_stopped);

    // Readers' data is kept only as long as the privacy notice says.
    jobs::spawn_retention(pool.clone());
    jobs::spawn_scheduler(pool.clone());
    jobs::spawn_renditions(pool.clone(), config.media_dir.clone());
    // What caches in front must forget when content changes (issue 17).
    let purger = cache_purge::spawn(
        pool.clone(),
        cache_purge::parse_targets(&config.cache_purge_urls)?,
        http::page_cache::PageCache::new(config.page_cache_bytes),
    );
    // Brotli and gzip copies of the build, served instead of compressing per request.
    http::precompress::spawn(
        std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref()),
    );
    let key = content::reader_messages::secret::<32>(&pool, "form_ticket")
        .await
        .map_err(|e| format!("form key: {e}"))?;
    let key = app::forms::ticket::TicketKey::new(key, config.form_min_seconds);
    let app = http::router(state::AppState::new(
        options,
        pool.clone(),
        &config,
        key,
        purger,
    ));
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!(
        "listening on http://{addr} (public URL {})",
        config.site_url
    );
    // Asked to stop, the server takes no new connection and lets the requests in flight
    // finish, for `SHUTDOWN_GRACE_SECONDS` at most: a client that never finishes its
    // request (or never reads its answer) does not keep the process from stopping.
    http::connections::serve(
        listener,
        app,
        http::connections::Limits::default(),
        shutdown_signal(),
        config.shutdown_grace,
    )
    .await;
    let _ = stop_mail.send(true);
    if tokio::time::timeout(std::time::Duration::from_secs(30), mail_worker)
        .await
        .is_err()
    {
        tracing::warn!("the mail worker did not stop within 30 s");
    }
    // Checkpoints the write-ahead log into the database file and closes it cleanly; a
    // request cut off above may still hold a connection, so this is bounded too.
    if tokio::time::timeout(std::time::Duration::from_secs(5), pool.close())
        .await
        .is_err()
    {
        tracing::warn!("the database was still in use after 5 s: stopping anyway");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
