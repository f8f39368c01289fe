//! The media library on a real SQLite file and media folder: checks, renditions, names.

use super::accounts;
use super::*;
use crate::lang::Lang;
use crate::model::WHOLE_FORM;
use crate::test_db;
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
    let variants: Vec<(i64, i64, String, String)> = crate::sql::query_as(
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
    let paths: Vec<String> = crate::sql::query_scalar(
        "SELECT path FROM media_variants WHERE media_id = ? ORDER BY path",
    )
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

/// A French story version with `cover` as its cover and `body` as its text.
async fn story_using(pool: &crate::Db, cover: Option<i64>, body: &str) -> i64 {
    let story: i64 =
        crate::sql::query_scalar("INSERT INTO stories (kind) VALUES ('article') RETURNING id")
            .fetch_one(pool)
            .await
            .unwrap();
    crate::sql::query(
        "INSERT INTO story_translations (story_id, lang, kind, slug, title, cover_media_id, body_html)
         VALUES (?, 'fr', 'article', ?, 'Un article', ?, ?)",
    )
    .bind(story)
    .bind(format!("article-{story}"))
    .bind(cover)
    .bind(body)
    .execute(pool)
    .await
    .unwrap();
    story
}

#[tokio::test]
async fn descriptions_are_corrected_after_upload_and_unused_items_deleted_with_their_files() {
    use crate::media_edit::{delete, describe, media_item};
    use crate::model::Role;
    use crate::test_db::account;
    let db = test_db::empty().await;
    let pool = &db.pool;
    let dir = db._dir.path().join("media");
    let author = account(pool, "author@ccme.ma", Role::Author).await;
    let editor = account(pool, "editor@ccme.ma", Role::Editor).await;
    let upload =
        |name: &'static str| store_image(pool, &dir, png(1000, 500, false), name, &[], author.id);
    let id = upload("forum.png").await.unwrap().unwrap();

    // Any account describes; too long is refused by field, nothing changed.
    let long = "x".repeat(501);
    let refused = describe(
        pool,
        &author,
        id,
        &[(Lang::Fr, "Le forum".into()), (Lang::Ar, long)],
    )
    .await
    .unwrap();
    assert_eq!(
        refused,
        Err(vec![("alt_ar".to_owned(), "too_long".to_owned())])
    );
    let written = [
        (Lang::Fr, " Le forum ".to_owned()),
        (Lang::Ar, "المنتدى".to_owned()),
    ];
    describe(pool, &author, id, &written)
        .await
        .unwrap()
        .unwrap();
    let item = media_item(pool, id).await.unwrap().unwrap();
    assert_eq!(item.descriptions[0], (Lang::Fr, "Le forum".to_owned()));
    assert_eq!(item.descriptions[1], (Lang::Ar, "المنتدى".to_owned()));
    assert_eq!(item.descriptions[2], (Lang::En, String::new()));
    assert_eq!((item.kind.as_str(), item.renditions), ("image", 2));
    assert!(item.uses.is_empty());

    // Used as a cover, or named in a story's text (a rendition too): kept.
    let story = story_using(pool, Some(id), "").await;
    assert_eq!(
        media_item(pool, id).await.unwrap().unwrap().uses[0].story_id,
        story
    );
    let in_use = Err(vec![(WHOLE_FORM.to_owned(), "media_in_use".to_owned())]);
    assert_eq!(delete(pool, &dir, &editor, id).await.unwrap(), in_use);
    let other = upload("autre.png").await.unwrap().unwrap();
    let rendition: String =
        crate::sql::query_scalar("SELECT path FROM media_variants WHERE media_id = ? LIMIT 1")
            .bind(other)
            .fetch_one(pool)
            .await
            .unwrap();
    story_using(pool, None, &format!("<img src=\"/media/{rendition}\">")).await;
    assert_eq!(delete(pool, &dir, &editor, other).await.unwrap(), in_use);

    // Authors may not delete; editors delete what nothing uses, files included.
    let unused = upload("inutile.png").await.unwrap().unwrap();
    let files: Vec<String> = crate::sql::query_scalar(
        "SELECT path FROM media WHERE id = ?1 UNION SELECT path FROM media_variants WHERE media_id = ?1",
    )
    .bind(unused)
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(files.len(), 5, "the picture, JPEG and WebP at 480 and 960");
    let editors_only = Err(vec![(WHOLE_FORM.to_owned(), "editors_only".to_owned())]);
    assert_eq!(
        delete(pool, &dir, &author, unused).await.unwrap(),
        editors_only
    );
    delete(pool, &dir, &editor, unused).await.unwrap().unwrap();
    assert!(media_item(pool, unused).await.unwrap().is_none());
    for file in &files {
        assert!(!dir.join(file).exists(), "{file} removed");
    }
    let not_found = Err(vec![(WHOLE_FORM.to_owned(), "not_found".to_owned())]);
    assert_eq!(
        delete(pool, &dir, &editor, unused).await.unwrap(),
        not_found
    );
    assert_eq!(
        describe(pool, &author, unused, &written).await.unwrap(),
        not_found
    );
    let audited: Vec<String> = crate::sql::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'media.%' AND action <> 'media.upload' ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(audited, ["media.describe", "media.delete"]);
}

#[tokio::test]
async fn media_files_are_replaced_whole_and_leave_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = vec![7_u8; 300_000];
    super::write_file(dir.path(), "2026/12/picture.jpg", &bytes)
        .await
        .unwrap();
    super::write_file(dir.path(), "2026/12/picture.jpg", b"replaced")
        .await
        .unwrap();
    let folder = dir.path().join("2026/12");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["picture.jpg"], "no temporary file is left");
    assert_eq!(
        std::fs::read(folder.join("picture.jpg")).unwrap(),
        b"replaced"
    );
}
