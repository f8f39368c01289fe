//! `/og/{path}`: the 1200×630 picture social networks show for a page, cut from the
//! page's own raster image under `MEDIA_DIR` (centre crop, JPEG) on first request and
//! kept in `MEDIA_DIR/og-cache/`. Anything unusable leads to the site's default card.
//! The `image` crate decodes and resizes (the ecosystem's maintained image library),
//! with limits so that a huge or hostile file cannot exhaust memory.

use crate::state::AppState;
use axum::extract::{FromRef, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use lru::LruCache;
use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// Size OpenGraph and Twitter cards expect.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Cards made at once: decoding a large photo takes up to [`LARGEST_DECODE`] of memory.
const MADE_AT_ONCE: usize = 2;
/// Cards that may wait to be made; beyond them (a flood of new addresses), the
/// default card at once.
const QUEUED_AT_MOST: usize = 32;
/// Memory one decode may take (a 24-megapixel photo needs about 70 MiB).
const LARGEST_DECODE: u64 = 256 << 20;
/// Pictures remembered as unusable, so that asking again costs nothing.
const FAILURES_REMEMBERED: usize = 4096;

/// Where originals are and cards go, and the bounds on making cards: each card is made
/// once however many ask for it at the same time, a few at once, and a picture that
/// cannot be made into one is remembered.
#[derive(Clone)]
pub struct ShareImages {
    pub media_dir: PathBuf,
    making: Arc<Making>,
}

struct Making {
    slots: Semaphore,
    queued: Semaphore,
    /// One lock per card being made: whoever comes second waits for the first.
    cards: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    failed: Mutex<LruCache<String, ()>>,
    /// Pictures decoded (or tried) since start.
    made: AtomicUsize,
}

impl ShareImages {
    /// Cards cut from the pictures under `media_dir`.
    pub fn new(media_dir: PathBuf) -> ShareImages {
        let remembered = NonZeroUsize::new(FAILURES_REMEMBERED).expect("not zero");
        ShareImages {
            media_dir,
            making: Arc::new(Making {
                slots: Semaphore::new(MADE_AT_ONCE),
                queued: Semaphore::new(QUEUED_AT_MOST),
                cards: Mutex::default(),
                failed: Mutex::new(LruCache::new(remembered)),
                made: AtomicUsize::new(0),
            }),
        }
    }

    /// How many pictures were decoded (or tried) since start: what the bounds save.
    pub fn made(&self) -> usize {
        self.making.made.load(Ordering::SeqCst)
    }

    fn failed_before(&self, path: &str) -> bool {
        let mut failed = self.making.failed.lock().unwrap_or_else(|e| e.into_inner());
        failed.get(path).is_some()
    }

    fn remember_failure(&self, path: &str) {
        let mut failed = self.making.failed.lock().unwrap_or_else(|e| e.into_inner());
        failed.put(path.to_owned(), ());
    }

    /// The lock of the card at `path`, shared by everyone asking for it now.
    fn card_lock(&self, path: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut cards = self.making.cards.lock().unwrap_or_else(|e| e.into_inner());
        cards.entry(path.to_owned()).or_default().clone()
    }

    fn card_done(&self, path: &str) {
        let mut cards = self.making.cards.lock().unwrap_or_else(|e| e.into_inner());
        cards.remove(path);
    }
}

impl FromRef<AppState> for ShareImages {
    fn from_ref(state: &AppState) -> ShareImages {
        state.share_images.clone()
    }
}

/// A media path that is a raster picture inside the media folder, or `None`.
fn checked(path: &str) -> Option<&str> {
    let raster = content::model::is_raster_image(path);
    let inside = !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    (raster && inside && !path.starts_with("og-cache/")).then_some(path)
}

/// Decodes, crops and encodes one rendition.
fn render(source: &std::path::Path) -> Result<Vec<u8>, image::ImageError> {
    let mut reader = image::ImageReader::open(source)?.with_guessed_format()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(16_000);
    limits.max_image_height = Some(16_000);
    limits.max_alloc = Some(LARGEST_DECODE);
    reader.limits(limits);
    let picture = reader.decode()?;
    let cropped = picture
        .resize_to_fill(WIDTH, HEIGHT, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    cropped.write_with_encoder(encoder)?;
    Ok(out)
}

/// `GET /og/{path}`.
pub async fn rendition(State(state): State<ShareImages>, Path(path): Path<String>) -> Response {
    let Some(path) = checked(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kept = state.media_dir.join("og-cache").join(format!("{path}.jpg"));
    if let Ok(bytes) = tokio::fs::read(&kept).await {
        return card(bytes);
    }
    if state.failed_before(path) {
        return default_card();
    }
    let lock = state.card_lock(path);
    let made = {
        let _card = lock.lock().await;
        // Whoever held the lock before may have made it (or failed to).
        match tokio::fs::read(&kept).await {
            Ok(bytes) => Some(bytes),
            Err(_) if state.failed_before(path) => None,
            Err(_) => make(&state, path, &kept).await,
        }
    };
    state.card_done(path);
    made.map_or_else(default_card, card)
}

/// Makes the card of `path` in its turn and keeps it at `kept`; `None` (remembered)
/// when the picture is missing or unusable.
async fn make(state: &ShareImages, path: &str, kept: &std::path::Path) -> Option<Vec<u8>> {
    // Beyond the queue (a flood of new addresses), the default card at once; those
    // asking for a card being made wait for it above, at no cost.
    let _queued = state.making.queued.try_acquire().ok()?;
    let _slot = state.making.slots.acquire().await.ok()?;
    let source = state.media_dir.join(path);
    state.making.made.fetch_add(1, Ordering::SeqCst);
    match tokio::task::spawn_blocking(move || render(&source)).await {
        Ok(Ok(bytes)) => {
            if let Err(err) = keep(kept, &bytes).await {
                tracing::warn!(%err, "share image cache");
            }
            Some(bytes)
        }
        Ok(Err(err)) => {
            tracing::debug!(%err, path, "no share image");
            state.remember_failure(path);
            None
        }
        Err(_) => None,
    }
}

/// Writes a card beside its place and renames it there: a reader never gets half a file.
async fn keep(kept: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = kept.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let partial = kept.with_extension("jpg.partial");
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, kept).await
}

fn card(bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response()
}

fn default_card() -> Response {
    Redirect::temporary("/og-default.png").into_response()
}

#[cfg(test)]
mod tests;
