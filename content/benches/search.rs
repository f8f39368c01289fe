//! Search latency over a large generated archive — a benchmark, not a test.
//!
//! `bench/search-latency [ARTICLES]` (or `cargo bench -p content --features db --bench
//! search`) fills `target/bench-search/site.db` with ARTICLES generated articles (default
//! 100,000; a third also in Arabic and English), kept between runs, rebuilds the search
//! index (timed), reports its size, then times `data::search::search` — what the results
//! page and the overlay call — for 1-, 3- and 6-letter prefixes and whole words in the
//! three languages: p50 / p95 / p99 in milliseconds. Target: p95 under 10 ms.
//! `BENCH_DATABASE_URL=postgres://…` runs the same on PostgreSQL (an empty database, or
//! one a `server copy-database` filled).

use content::lang::Lang;
use content::search::{index, search, SearchRequest};
use content::sql::Sql;
use content::{connect, generate, seed};
use std::time::{Duration, Instant};

/// What readers would look for in the generated archive: twelve of its words and six
/// of the names it carries, in `lang`.
fn queries_of(lang: Lang) -> Vec<String> {
    let words = generate::words_of(lang)
        .iter()
        .take(12)
        .map(|w| w.to_string());
    words.chain(generate::sample_names(lang, 6)).collect()
}

/// Timed runs per case (after a warm-up pass).
const RUNS_PER_CASE: usize = 400;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let count: u32 = std::env::var("BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-search");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let url = std::env::var("BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.join("site.db").display()));
    let pool = connect(&url).await.expect("database");
    println!("database: {}", content::display_url(&url));
    if seed::is_empty(&pool).await.expect("count") {
        seed::seed_demo(&pool, &dir.join("media"))
            .await
            .expect("seed");
    }
    let have: i64 =
        content::sql::query_scalar("SELECT count(*) FROM stories WHERE source_key LIKE 'gen-%'")
            .fetch_one(&pool)
            .await
            .expect("count");
    if i64::from(count) > have {
        let started = Instant::now();
        let made = generate::generate_articles(&pool, count - have as u32)
            .await
            .expect("generate");
        println!(
            "generated {made} articles (indexed as written) in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let translations: i64 = content::sql::query_scalar(
        "SELECT count(*) FROM story_translations WHERE status = 'published'",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    // BENCH_SKIP_REBUILD=1 times queries only (while tuning them).
    if std::env::var("BENCH_SKIP_REBUILD").is_err() {
        rebuild_and_measure(&pool, translations).await;
    }
    query_latency(&pool).await;
}

/// Rebuilds the index (timed) and prints its size on disk.
async fn rebuild_and_measure(pool: &content::Db, translations: i64) {
    let pool = pool.clone();
    let started = Instant::now();
    let indexed = index::rebuild(&pool).await.expect("rebuild");
    println!(
        "index rebuilt: {indexed} of {translations} published translations in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    content::sql::query(Sql::each("VACUUM", "VACUUM ANALYZE"))
        .execute(&pool)
        .await
        .expect("vacuum");
    let index_bytes: i64 = content::sql::query_scalar(Sql::each(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%' OR name LIKE 'search_terms%'",
        "SELECT CAST(pg_total_relation_size('search_index') + pg_total_relation_size('search_terms')
                AS BIGINT)",
    ))
    .fetch_one(&pool)
    .await
    .expect("index size");
    let total_bytes: i64 = content::sql::query_scalar(Sql::each(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        "SELECT pg_database_size(current_database())",
    ))
    .fetch_one(&pool)
    .await
    .expect("size");
    println!(
        "index size on disk: {:.1} MiB (database {:.1} MiB)\n",
        index_bytes as f64 / 1048576.0,
        total_bytes as f64 / 1048576.0
    );
}

/// Times searches per language and kind of query, as the results page and the overlay
/// run them.
async fn query_latency(pool: &content::Db) {
    println!(
        "{:<34} {:>7} {:>8} {:>8} {:>8}",
        "case", "runs", "p50 ms", "p95 ms", "p99 ms"
    );
    let cases: [(&str, Option<usize>); 4] = [
        ("1-letter prefix", Some(1)),
        ("3-letter prefix", Some(3)),
        ("6-letter prefix", Some(6)),
        ("whole word", None),
    ];
    for lang in Lang::ALL {
        let words = queries_of(lang);
        for (name, prefix) in cases {
            let queries: Vec<String> = words
                .iter()
                .map(|w| match prefix {
                    Some(n) => w.chars().take(n).collect(),
                    None => format!("{w} "),
                })
                .collect();
            for (label, per_page, excerpt_words) in [("page", 12, 36), ("overlay", 6, 18)] {
                let mut times = Vec::with_capacity(RUNS_PER_CASE);
                for run in 0..RUNS_PER_CASE + queries.len() {
                    let text = &queries[run % queries.len()];
                    let request = SearchRequest {
                        per_page,
                        excerpt_words,
                        ..SearchRequest::new(text, lang)
                    };
                    let started = Instant::now();
                    search(pool, &request).await.expect("search");
                    if run >= queries.len() {
                        times.push(started.elapsed());
                    }
                }
                times.sort();
                println!(
                    "{:<34} {:>7} {:>8.2} {:>8.2} {:>8.2}",
                    format!("{} {name} ({label})", lang.code()),
                    times.len(),
                    percentile(&times, 0.50),
                    percentile(&times, 0.95),
                    percentile(&times, 0.99)
                );
            }
        }
    }
}
