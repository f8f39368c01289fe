//! WordPress import speed — a benchmark, not a test.
//!
//! `bench/import-wxr [ITEMS]` (or `cargo bench -p content --features db --bench wxr_import`)
//! imports the WordPress theme test data (shared/, when present), then writes a
//! generated export of ITEMS items (default 100,000: posts in Polylang groups of one to
//! three languages, one attachment in ten, a 20-category tree, 300 tags, content with
//! captions, galleries and unknown shortcodes) to `target/bench-wxr/`, imports it into a
//! fresh database and imports it again (the idempotent path). Reports items/s.

use content::connect;
use content::wxr::{import_file, ImportOptions, ImportReport};
use quick_xml::escape::escape;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

const WORDS: [[&str; 12]; 3] = [
    [
        "migration",
        "diaspora",
        "Maroc",
        "jeunesse",
        "culture",
        "intégration",
        "colloque",
        "mémoire",
        "étudiants",
        "citoyenneté",
        "retour",
        "festival",
    ],
    [
        "الهجرة",
        "الجالية",
        "المغرب",
        "الشباب",
        "الثقافة",
        "الاندماج",
        "ندوة",
        "الذاكرة",
        "الطلبة",
        "المواطنة",
        "العودة",
        "مهرجان",
    ],
    [
        "migration",
        "diaspora",
        "Morocco",
        "youth",
        "culture",
        "integration",
        "conference",
        "memory",
        "students",
        "citizenship",
        "return",
        "festival",
    ],
];
const LANGS: [&str; 3] = ["fr", "ar", "en"];

fn words(seed: usize, lang: usize, count: usize) -> String {
    (0..count)
        .map(|i| WORDS[lang][(seed.wrapping_mul(31) + i * 7 + i * i) % 12])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a WXR export of `items` items to `path`.
fn write_export(path: &Path, items: usize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example</link><language>fr-FR</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name><![CDATA[Rédaction]]></wp:author_display_name></wp:author>"#
    )?;
    for c in 0..20 {
        let parent = if c < 4 {
            String::new()
        } else {
            format!("cat-{}", c % 4)
        };
        writeln!(out, "<wp:category><wp:term_id>{c}</wp:term_id><wp:category_nicename>cat-{c}</wp:category_nicename><wp:category_parent>{parent}</wp:category_parent><wp:cat_name><![CDATA[Rubrique {c}]]></wp:cat_name></wp:category>")?;
    }
    for t in 0..300 {
        writeln!(out, "<wp:tag><wp:term_id>{}</wp:term_id><wp:tag_slug>tag-{t}</wp:tag_slug><wp:tag_name><![CDATA[mot {t}]]></wp:tag_name></wp:tag>", 1000 + t)?;
    }
    let mut last_image = 0;
    for i in 1..=items {
        let year = 2008 + i % 18;
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let date = format!("{year}-{month:02}-{day:02} {:02}:{:02}:00", i % 24, i % 60);
        if i % 10 == 0 {
            last_image = i;
            let url =
                format!("https://bench.example/wp-content/uploads/{year}/{month:02}/photo-{i}.jpg");
            writeln!(out, "<item><title>photo-{i}</title><link>https://bench.example/?attachment_id={i}</link><wp:post_id>{i}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>photo-{i}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>{}</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:attachment_url>{url}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:2:{{s:5:\"width\";i:1200;s:6:\"height\";i:800;}}]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Photo {i}]]></wp:meta_value></wp:postmeta></item>", i - 1)?;
            continue;
        }
        // Groups of three consecutive posts are one story in three languages, half the time.
        let (lang, group) = if i % 6 < 3 {
            (i % 3, Some(i / 3))
        } else {
            (0, None)
        };
        let raw_title = format!("{} {i}", words(i, lang, 6));
        let title = escape(&raw_title);
        let slug = format!("{}-{i}", LANGS[lang]);
        let mut content = String::new();
        for p in 0..6 {
            content.push_str(&words(i + p, lang, 30));
            content.push_str(".\n\n");
        }
        if last_image > 0 && i % 4 == 0 {
            content.push_str(&format!("[caption id=\"attachment_{last_image}\" width=\"1200\"]<img src=\"https://bench.example/wp-content/uploads/{year}/{month:02}/photo-{last_image}.jpg\"> {}[/caption]\n\n[gallery ids=\"{last_image}\"]\n\n", words(i, lang, 5)));
        }
        if i % 7 == 0 {
            content.push_str("[contact-form-7 id=\"12\"]\n\n");
        }
        let group = group.map_or(String::new(), |g| format!("<category domain=\"post_translations\" nicename=\"pll_{g}\"><![CDATA[pll_{g}]]></category>"));
        writeln!(out, "<item><title>{title}</title><link>https://bench.example/{year}/{month:02}/{slug}/</link><dc:creator>editor</dc:creator><content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{i}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky><category domain=\"category\" nicename=\"cat-{}\"><![CDATA[Rubrique]]></category><category domain=\"post_tag\" nicename=\"tag-{}\"><![CDATA[mot]]></category><category domain=\"language\" nicename=\"{}\"><![CDATA[{}]]></category>{group}</item>", i % 20, i % 300, LANGS[lang], LANGS[lang])?;
    }
    writeln!(out, "</channel></rss>")?;
    out.flush()
}

/// Imports `file` into the database at `db`, printing how long reading and writing took.
async fn timed_import(label: &str, db: &Path, file: &Path) -> ImportReport {
    let pool = connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("database");
    let options = ImportOptions {
        lang: None,
        media_dir: db.with_file_name("media"),
    };
    let started = Instant::now();
    let mut read_done = None;
    let report = import_file(
        &pool,
        file,
        &options,
        &mut |done, total| {
            if done == total && read_done.is_none() {
                read_done = Some(started.elapsed());
            }
        },
        &mut |_, _| {},
    )
    .await
    .expect("import");
    let total = started.elapsed().as_secs_f64();
    let read = read_done.map_or(0.0, |d| d.as_secs_f64());
    let items = f64::from(report.items_in_file);
    println!(
        "{label}: {} items in {total:.2} s = {:.0} items/s (reading {read:.2} s, writing {:.2} s); stories {} created {} updated {} unchanged",
        report.items_in_file,
        items / total,
        total - read,
        report.stories.created,
        report.stories.updated,
        report.stories.unchanged
    );
    pool.close().await;
    report
}

#[tokio::main]
async fn main() {
    let items: usize = std::env::var("BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-wxr");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");

    let theme = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/wordpress/themeunittestdata.wordpress.xml");
    if theme.exists() {
        timed_import("theme test data", &dir.join("theme.db"), &theme).await;
        timed_import("theme test data, again", &dir.join("theme.db"), &theme).await;
    } else {
        println!("theme test data absent ({}): skipped", theme.display());
    }

    let file = dir.join("generated.xml");
    let started = Instant::now();
    write_export(&file, items).expect("write export");
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "generated export: {items} items, {:.1} MiB, written in {:.1} s",
        size as f64 / 1048576.0,
        started.elapsed().as_secs_f64()
    );
    let first = timed_import("generated export", &dir.join("generated.db"), &file).await;
    print!("{}", first.summary());
    timed_import("generated export, again", &dir.join("generated.db"), &file).await;
}
