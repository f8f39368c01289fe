//! Renditions for pictures that came without them: the WordPress archive's attachments
//! (recorded by the import, their files copied into the media folder before or after)
//! and pictures uploaded before WebP renditions existed. Without this, their pages would
//! send the full-size original to every phone. Run in the background at each start, so
//! files copied later are picked up by the next start; each picture is done once.

use super::media_library::{check, record_renditions, renditions, write_file, VARIANT_WIDTHS};
use super::DataResult;
use crate::Db;
use image::GenericImageView;
use std::path::Path;

/// What a pass did, for the server's log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenditionsReport {
    /// Pictures that got their renditions.
    pub pictures: u32,
    /// Rendition files written.
    pub files: u32,
    /// Pictures whose file is not in the media folder (yet).
    pub missing_files: u32,
    /// Files that are not a readable JPEG, PNG or WebP within the upload limits.
    pub unreadable: u32,
}

/// Raster pictures wider than the smallest rendition (or of unknown width) that have no
/// WebP rendition: imported ones have none at all, older uploads only JPEG/PNG ones.
const WITHOUT_RENDITIONS: &str = "
    SELECT id, path FROM media m
    WHERE kind = 'image' AND mime IN ('image/jpeg', 'image/png', 'image/webp')
      AND (width IS NULL OR width > ?)
      AND NOT EXISTS (SELECT 1 FROM media_variants v
                      WHERE v.media_id = m.id AND v.mime = 'image/webp')
    ORDER BY id";

/// Makes and records the missing renditions of every picture that lacks them, one
/// picture at a time (decoding and encoding off the async threads). A rendition file
/// name already taken on disk by something else (an imported `photo-480.jpg`) is left
/// alone and that rendition skipped.
pub async fn add_missing_renditions(pool: &Db, media_dir: &Path) -> DataResult<RenditionsReport> {
    let todo: Vec<(i64, String)> = crate::sql::query_as(WITHOUT_RENDITIONS)
        .bind(i64::from(VARIANT_WIDTHS[0]))
        .fetch_all(pool)
        .await?;
    let mut report = RenditionsReport::default();
    for (id, path) in todo {
        let Ok(bytes) = tokio::fs::read(media_dir.join(&path)).await else {
            report.missing_files += 1;
            continue;
        };
        let stem = path
            .rsplit_once('.')
            .map_or(path.as_str(), |(stem, _)| stem);
        let stem = stem.to_owned();
        let made = tokio::task::spawn_blocking(move || {
            check(&bytes).ok().map(|checked| {
                let size = checked.picture.dimensions();
                (size, renditions(&checked.picture, &stem))
            })
        })
        .await
        .map_err(|e| super::DataError::Invalid(e.to_string()))?;
        let Some(((width, height), variants)) = made else {
            report.unreadable += 1;
            continue;
        };
        let mut fresh = Vec::new();
        for variant in variants {
            if !media_dir.join(&variant.path).exists() {
                write_file(media_dir, &variant.path, &variant.bytes).await?;
                fresh.push(variant);
            }
        }
        let mut tx = super::write_tx(pool).await?;
        // The real size, so a picture too small for renditions is not read again.
        crate::sql::query("UPDATE media SET width = ?, height = ? WHERE id = ?")
            .bind(i64::from(width))
            .bind(i64::from(height))
            .bind(id)
            .execute(&mut tx)
            .await?;
        record_renditions(&mut tx, id, &fresh).await?;
        tx.commit().await?;
        report.files += fresh.len() as u32;
        report.pictures += u32::from(!fresh.is_empty());
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
