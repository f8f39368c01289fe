//! Renditions made afterwards for imported pictures, on a real SQLite file and folder.

use super::{add_missing_renditions, RenditionsReport};
use crate::test_db;
use image::{DynamicImage, ImageFormat};
use std::io::Cursor;
use std::path::Path;

fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    DynamicImage::new_rgb8(width, height)
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// Records `path` as the WordPress import does (size from the export, maybe none).
async fn imported(pool: &crate::Db, path: &str, mime: &str, width: Option<i64>) -> i64 {
    crate::sql::query_scalar(
        "INSERT INTO media (kind, path, mime, width, height, bytes)
         VALUES ('image', ?, ?, ?, NULL, 0) RETURNING id",
    )
    .bind(path)
    .bind(mime)
    .bind(width)
    .fetch_one(pool)
    .await
    .unwrap()
}

fn put(dir: &Path, path: &str, bytes: &[u8]) {
    let full = dir.join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, bytes).unwrap();
}

#[tokio::test]
async fn imported_pictures_get_their_renditions_once() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let dir = db._dir.path().join("media");
    put(
        &dir,
        "wp/2011/07/photo.jpg",
        &picture(1000, 500, ImageFormat::Jpeg),
    );
    put(
        &dir,
        "wp/2011/07/small.png",
        &picture(300, 200, ImageFormat::Png),
    );
    put(
        &dir,
        "wp/2011/07/broken.jpg",
        b"\xff\xd8\xff not really a JPEG",
    );
    put(
        &dir,
        "wp/2011/07/taken.jpg",
        &picture(600, 400, ImageFormat::Jpeg),
    );
    // A file of the archive that happens to bear a rendition's name.
    put(&dir, "wp/2011/07/taken-480.jpg", b"someone else's file");
    let photo = imported(pool, "wp/2011/07/photo.jpg", "image/jpeg", Some(1000)).await;
    let small = imported(pool, "wp/2011/07/small.png", "image/png", None).await;
    imported(pool, "wp/2011/07/broken.jpg", "image/jpeg", Some(800)).await;
    imported(pool, "wp/2011/07/missing.jpg", "image/jpeg", Some(800)).await;
    let taken = imported(pool, "wp/2011/07/taken.jpg", "image/jpeg", Some(600)).await;
    imported(pool, "wp/2011/07/logo.svg", "image/svg+xml", Some(1200)).await;

    let report = add_missing_renditions(pool, &dir).await.unwrap();
    assert_eq!(
        report,
        RenditionsReport {
            pictures: 2,
            files: 5,
            missing_files: 1,
            unreadable: 1,
        },
        "photo: 480 and 960 as JPEG and WebP; taken: only the WebP at 480"
    );
    let variants = |id: i64| async move {
        crate::sql::query_as::<(i64, String, String)>(
            "SELECT width, mime, path FROM media_variants WHERE media_id = ? ORDER BY width, mime",
        )
        .bind(id)
        .fetch_all(pool)
        .await
        .unwrap()
    };
    let of_photo = variants(photo).await;
    assert_eq!(
        of_photo
            .iter()
            .map(|(w, mime, _)| (*w, mime.as_str()))
            .collect::<Vec<_>>(),
        [
            (480, "image/jpeg"),
            (480, "image/webp"),
            (960, "image/jpeg"),
            (960, "image/webp")
        ]
    );
    for (_, _, path) in &of_photo {
        assert!(path.starts_with("wp/2011/07/photo-"), "{path}");
        assert!(dir.join(path).exists(), "{path} written");
    }
    assert_eq!(variants(taken).await.len(), 1);
    assert_eq!(
        std::fs::read(dir.join("wp/2011/07/taken-480.jpg")).unwrap(),
        b"someone else's file",
        "never overwritten"
    );
    let width: Option<i64> = crate::sql::query_scalar("SELECT width FROM media WHERE id = ?")
        .bind(small)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(width, Some(300), "its real width, so it is not read again");

    // The next start only looks again at what could not be done.
    let again = add_missing_renditions(pool, &dir).await.unwrap();
    assert_eq!(
        again,
        RenditionsReport {
            missing_files: 1,
            unreadable: 1,
            ..RenditionsReport::default()
        }
    );
}
