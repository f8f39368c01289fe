//! The window of matches on PostgreSQL: however it is found (stories checked, a walk,
//! slices of periods, years, the edition), it is what one plain query over the whole
//! edition returns.

use super::*;
use crate::db::test_db;
use crate::lang::Lang;

#[test]
fn slices_grow_with_the_rarity_of_the_matches() {
    assert_eq!(seconds_for(300, 200, 100), 187, "a quarter more as margin");
    assert_eq!(seconds_for(501, 0, 100), i64::MAX, "none yet: all the rest");
    assert_eq!(seconds_for(1, 5000, 1), 1);
    assert_eq!(seconds_for(501, 1, i64::MAX / 2), i64::MAX);
}

#[test]
fn slices_name_a_few_periods_then_years_then_the_edition() {
    let (low, _) = index::rowid_range(Lang::Ar, 0, 1 << 32);
    let upper = index::rowid(Lang::Ar, 1_700_000_000, 5);
    let day = 86_400;
    let (span, spans) = slice_spans(upper, 0, low, 4);
    assert_eq!((span, spans), (PERIOD, PERIOD.of(upper)..=PERIOD.of(upper)));
    let (span, spans) = slice_spans(upper, 50 * day, low, 4);
    assert_eq!(span, PERIOD);
    assert!((3..=4).contains(&spans.clone().count()), "{spans:?}");
    let (span, spans) = slice_spans(upper, 200 * day, low, 4);
    assert_eq!(span, QUARTER);
    assert!((3..=4).contains(&spans.clone().count()), "{spans:?}");
    let (span, spans) = slice_spans(upper, 800 * day, low, 4);
    assert_eq!(span, YEAR);
    assert!((3..=4).contains(&spans.clone().count()), "{spans:?}");
    assert_eq!(slice_spans(upper, 4000 * day, low, 4).0, EDITION);
    assert_eq!(slice_spans(upper, i64::MAX, low, 4).0, EDITION);
    let (span, spans) = slice_spans(low + 5, 800 * day, low, 4);
    assert_eq!((span, spans.count()), (PERIOD, 1), "not below the edition");
}

/// What one plain query finds: the newest matches of the edition, by the key.
async fn plain(pool: &Db, expression: &str, (low, high): (i64, i64), wanted: usize) -> Vec<i64> {
    crate::sql::query_scalar(
        "SELECT key FROM search_index WHERE words @@ CAST(? AS tsquery) AND key BETWEEN ? AND ?
         ORDER BY key DESC LIMIT ?",
    )
    .bind(expression)
    .bind(low)
    .bind(high)
    .bind(wanted as i64)
    .fetch_all(pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn on_postgresql_every_way_finds_the_newest_matches_with_their_places() {
    let pool = test_db::postgres_empty().await;
    crate::sql::query("INSERT INTO sections (key, position) VALUES ('news', 1)")
        .execute(&pool)
        .await
        .unwrap();
    // 1,500 French stories over 18 years (500 also in Arabic and English).
    crate::generate::generate_articles(&pool, 1500)
        .await
        .unwrap();
    // Thresholds for an archive this small (as the real ones, then windows that the
    // slices of periods and years fill, no walk).
    let tunings = [
        (501, 60, 4, 2),
        (70, 60, 0, 4),
        (120, 30, 0, 2),
        (200, 10, 0, 2),
    ]
    .map(
        |(wanted, checked_first, walk_below_one_in, max_spans_per_slice)| Tuning {
            wanted,
            checked_first,
            walk_below_one_in,
            max_spans_per_slice,
        },
    );
    let mut ways: Vec<Step> = Vec::new();
    let mut several_slices = false;
    for (lang, tuning) in Lang::ALL.into_iter().flat_map(|l| tunings.map(|t| (l, t))) {
        let range = index::rowid_range(lang, 0, i64::from(u32::MAX));
        let words = crate::generate::words_of(lang)
            .iter()
            .map(|w| w.to_string());
        let names = crate::generate::sample_names(lang, 8);
        for word in words.chain(names) {
            let initial: String = word.chars().take(1).collect();
            let three: String = word.chars().take(3).collect();
            for text in [initial, three, format!("{word} "), format!("{word} {word}")] {
                let query = ParsedQuery::parse(&text, lang, false);
                let expression = query.ts_query();
                let mut steps = Vec::new();
                let found = on_postgres(&pool, &query, &expression, range, tuning, &mut steps)
                    .await
                    .unwrap();
                let keys: Vec<i64> = found.iter().map(|m| m.key).collect();
                let expected = plain(&pool, &expression, range, tuning.wanted).await;
                assert_eq!(keys, expected, "{text} {tuning:?}: {steps:?}");
                // Where each word is, as the rows say.
                for found in found.iter().take(3) {
                    let (title, summary): (bool, bool) = crate::sql::query_as(
                        "SELECT title @@ CAST(? AS tsquery), summary @@ CAST(? AS tsquery)
                         FROM search_index WHERE key = ?",
                    )
                    .bind(query.terms[0].ts_query())
                    .bind(query.terms[0].ts_query())
                    .bind(found.key)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                    let first = if title {
                        '0'
                    } else if summary {
                        '1'
                    } else {
                        '2'
                    };
                    assert_eq!(found.places.chars().next(), Some(first), "{text}");
                    assert_eq!(found.places.len(), query.terms.len(), "{text}");
                }
                let slices = steps
                    .iter()
                    .filter(|s| matches!(s, Step::Slice(..)))
                    .count();
                several_slices |= slices > 1;
                ways.extend(steps);
            }
        }
    }
    let mut kinds: Vec<String> = ways.iter().map(|step| format!("{step:?}")).collect();
    kinds.sort();
    kinds.dedup();
    let ways_seen = kinds.join(", ");
    // Every way was taken, so each is proved equal to the plain query.
    assert!(ways.contains(&Step::Walked), "{ways_seen}");
    for span in Span::ALL {
        assert!(
            ways.iter()
                .any(|step| matches!(step, Step::Slice(s, _) if *s == span)),
            "no slice of {span:?}: {ways_seen}"
        );
    }
    assert!(several_slices, "no search took a second slice: {ways_seen}");
    assert!(
        ways.iter().any(|step| matches!(step, Step::Slice(_, 2))),
        "{ways_seen}"
    );
}
