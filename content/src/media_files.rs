//! Documents and sound in the media library: PDFs (publications) and audio files
//! (podcast episodes), recognised by their content — a PDF by its header and end
//! marker, audio by its magic numbers (`infer`) — never by the name or the browser's
//! type, kept under `MEDIA_DIR/uploads/YYYY/MM/` and served from `/media/`. Each has a
//! description per language (the alt text), and is attached to a story by id.

use super::media_library::{clean_name, record_upload, upload_stem, write_file, UploadProblem};
use super::{write, DataResult};
use crate::documents;
use crate::lang::Lang;
use crate::model::LibraryFile;
use crate::Db;

/// Largest PDF (bytes): a printed report with pictures.
pub const MAX_PDF_BYTES: usize = 40 * 1024 * 1024;
/// Largest audio file (bytes): an hour and a half of MP3 at 128 kbit/s.
pub const MAX_AUDIO_BYTES: usize = 90 * 1024 * 1024;

/// Audio types the library accepts (every browser and podcast app plays them).
const AUDIO: [(&str, &str); 6] = [
    ("audio/mpeg", "mp3"),
    ("audio/m4a", "m4a"),
    ("audio/ogg", "ogg"),
    ("audio/x-wav", "wav"),
    ("audio/x-flac", "flac"),
    ("audio/aac", "aac"),
];

/// A document or sound recognised in an upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileType {
    /// `pdf` or `audio` (the `media.kind`).
    pub kind: &'static str,
    pub mime: &'static str,
    pub extension: &'static str,
}

/// What `bytes` are, if a document or sound the library keeps.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if let Some(("application/pdf", extension)) = documents::sniff(bytes) {
        return Some(FileType {
            kind: "pdf",
            mime: "application/pdf",
            extension,
        });
    }
    let found = infer::get(bytes).filter(|t| t.matcher_type() == infer::MatcherType::Audio)?;
    let (mime, extension) = AUDIO.into_iter().find(|(m, _)| *m == found.mime_type())?;
    Some(FileType {
        kind: "audio",
        mime,
        extension,
    })
}

/// Whether `bytes` start like a PDF or a sound, even if broken (to tell "not a picture"
/// from "a document we cannot read").
pub fn looks_like_a_file(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
        || infer::get(bytes).is_some_and(|t| t.matcher_type() == infer::MatcherType::Audio)
}

/// Keeps an uploaded PDF or sound with its descriptions. `Ok(Err(_))`: refused, nothing
/// kept (not a type we keep, cut, too big, empty).
pub async fn store_file(
    pool: &Db,
    media_dir: &std::path::Path,
    bytes: Vec<u8>,
    original_name: &str,
    descriptions: &[(Lang, String)],
    user_id: i64,
) -> DataResult<Result<i64, UploadProblem>> {
    if bytes.is_empty() {
        return Ok(Err(UploadProblem::Empty));
    }
    let Some(found) = sniff(&bytes) else {
        return Ok(Err(if bytes.starts_with(b"%PDF-") {
            UploadProblem::Broken
        } else {
            UploadProblem::NotAPicture
        }));
    };
    let limit = match found.kind {
        "pdf" => MAX_PDF_BYTES,
        _ => MAX_AUDIO_BYTES,
    };
    if bytes.len() > limit {
        return Ok(Err(UploadProblem::TooBig));
    }
    let path = format!("{}.{}", upload_stem(), found.extension);
    write_file(media_dir, &path, &bytes).await?;
    let name = clean_name(original_name);
    let mut tx = crate::write_tx(pool).await?;
    let id = write::upsert_file(&mut tx, found.kind, &path, found.mime, bytes.len() as i64).await?;
    record_upload(&mut tx, id, user_id, &name).await?;
    for (lang, text) in descriptions.iter().filter(|(_, t)| !t.trim().is_empty()) {
        crate::sql::query("INSERT INTO media_translations (media_id, lang, alt) VALUES (?, ?, ?)")
            .bind(id)
            .bind(lang.code())
            .bind(text.trim())
            .execute(&mut tx)
            .await?;
    }
    tx.commit().await?;
    Ok(Ok(id))
}

/// The newest `limit` documents and sounds (`kind` `pdf` or `audio`, or both when
/// `None`), with their description in `lang` (else their file name).
pub async fn recent_files(
    pool: &Db,
    kind: Option<&str>,
    lang: Lang,
    limit: u32,
) -> DataResult<Vec<LibraryFile>> {
    type Row = (i64, String, String, String, i64, String, Option<String>);
    let rows: Vec<Row> = crate::sql::query_as(
        "SELECT m.id, m.kind, m.path, m.mime, m.bytes, m.original_name,
                (SELECT alt FROM media_translations t WHERE t.media_id = m.id AND t.lang = ?2
                   AND t.alt != '')
         FROM media m WHERE m.kind IN ('pdf', 'audio') AND (?1 IS NULL OR m.kind = ?1)
         ORDER BY m.id DESC LIMIT ?3",
    )
    .bind(kind)
    .bind(lang.code())
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, path, mime, bytes, name, description)| {
            let name = if name.is_empty() {
                path.rsplit('/').next().unwrap_or_default().to_owned()
            } else {
                name
            };
            LibraryFile {
                id,
                kind,
                src: format!("/media/{path}"),
                mime,
                bytes,
                label: description.unwrap_or_else(|| name.clone()),
                name,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::create_user;
    use crate::model::Role;
    use crate::test_db;

    /// The start of an MP3 file with an ID3 tag.
    fn mp3() -> Vec<u8> {
        let mut bytes = b"ID3\x04\x00\x00\x00\x00\x00\x00".to_vec();
        bytes.extend_from_slice(&[0xFF, 0xFB, 0x90, 0x64]);
        bytes.resize(4096, 0);
        bytes
    }

    #[test]
    fn documents_and_sounds_are_known_by_content() {
        let pdf = documents::samples::pdf();
        assert_eq!(sniff(&pdf).map(|t| t.kind), Some("pdf"));
        assert_eq!(
            sniff(&mp3()).map(|t| (t.kind, t.extension)),
            Some(("audio", "mp3"))
        );
        let wav = crate::podcasts::wav::tones(1, 0);
        assert_eq!(sniff(&wav).map(|t| t.mime), Some("audio/x-wav"));
        assert_eq!(sniff(b"<html><script>alert(1)</script></html>"), None);
        assert_eq!(sniff(b"%PDF-1.4 cut short"), None, "a PDF without its end");
        assert!(looks_like_a_file(b"%PDF-1.4 cut short"));
        let png = include_bytes!("../../public/og-default.png");
        assert_eq!(sniff(png), None, "pictures go to the picture library");
    }

    #[tokio::test]
    async fn files_are_kept_with_their_descriptions_or_refused_whole() {
        let db = test_db::empty().await;
        let dir = tempfile::tempdir().unwrap();
        let pool = &db.pool;
        let user = create_user(
            pool,
            "editor@ccme.example",
            "",
            Role::Editor,
            "correct horse battery",
        )
        .await
        .unwrap();
        let descriptions = [
            (Lang::Fr, "Rapport annuel".to_owned()),
            (Lang::Ar, "التقرير السنوي".to_owned()),
        ];
        let pdf = documents::samples::pdf();
        let id = store_file(
            pool,
            dir.path(),
            pdf.clone(),
            "C:\\docs\\rapport.pdf",
            &descriptions,
            user,
        )
        .await
        .unwrap()
        .unwrap();
        let sound = store_file(pool, dir.path(), mp3(), "episode.mp3", &[], user)
            .await
            .unwrap()
            .unwrap();
        let refused = store_file(
            pool,
            dir.path(),
            b"MZ\x90\x00 an exe".to_vec(),
            "x.pdf",
            &[],
            user,
        )
        .await
        .unwrap();
        assert_eq!(refused, Err(UploadProblem::NotAPicture));
        let cut = store_file(
            pool,
            dir.path(),
            b"%PDF-1.4 cut".to_vec(),
            "x.pdf",
            &[],
            user,
        )
        .await
        .unwrap();
        assert_eq!(cut, Err(UploadProblem::Broken));
        let mut huge = pdf.clone();
        huge.splice(8..8, std::iter::repeat_n(b' ', MAX_PDF_BYTES));
        let big = store_file(pool, dir.path(), huge, "big.pdf", &[], user)
            .await
            .unwrap();
        assert_eq!(big, Err(UploadProblem::TooBig));

        let ar = recent_files(pool, None, Lang::Ar, 10).await.unwrap();
        assert_eq!(ar.len(), 2, "nothing kept of refused uploads");
        assert_eq!(
            (ar[0].id, ar[0].kind.as_str(), ar[0].label.as_str()),
            (sound, "audio", "episode.mp3")
        );
        assert_eq!(
            (ar[1].id, ar[1].label.as_str(), ar[1].name.as_str()),
            (id, "التقرير السنوي", "rapport.pdf")
        );
        let on_disk = dir.path().join(ar[1].src.trim_start_matches("/media/"));
        assert_eq!(std::fs::read(on_disk).unwrap(), pdf);
        let pdfs = recent_files(pool, Some("pdf"), Lang::Fr, 10).await.unwrap();
        assert_eq!(pdfs.len(), 1);
    }
}
