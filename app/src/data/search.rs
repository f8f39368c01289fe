//! Plain word search over titles and summaries of one edition: every word must appear
//! (case-insensitive for Latin letters). A simple, always-correct search so the header's
//! search works today; the ranked, accent- and Arabic-aware index is its own issue.

use super::stories::{card_query, CardRow};
use super::{DataResult, PUBLISHED};
use crate::i18n::Lang;
use crate::model::StoryCard;
use sqlx::SqlitePool;

/// Longest query kept, in characters; longer input is cut (and the reader told).
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words are matched; the rest are ignored.
const MAX_WORDS: usize = 8;

/// The words of a query as they will be matched: trimmed, at most `MAX_WORDS`.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect::<String>()
        .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '’' | ',' | ';' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(str::to_owned)
        .collect()
}

/// Page `page` of the published stories of `lang` whose title or summary contains every
/// word of `query`, newest first, with the total count.
pub async fn search(
    pool: &SqlitePool,
    lang: Lang,
    query: &str,
    page: u32,
    per_page: u32,
) -> DataResult<(Vec<StoryCard>, u32)> {
    let words = query_words(query);
    if words.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let condition: String = words
        .iter()
        .map(|_| " AND (t.title LIKE ? ESCAPE '\\' OR t.summary LIKE ? ESCAPE '\\')")
        .collect();
    let filter = format!("WHERE t.lang = ? AND t.kind <> 'page' AND {PUBLISHED}{condition}");
    let patterns: Vec<String> = words
        .iter()
        .map(|w| {
            format!(
                "%{}%",
                w.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        })
        .collect();

    let sql = card_query(&format!(
        "{filter} ORDER BY t.published_at DESC LIMIT ? OFFSET ?"
    ));
    let mut rows = sqlx::query_as::<_, CardRow>(&sql).bind(lang.code());
    for p in &patterns {
        rows = rows.bind(p).bind(p);
    }
    let offset = page.saturating_sub(1).saturating_mul(per_page);
    let cards: Vec<CardRow> = rows.bind(per_page).bind(offset).fetch_all(pool).await?;

    let count_sql = format!("SELECT count(*) FROM story_translations t {filter}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql).bind(lang.code());
    for p in &patterns {
        count = count.bind(p).bind(p);
    }
    let total = count.fetch_one(pool).await?;
    Ok((
        cards.into_iter().map(StoryCard::from).collect(),
        total as u32,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_db;

    #[tokio::test]
    async fn every_word_must_match_and_wildcards_are_literal() {
        let db = test_db::with_demo().await;
        let (hits, total) = search(&db.pool, Lang::Fr, "Maroc intégration", 1, 10)
            .await
            .unwrap();
        assert!(total >= 1);
        assert!(hits
            .iter()
            .any(|c| c.title.starts_with("L’UE soutient le Maroc")));
        let (ar, _) = search(&db.pool, Lang::Ar, "مرحبا", 1, 10).await.unwrap();
        assert!(!ar.is_empty(), "Arabic words are found");
        // `%` is a literal character, not "match everything".
        let (percent, _) = search(&db.pool, Lang::Fr, "%", 1, 100).await.unwrap();
        assert!(!percent.is_empty() && percent.len() < 10);
        assert!(percent
            .iter()
            .all(|c| c.title.contains('%') || c.summary.contains('%')));
        for hostile in ["_", "\" OR 1=1 --", "NEAR(", "😀", ""] {
            let (hits, _) = search(&db.pool, Lang::Fr, hostile, 1, 10).await.unwrap();
            assert!(
                hits.is_empty(),
                "{hostile:?} matched {} stories",
                hits.len()
            );
        }
        let long = "migration ".repeat(600);
        assert!(search(&db.pool, Lang::Fr, &long, 1, 10).await.is_ok());
    }
}
