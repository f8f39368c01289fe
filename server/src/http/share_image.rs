//! `/og/{path}`: the 1200×630 picture social networks show for a page, cut from the
//! page's own raster image under `MEDIA_DIR` (centre crop, JPEG) on first request and
//! kept in `MEDIA_DIR/og-cache/`. Anything unusable leads to the site's default card.
//! The `image` crate decodes and resizes (the ecosystem's maintained image library),
//! with limits so that a huge or hostile file cannot exhaust memory.

use crate::state::AppState;
use axum::extract::{FromRef, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::path::PathBuf;

/// Size OpenGraph and Twitter cards expect.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Where originals are and renditions go.
#[derive(Clone)]
pub struct ShareImages {
    pub media_dir: PathBuf,
}

impl FromRef<AppState> for ShareImages {
    fn from_ref(state: &AppState) -> ShareImages {
        ShareImages {
            media_dir: state.config.media_dir.clone(),
        }
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
    limits.max_alloc = Some(512 << 20);
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
    let fallback = || Redirect::temporary("/og-default.png").into_response();
    let Some(path) = checked(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cached = state.media_dir.join("og-cache").join(format!("{path}.jpg"));
    let bytes = match tokio::fs::read(&cached).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let source = state.media_dir.join(path);
            let made = tokio::task::spawn_blocking(move || render(&source)).await;
            match made {
                Ok(Ok(bytes)) => {
                    if let Some(dir) = cached.parent() {
                        let _ = tokio::fs::create_dir_all(dir).await;
                    }
                    if let Err(err) = tokio::fs::write(&cached, &bytes).await {
                        tracing::warn!(%err, "share image cache");
                    }
                    bytes
                }
                Ok(Err(err)) => {
                    tracing::debug!(%err, path, "no share image");
                    return fallback();
                }
                Err(_) => return fallback(),
            }
        }
    };
    (
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::checked;

    #[test]
    fn only_raster_files_inside_the_media_folder() {
        assert_eq!(checked("wp/2011/07/a.JPG"), Some("wp/2011/07/a.JPG"));
        assert_eq!(checked("demo/cover.svg"), None);
        assert_eq!(checked("../secret.png"), None);
        assert_eq!(checked("wp/../../x.png"), None);
        assert_eq!(checked("/etc/x.png"), None);
        assert_eq!(checked("og-cache/a.png"), None);
    }
}
