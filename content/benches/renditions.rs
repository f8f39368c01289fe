//! Picture upload cost and rendition sizes — a benchmark, not a test.
//!
//! `bench/renditions` (or `cargo bench -p content --features db --bench renditions`) uploads
//! a generated 3,000 × 2,000 photograph-like picture (gradients, shapes, grain: what a
//! JPEG camera file compresses like) through the media library a few times, and reports
//! the time an upload takes and the bytes of each rendition, JPEG beside WebP.

use content::model::Role;
use content::{accounts, connect, media_library};
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use std::time::Instant;

const RUNS: u32 = 3;

/// A deterministic photograph-like JPEG (quality 90, as cameras write).
fn photograph(width: u32, height: u32) -> Vec<u8> {
    let mut seed: u32 = 0x2545_f491;
    let picture = RgbImage::from_fn(width, height, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as f32 - 12.0;
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let circle = ((fx - 0.6).powi(2) + (fy - 0.4).powi(2)).sqrt() < 0.2;
        let base = if circle {
            [200.0, 120.0 + 60.0 * fy, 60.0]
        } else {
            [40.0 + 150.0 * fy, 90.0 + 80.0 * fx, 160.0 - 60.0 * fy]
        };
        Rgb(base.map(|c| (c + grain).clamp(0.0, 255.0) as u8))
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
    DynamicImage::ImageRgb8(picture)
        .write_with_encoder(encoder)
        .expect("encode the test picture");
    assert_eq!(image::guess_format(&bytes).ok(), Some(ImageFormat::Jpeg));
    bytes
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let pool = connect(&url).await.expect("database");
    let user = accounts::create_user(
        &pool,
        "bench@ccme.example",
        "",
        Role::Editor,
        "bench passphrase",
    )
    .await
    .expect("account");
    let original = photograph(3000, 2000);
    println!("original: 3000 × 2000 JPEG, {} bytes", original.len());
    let media = dir.path().join("media");
    let mut last = 0;
    let started = Instant::now();
    for run in 0..RUNS {
        let name = format!("photo-{run}.jpg");
        last = media_library::store_image(&pool, &media, original.clone(), &name, &[], user)
            .await
            .expect("database")
            .expect("a valid picture");
    }
    let per_upload = started.elapsed() / RUNS;
    println!(
        "upload with renditions: {:.0} ms each ({RUNS} runs)",
        per_upload.as_secs_f64() * 1000.0
    );
    let rows: Vec<(i64, String, i64)> = content::sql::query_as(
        "SELECT width, mime, bytes FROM media_variants WHERE media_id = ? ORDER BY width, mime",
    )
    .bind(last)
    .fetch_all(&pool)
    .await
    .expect("renditions");
    for pair in rows.chunks(2) {
        if let [(width, _, jpeg), (_, _, webp)] = pair {
            let saved = 100.0 * (1.0 - *webp as f64 / *jpeg as f64);
            println!("{width:>5} px: JPEG {jpeg:>7} B, WebP {webp:>7} B ({saved:.0}% lighter)");
        }
    }
}
