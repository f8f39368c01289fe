//! Attachments of an export become media rows under `wp/<year>/<month>/…` of the media
//! folder, with their size and alt text; files not copied there yet are counted.

use super::content::{self, MediaRef};
use super::{Export, ImportOptions, ImportReport, Outcome};
use crate::db::Written;
use crate::lang::Lang;
use crate::DataResult;
use crate::Tx;
use std::collections::HashMap;

/// An attachment as stored: its media row and what content needs of it.
pub struct LoadedMedia {
    pub id: i64,
    pub reference: MediaRef,
}

fn mime_of(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "mp4" | "m4v" => "video/mp4",
        "webm" => "video/webm",
        "ogv" => "video/ogg",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn media_kind(mime: &str) -> &'static str {
    match mime.split('/').next() {
        Some("image") => "image",
        Some("audio") => "audio",
        Some("video") => "video",
        _ if mime == "application/pdf" => "pdf",
        _ => "other",
    }
}

pub(super) async fn load_media(
    conn: &mut Tx,
    export: &Export,
    options: &ImportOptions,
    bases: &[String],
    report: &mut ImportReport,
) -> DataResult<HashMap<i64, LoadedMedia>> {
    let mut out = HashMap::new();
    for item in export.items.iter().filter(|i| i.post_type == "attachment") {
        let Some(path) = content::media_path(&item.attachment_url, bases) else {
            report.skip("attachments without a file address");
            continue;
        };
        let mime = mime_of(&path);
        let meta = item.attachment.clone().unwrap_or_default();
        let (width, height) = meta.size.map_or((None, None), |(w, h)| {
            (Some(i64::from(w)), Some(i64::from(h)))
        });
        let bytes = std::fs::metadata(options.media_dir.join(&path)).map(|m| m.len() as i64);
        if bytes.is_err() {
            report.missing_files += 1;
        }
        let existing: Option<(i64, String, Option<i64>, Option<i64>)> =
            crate::sql::query_as("SELECT id, mime, width, height FROM media WHERE path = ?")
                .bind(&path)
                .fetch_optional(&mut *conn)
                .await?;
        let unchanged = existing
            .as_ref()
            .is_some_and(|(_, m, w, h)| m == mime && *w == width && *h == height);
        let id: i64 = crate::sql::query_scalar(crate::sql::dialect_sql!(format!(
            "INSERT INTO media (kind, path, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, mime = excluded.mime,
               width = excluded.width, height = excluded.height,
               bytes = {}
             RETURNING id",
            greatest("media.bytes", "excluded.bytes")
        )))
        .bind(media_kind(mime))
        .bind(&path)
        .bind(mime)
        .bind(width)
        .bind(height)
        .bind(bytes.unwrap_or(0))
        .fetch_all(&mut *conn)
        .await?
        .written()?;
        let alt = if meta.alt.is_empty() {
            item.title.clone()
        } else {
            meta.alt.clone()
        };
        for lang in Lang::ALL {
            crate::sql::query(
                "INSERT INTO media_translations (media_id, lang, alt) VALUES (?, ?, ?)
                 ON CONFLICT (media_id, lang) DO NOTHING",
            )
            .bind(id)
            .bind(lang.code())
            .bind(&alt)
            .execute(&mut *conn)
            .await?;
        }
        report.media.add(match existing {
            None => Outcome::Created,
            Some(_) if unchanged => Outcome::Unchanged,
            Some(_) => Outcome::Updated,
        });
        out.insert(
            item.id,
            LoadedMedia {
                id,
                reference: MediaRef {
                    url: item.attachment_url.clone(),
                    alt,
                    mime: mime.to_owned(),
                },
            },
        );
    }
    Ok(out)
}

/// The old uploads folders named by the export's attachments, longest first.
pub(super) fn upload_bases(export: &Export) -> Vec<String> {
    let mut bases: Vec<String> = export
        .items
        .iter()
        .filter(|i| i.post_type == "attachment")
        .filter_map(|i| content::upload_base(&i.attachment_url))
        .collect();
    bases.sort_by_key(|b| std::cmp::Reverse(b.len()));
    bases.dedup();
    bases
}
