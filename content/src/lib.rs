//! The site's content, without Leptos: the language and address of every page, the
//! model types shared with the browser (serde only, so they compile to WASM) and, with
//! the `db` feature, the data layer — plain async functions over a [`Db`] (SQLite or
//! PostgreSQL), by domain (stories, sections, search, editorial workflow, accounts, mail
//! queue, media, WordPress import, demo seed). No HTTP and no views here: every query
//! is tested on a temporary SQLite file with `cargo test -p content --features db`, and
//! on PostgreSQL with `TEST_BACKEND=postgres`.

pub mod address;
pub mod alternates;
pub mod cache;
pub mod lang;
pub mod model;
pub mod site;

#[cfg(feature = "db")]
mod db;
#[cfg(all(test, feature = "db"))]
pub(crate) use db::test_db;
#[cfg(feature = "db")]
pub use db::{
    connect, connect_read_only, connect_with_replicas, display_url, DataError, DataResult,
};
#[cfg(feature = "db")]
pub mod sql;
#[cfg(feature = "db")]
#[cfg(feature = "db")]
pub use sql::{claim_job_turn, write_tx, Backend, Db, JobTurn, Tx};
#[cfg(feature = "db")]
pub mod copy;
#[cfg(feature = "db")]
pub mod documents;

#[cfg(feature = "db")]
pub mod accounts;
#[cfg(feature = "db")]
pub mod backup;
#[cfg(feature = "db")]
pub mod body_images;
#[cfg(feature = "db")]
pub mod editorial;
#[cfg(feature = "db")]
pub mod faces;
#[cfg(feature = "db")]
pub mod generate;
#[cfg(feature = "db")]
pub mod interviews;
#[cfg(feature = "db")]
pub mod library;
#[cfg(feature = "db")]
pub mod mail_queue;
#[cfg(feature = "db")]
pub mod mailings;
#[cfg(feature = "db")]
pub mod media_edit;
#[cfg(feature = "db")]
pub mod media_files;
#[cfg(feature = "db")]
pub mod media_library;
#[cfg(feature = "db")]
pub mod media_renditions;
#[cfg(feature = "db")]
pub mod menus;
#[cfg(feature = "db")]
pub mod moderation;
#[cfg(feature = "db")]
pub mod pages;
#[cfg(feature = "db")]
pub mod podcasts;
#[cfg(feature = "db")]
pub mod reader_messages;
#[cfg(feature = "db")]
pub mod redirects;
#[cfg(feature = "db")]
pub mod retention;
#[cfg(feature = "db")]
pub mod search;
#[cfg(feature = "db")]
pub mod sections;
#[cfg(feature = "db")]
pub mod seed;
#[cfg(feature = "db")]
pub mod stories;
#[cfg(feature = "db")]
pub mod structure;
#[cfg(feature = "db")]
pub mod subscriptions;
#[cfg(feature = "db")]
pub mod syndication;
#[cfg(feature = "db")]
pub mod tags;
#[cfg(feature = "db")]
pub mod write;
#[cfg(feature = "db")]
pub mod wxr;
