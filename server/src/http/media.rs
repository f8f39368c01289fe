//! `/media/`: the files of the media library (uploads, renditions, the demo's pictures
//! and documents) as readers' browsers ask for them.

use axum::http::{header, HeaderValue};
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

#[cfg(test)]
mod tests;

/// Uploaded and generated media under `/media/`: content type from the extension,
/// `Content-Length`, `Last-Modified`, and byte ranges (`Range` → `206`, impossible
/// ranges → `416`) so large PDFs and audio open and seek without a full download.
pub fn media_files(
    dir: &std::path::Path,
) -> tower_http::set_header::SetResponseHeader<ServeDir, HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    )
    .layer(ServeDir::new(dir))
}
