//! Pictures in an article's text get their renditions, on a real SQLite file and folder.

use super::with_renditions;
use crate::editorial::markdown;
use crate::media_library::store_image;
use crate::model::Role;
use crate::test_db;
use image::{DynamicImage, ImageFormat};
use std::io::Cursor;

#[tokio::test]
async fn pictures_of_the_library_in_a_text_offer_their_renditions() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let mut png = Vec::new();
    DynamicImage::new_rgb8(1200, 600)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .unwrap();
    let editor = test_db::account(pool, "e@ccme.example", Role::Editor).await;
    let id = store_image(
        pool,
        &db._dir.path().join("media"),
        png,
        "x.png",
        &[],
        editor.id,
    )
    .await
    .unwrap()
    .unwrap();
    let path: String = crate::sql::query_scalar("SELECT path FROM media WHERE id = ?")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap();
    let stem = path.trim_end_matches(".png");
    let body = markdown::to_html(&format!(
        "Avant.\n\n![Le forum > la salle](/media/{path})\n\n\
         ![Ailleurs](https://example.org/a.jpg) ![Inconnue](/media/wp/none.jpg)\n\n\
         ![Encore](/media/{path})"
    ));
    let shown = with_renditions(pool, body.clone()).await.unwrap();

    let picture = format!(
        "<picture><source type=\"image/webp\" srcset=\"/media/{stem}-480.webp 480w, \
         /media/{stem}-960.webp 960w\" sizes=\"(max-width: 44rem) 100vw, 44rem\">\
         <img srcset=\"/media/{stem}-480.jpg 480w, /media/{stem}-960.jpg 960w, \
         /media/{path} 1200w\" sizes=\"(max-width: 44rem) 100vw, 44rem\" src=\"/media/{path}\" \
         alt=\"Le forum &gt; la salle\"></picture>"
    );
    assert!(shown.contains(&picture), "{shown}");
    assert_eq!(shown.matches("<picture>").count(), 2, "both uses: {shown}");
    // Pictures from elsewhere or not in the library, and the text around, unchanged.
    assert!(shown.starts_with("<p>Avant.</p>"), "{shown}");
    assert!(shown.contains("<img src=\"https://example.org/a.jpg\" alt=\"Ailleurs\">"));
    assert!(shown.contains("<img src=\"/media/wp/none.jpg\" alt=\"Inconnue\">"));
    // A text without pictures of the library is returned as it is.
    let plain = markdown::to_html("Sans image.");
    assert_eq!(with_renditions(pool, plain.clone()).await.unwrap(), plain);
}
