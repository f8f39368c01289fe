//! The media library on a real SQLite file and media folder: checks, renditions, names.

use super::accounts;
use super::media_library::*;
use crate::data::test_db;
use crate::i18n::Lang;
use image::{DynamicImage, ImageFormat};
use std::io::Cursor;

fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
    let picture = if alpha {
        DynamicImage::new_rgba8(width, height)
    } else {
        DynamicImage::new_rgb8(width, height)
    };
    let mut bytes = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

#[tokio::test]
async fn pictures_are_checked_by_content_and_get_narrower_renditions() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let user = accounts::create_user(
        pool,
        "e@ccme.ma",
        "",
        crate::model::Role::Editor,
        "correct horse battery",
    )
    .await
    .unwrap();
    let dir = db._dir.path().join("media");
    let alts = vec![
        (Lang::Fr, "Une photo".to_owned()),
        (Lang::Ar, "صورة".to_owned()),
    ];
    let id = store_image(
        pool,
        &dir,
        png(1200, 600, false),
        "C:\\photos\\forum.png",
        &alts,
        user,
    )
    .await
    .unwrap()
    .unwrap();
    let items = recent_images(pool, 10).await.unwrap();
    assert_eq!(items[0].id, id);
    assert_eq!(items[0].name, "forum.png");
    assert_eq!(
        items[0].variants, 2,
        "480 and 960, not wider than the picture"
    );
    assert_eq!(items[0].alts[1], (Lang::Ar, "صورة".to_owned()));
    let variants: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT width, height, path, mime FROM media_variants WHERE media_id = ?
         ORDER BY width, mime",
    )
    .bind(id)
    .fetch_all(pool)
    .await
    .unwrap();
    let described: Vec<(i64, &str)> = variants
        .iter()
        .map(|(w, _, _, mime)| (*w, mime.as_str()))
        .collect();
    assert_eq!(
        described,
        [
            (480, "image/jpeg"),
            (480, "image/webp"),
            (960, "image/jpeg"),
            (960, "image/webp")
        ],
        "an opaque picture's renditions are JPEG and WebP at each width"
    );
    assert_eq!((variants[0].0, variants[0].1), (480, 240));
    for (.., path, mime) in &variants {
        let written = std::fs::read(dir.join(path)).unwrap();
        let format = image::guess_format(&written).unwrap();
        assert_eq!(format.to_mime_type(), mime, "{path}");
        let decoded = image::load_from_memory(&written).unwrap();
        assert_eq!(
            decoded.width() * 2,
            decoded.height() * 4,
            "{path} keeps 2:1"
        );
    }
    // Transparency is kept (PNG and WebP with alpha).
    let clear = store_image(pool, &dir, png(600, 600, true), "logo.png", &[], user)
        .await
        .unwrap()
        .unwrap();
    let paths: Vec<String> =
        sqlx::query_scalar("SELECT path FROM media_variants WHERE media_id = ? ORDER BY path")
            .bind(clear)
            .fetch_all(pool)
            .await
            .unwrap();
    assert!(paths[0].ends_with("-480.png"), "{paths:?}");
    let webp = image::load_from_memory(&std::fs::read(dir.join(&paths[1])).unwrap()).unwrap();
    assert!(webp.color().has_alpha(), "{paths:?}");

    let refused = |bytes: Vec<u8>| store_image(pool, &dir, bytes, "photo.jpg", &[], user);
    assert_eq!(
        refused(b"<html>not a picture</html>".to_vec())
            .await
            .unwrap(),
        Err(UploadProblem::NotAPicture)
    );
    assert_eq!(
        refused(b"GIF89a......".to_vec()).await.unwrap(),
        Err(UploadProblem::NotAPicture)
    );
    assert_eq!(
        refused(Vec::new()).await.unwrap(),
        Err(UploadProblem::Empty)
    );
    let mut cut = png(800, 800, false);
    cut.truncate(60);
    assert_eq!(refused(cut).await.unwrap(), Err(UploadProblem::Broken));
    assert_eq!(
        refused(vec![0xFF; MAX_IMAGE_BYTES + 1]).await.unwrap(),
        Err(UploadProblem::TooBig)
    );
    assert_eq!(
        recent_images(pool, 10).await.unwrap().len(),
        2,
        "nothing kept of refused uploads"
    );
}

#[test]
fn uploads_go_to_this_months_folder_under_a_random_name() {
    let stem = upload_stem();
    let month = chrono::Utc::now().format("uploads/%Y/%m/").to_string();
    assert!(stem.starts_with(&month), "{stem}");
    assert_eq!(stem.len(), month.len() + 16);
    assert_ne!(stem, upload_stem());
}
