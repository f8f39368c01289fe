//! The back office's media library: pictures uploaded by editors, recognised by their
//! content (never by their name), kept under `MEDIA_DIR/uploads/YYYY/MM/` with smaller
//! renditions (480, 960 and 1,600 pixels wide, each as WebP and as JPEG — or PNG for
//! pictures with transparency) that pages offer in `<picture>` and `srcset`, and an alt
//! text per language. Pictures are reused across stories by id (a story version's cover).

use super::{accounts, DataResult};
use crate::lang::Lang;
use crate::model::LibraryPicture;
use crate::Db;
use image::{DynamicImage, GenericImageView, ImageFormat, ImageReader};
use serde::{Deserialize, Serialize};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// Largest upload (bytes).
pub const MAX_IMAGE_BYTES: usize = 15 * 1024 * 1024;
/// Largest picture side (pixels): bigger ones are refused before being decoded.
pub const MAX_SIDE: u32 = 10_000;
/// Widths of the renditions made when the picture is wider.
pub const VARIANT_WIDTHS: [u32; 3] = [480, 960, 1600];

/// Why an upload was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadProblem {
    /// Not a JPEG, PNG or WebP picture, whatever its name says.
    NotAPicture,
    TooBig,
    TooLarge,
    /// It says it is a picture but cannot be read.
    Broken,
    Empty,
    /// The storage refused to keep it (a full disk, a read-only database).
    NotSaved,
}

impl UploadProblem {
    /// Code carried in the back office's `?error=` after a refused upload.
    pub fn code(self) -> &'static str {
        match self {
            UploadProblem::NotAPicture => "type",
            UploadProblem::TooBig => "bytes",
            UploadProblem::TooLarge => "pixels",
            UploadProblem::Broken => "broken",
            UploadProblem::Empty => "empty",
            UploadProblem::NotSaved => "storage",
        }
    }
}

/// A decoded, checked upload.
pub(super) struct Checked {
    format: ImageFormat,
    pub(super) picture: DynamicImage,
}

/// Recognises and decodes `bytes`: JPEG, PNG or WebP only, within the size limits.
pub(super) fn check(bytes: &[u8]) -> Result<Checked, UploadProblem> {
    if bytes.is_empty() {
        return Err(UploadProblem::Empty);
    }
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(UploadProblem::TooBig);
    }
    let format = image::guess_format(bytes).map_err(|_| UploadProblem::NotAPicture)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(UploadProblem::NotAPicture);
    }
    let reader = ImageReader::with_format(Cursor::new(bytes), format);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| UploadProblem::Broken)?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(UploadProblem::TooLarge);
    }
    let picture = ImageReader::with_format(Cursor::new(bytes), format)
        .decode()
        .map_err(|_| UploadProblem::Broken)?;
    Ok(Checked { format, picture })
}

/// The file extension and MIME type of a format the library keeps.
fn kind_of(format: ImageFormat) -> (&'static str, &'static str) {
    match format {
        ImageFormat::Png => ("png", "image/png"),
        ImageFormat::WebP => ("webp", "image/webp"),
        _ => ("jpg", "image/jpeg"),
    }
}

/// One file to write under the media folder.
pub(super) struct Rendition {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) path: String,
    pub(super) mime: &'static str,
    pub(super) bytes: Vec<u8>,
}

/// Quality of the lossy renditions (JPEG and WebP): no visible loss at reading sizes.
const RENDITION_QUALITY: u8 = 82;

/// The renditions narrower than the picture: at each width a JPEG (PNG when it has
/// transparency), which every browser reads, and a WebP, about a third smaller, that
/// pages offer first in `<picture>`.
pub(super) fn renditions(picture: &DynamicImage, stem: &str) -> Vec<Rendition> {
    let (width, height) = picture.dimensions();
    let transparent = picture.color().has_alpha();
    VARIANT_WIDTHS
        .into_iter()
        .filter(|&w| w < width)
        .flat_map(|w| {
            let h = ((height as u64 * w as u64) / width as u64).max(1) as u32;
            let small = picture.resize_exact(w, h, image::imageops::FilterType::Lanczos3);
            let fallback =
                encode_fallback(&small, transparent).map(|(ext, mime, bytes)| Rendition {
                    width: w,
                    height: h,
                    path: format!("{stem}-{w}.{ext}"),
                    mime,
                    bytes,
                });
            let webp = encode_webp(&small, transparent).map(|bytes| Rendition {
                width: w,
                height: h,
                path: format!("{stem}-{w}.webp"),
                mime: "image/webp",
                bytes,
            });
            [fallback, webp].into_iter().flatten()
        })
        .collect()
}

/// A rendition every browser reads: JPEG, or PNG to keep transparency.
fn encode_fallback(
    small: &DynamicImage,
    transparent: bool,
) -> Option<(&'static str, &'static str, Vec<u8>)> {
    let mut bytes = Vec::new();
    if transparent {
        small
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .ok()?;
        Some(("png", "image/png", bytes))
    } else {
        let encoder =
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, RENDITION_QUALITY);
        small.to_rgb8().write_with_encoder(encoder).ok()?;
        Some(("jpg", "image/jpeg", bytes))
    }
}

/// A lossy WebP rendition (with its alpha channel when the picture has one).
fn encode_webp(small: &DynamicImage, transparent: bool) -> Option<Vec<u8>> {
    let (w, h) = small.dimensions();
    let quality = f32::from(RENDITION_QUALITY);
    let encoded = if transparent {
        let pixels = small.to_rgba8();
        webp::Encoder::from_rgba(&pixels, w, h).encode_simple(false, quality)
    } else {
        let pixels = small.to_rgb8();
        webp::Encoder::from_rgb(&pixels, w, h).encode_simple(false, quality)
    };
    encoded.ok().map(|memory| memory.to_vec())
}

/// Keeps an uploaded picture: checks it, writes it and its renditions under
/// `media_dir`, records it with its alt texts. Returns its id, or why it was refused.
pub async fn store_image(
    pool: &Db,
    media_dir: &Path,
    bytes: Vec<u8>,
    original_name: &str,
    alts: &[(Lang, String)],
    user_id: i64,
) -> DataResult<Result<i64, UploadProblem>> {
    let stem = upload_stem();
    let work = tokio::task::spawn_blocking(move || {
        check(&bytes).map(|checked| {
            let variants = renditions(&checked.picture, &stem);
            (checked, variants, bytes, stem)
        })
    })
    .await
    .map_err(|e| super::DataError::Invalid(e.to_string()))?;
    let (checked, variants, bytes, stem) = match work {
        Ok(done) => done,
        Err(problem) => return Ok(Err(problem)),
    };
    let (ext, mime) = kind_of(checked.format);
    let path = format!("{stem}.{ext}");
    write_file(media_dir, &path, &bytes).await?;
    for variant in &variants {
        write_file(media_dir, &variant.path, &variant.bytes).await?;
    }
    let (width, height) = checked.picture.dimensions();
    let name = clean_name(original_name);
    let mut tx = crate::write_tx(pool).await?;
    let alt_refs: Vec<(Lang, &str)> = alts.iter().map(|(l, a)| (*l, a.trim())).collect();
    let id = super::write::upsert_image(
        &mut tx,
        &path,
        mime,
        (width, height),
        bytes.len() as i64,
        &alt_refs,
    )
    .await?;
    record_upload(&mut tx, id, user_id, &name).await?;
    record_renditions(&mut tx, id, &variants).await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Records the renditions of media `id` whose files are written (one already recorded at
/// the same type and width is kept).
pub(super) async fn record_renditions(
    conn: &mut crate::Tx,
    id: i64,
    variants: &[Rendition],
) -> DataResult<()> {
    for variant in variants {
        crate::sql::query(
            "INSERT INTO media_variants (media_id, width, height, path, mime, bytes)
             VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(i64::from(variant.width))
        .bind(i64::from(variant.height))
        .bind(&variant.path)
        .bind(variant.mime)
        .bind(variant.bytes.len() as i64)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Who uploaded media `id` and under which name, in the media row and the audit log.
pub(super) async fn record_upload(
    conn: &mut crate::Tx,
    id: i64,
    user_id: i64,
    name: &str,
) -> DataResult<()> {
    crate::sql::query("UPDATE media SET uploaded_by = ?, original_name = ? WHERE id = ?")
        .bind(user_id)
        .bind(name)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    accounts::audit_on(
        conn,
        Some(user_id),
        "media.upload",
        &format!("media {id}"),
        name,
    )
    .await
}

/// Where a new upload goes, without extension: `uploads/YYYY/MM/<random>` (UTC month;
/// 64 random bits, so names are neither guessable nor colliding).
pub(super) fn upload_stem() -> String {
    let token = super::subscriptions::new_token();
    let month = chrono::Utc::now().format("%Y/%m");
    format!("uploads/{month}/{}", &token[..16])
}

/// The name an upload had on the editor's computer, as the library shows it: the last
/// path segment, no control characters, at most 200 characters.
pub(super) fn clean_name(original: &str) -> String {
    original
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect()
}

/// Writes a media file under a temporary name beside it, then renames it into place:
/// no reader, and no other app server sharing `MEDIA_DIR` on a network volume, ever
/// sees half a file, and a write cut short leaves no file under the real name.
pub(super) async fn write_file(media_dir: &Path, relative: &str, bytes: &[u8]) -> DataResult<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let full: PathBuf = media_dir.join(relative);
    if let Some(parent) = full.parent() {
        tokio::fs::create_dir_all(parent).await?;
    }
    // Unique across the servers sharing the folder: process, moment and count.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let partial = full.with_file_name(format!(
        ".{}.{}-{nanos}-{}.part",
        full.file_name().and_then(|n| n.to_str()).unwrap_or("media"),
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    tokio::fs::write(&partial, bytes).await?;
    if let Err(err) = tokio::fs::rename(&partial, &full).await {
        let _ = tokio::fs::remove_file(&partial).await;
        return Err(err.into());
    }
    Ok(())
}

/// A library item's descriptions as one column (`lang:text` joined by U+001F), for a
/// query on `media m`; [`descriptions`] reads it back.
pub(super) const ALTS_COLUMN: &str =
    "(SELECT string_agg(t.lang || ':' || t.alt, '\u{1f}') FROM media_translations t
      WHERE t.media_id = m.id)";

/// How many widths a picture of `media m` has renditions at (each in one or two types).
pub(super) const RENDITIONS_COLUMN: &str =
    "(SELECT count(DISTINCT v.width) FROM media_variants v WHERE v.media_id = m.id)";

/// The descriptions of [`ALTS_COLUMN`] in every language, in `Lang::ALL` order, empty
/// where none is written (the forms show a field for each).
pub(super) fn descriptions(column: Option<&str>) -> Vec<(Lang, String)> {
    let found: Vec<(Lang, &str)> = column
        .unwrap_or("")
        .split('\u{1f}')
        .filter_map(|item| {
            let (lang, alt) = item.split_once(':')?;
            Some((Lang::from_code(lang)?, alt))
        })
        .collect();
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let alt = found.iter().find(|(l, _)| *l == lang).map(|(_, a)| *a);
            (lang, alt.unwrap_or_default().to_owned())
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: i64,
    path: String,
    width: Option<i64>,
    height: Option<i64>,
    original_name: String,
    alts: Option<String>,
    variants: i64,
}

/// The newest `limit` pictures of the library.
pub async fn recent_images(pool: &Db, limit: u32) -> DataResult<Vec<LibraryPicture>> {
    let rows: Vec<ItemRow> = crate::sql::query_as(&format!(
        "SELECT m.id, m.path, m.width, m.height, m.original_name,
               {ALTS_COLUMN} AS alts, {RENDITIONS_COLUMN} AS variants
             FROM media m WHERE m.kind = 'image' ORDER BY m.id DESC LIMIT ?"
    ))
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let alts = descriptions(row.alts.as_deref());
            LibraryPicture {
                id: row.id,
                src: format!("/media/{}", row.path),
                width: row.width.unwrap_or(0) as u32,
                height: row.height.unwrap_or(0) as u32,
                name: row.original_name,
                alts,
                variants: row.variants as u32,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests;
