//! Search on a real SQLite file: folding, prefixes, stems, ranking, filters, hostile
//! input and keeping the index in step with edits.

use super::*;
use crate::model::StoryKind;
use crate::test_db;
use crate::write::{insert_story, NewStory, NewTranslation};

/// A story to add: language, title, summary, body HTML, publication date.
type Story<'a> = (Lang, &'a str, &'a str, &'a str, &'a str);

/// Adds a published article and returns its translation id.
async fn add(pool: &Db, (lang, title, summary, body, date): Story<'_>) -> i64 {
    let mut conn = crate::write_tx(pool).await.unwrap();
    let slug = format!("t-{}", crate::write::slugify(title));
    let story = NewStory {
        kind: StoryKind::Article,
        section_id: None,
        featured: false,
        source_key: None,
    };
    let translation = NewTranslation::published(lang, &slug, title, summary, body, date);
    let (story, _) = insert_story(&mut conn, &story, &[translation])
        .await
        .unwrap();
    let id = crate::sql::query_scalar("SELECT id FROM story_translations WHERE story_id = ?")
        .bind(story)
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.commit().await.unwrap();
    id
}

/// Adds several published articles.
async fn add_all(pool: &Db, stories: &[Story<'_>]) {
    for &story in stories {
        add(pool, story).await;
    }
}

fn request(text: &str, lang: Lang) -> SearchRequest<'_> {
    SearchRequest {
        per_page: 20,
        excerpt_words: 30,
        ..SearchRequest::new(text, lang)
    }
}

async fn titles(pool: &Db, request: &SearchRequest<'_>) -> Vec<String> {
    search(pool, request)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.title_html.replace("<mark>", "").replace("</mark>", ""))
        .collect()
}

#[tokio::test]
async fn folded_arabic_and_latin_forms_find_each_other() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    add_all(
        pool,
        &[
            (
                Lang::Ar,
                "ندوة حول إسلام أوروبا",
                "",
                "<p>نص</p>",
                "2020-01-01T00:00:00Z",
            ),
            (
                Lang::Ar,
                "مجلس الجالية يجتمع",
                "",
                "",
                "2020-01-02T00:00:00Z",
            ),
            (
                Lang::Ar,
                "شهادات",
                "هم مُهَاجِرُونَ منذ عقود",
                "",
                "2020-01-03T00:00:00Z",
            ),
            (Lang::Fr, "Émigrés d’hier", "", "", "2020-01-04T00:00:00Z"),
            (
                Lang::Fr,
                "Une œuvre collective",
                "",
                "",
                "2020-01-05T00:00:00Z",
            ),
        ],
    )
    .await;
    for (query, lang, expected) in [
        ("اسلام", Lang::Ar, "ندوة حول إسلام أوروبا"),
        ("الجاليه", Lang::Ar, "مجلس الجالية يجتمع"),
        ("مهاجرون", Lang::Ar, "شهادات"),
        ("emigres", Lang::Fr, "Émigrés d’hier"),
        ("oeuvre", Lang::Fr, "Une œuvre collective"),
        ("ŒUVRE ", Lang::Fr, "Une œuvre collective"),
    ] {
        assert_eq!(
            titles(pool, &request(query, lang)).await,
            [expected],
            "{query}"
        );
    }
    let hit = &search(pool, &request("مهاجرون", Lang::Ar))
        .await
        .unwrap()
        .hits[0];
    assert!(
        hit.excerpt_html.contains("<mark>مُهَاجِرُونَ</mark>"),
        "the original, vowelled word is marked: {}",
        hit.excerpt_html
    );
    assert!(
        titles(pool, &request("اسلام", Lang::Fr)).await.is_empty(),
        "one edition"
    );
}

#[tokio::test]
async fn prefix_finds_the_reference_article_as_typed() {
    let db = test_db::with_demo().await;
    for typed in ["Av", "Avra", "Avramo", "avramopoulos"] {
        let found = search(&db.pool, &request(typed, Lang::Fr)).await.unwrap();
        assert!(
            found.hits.iter().any(
                |h| h.title_html.contains("Maroc") && h.href.contains("l-ue-soutient-le-maroc")
            ),
            "{typed}: {:?}",
            found.hits.iter().map(|h| &h.title_html).collect::<Vec<_>>()
        );
    }
    let count: i64 =
        crate::sql::query_scalar("SELECT count(*) FROM search_terms WHERE term LIKE 'avramo%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(count, 1, "long words are listed for prefix expansion");
    let found = search(&db.pool, &request("Avramo", Lang::Fr))
        .await
        .unwrap();
    assert!(found.hits[0]
        .excerpt_html
        .contains("<mark>Avramopoulos</mark>"));
}

#[tokio::test]
async fn one_letter_finds_the_words_of_that_initial_titles_first() {
    // The first keystroke (PostgreSQL answers it from a token per initial).
    let db = test_db::with_demo().await;
    let found = search(&db.pool, &request("M", Lang::Fr)).await.unwrap();
    let two = search(&db.pool, &request("Ma", Lang::Fr)).await.unwrap();
    assert!(
        found.total >= two.total && two.total > 0,
        "{} {}",
        found.total,
        two.total
    );
    assert!(
        found.hits[0].title_html.contains("<mark>M"),
        "{:?}",
        found.hits[0]
    );
    for hit in &found.hits {
        assert!(
            hit.title_html.contains("<mark>") || hit.excerpt_html.contains("<mark>"),
            "{hit:?}"
        );
    }
    let none = search(&db.pool, &request("q", Lang::Ar)).await.unwrap();
    assert_eq!(none.total, 0, "no Arabic word begins with a Latin q");
}

#[tokio::test]
async fn stems_widen_whole_words_but_not_prefixes() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    add_all(
        pool,
        &[
            (
                Lang::Fr,
                "Les immigrées de Lyon",
                "",
                "",
                "2020-01-01T00:00:00Z",
            ),
            (
                Lang::Fr,
                "Une migration ancienne",
                "",
                "",
                "2020-01-02T00:00:00Z",
            ),
            (Lang::Fr, "Les artistes", "", "", "2020-01-03T00:00:00Z"),
            (
                Lang::Ar,
                "المهاجرين في أوروبا",
                "",
                "",
                "2020-01-04T00:00:00Z",
            ),
        ],
    )
    .await;
    // Plural / feminine forms reach each other through the French stem.
    assert_eq!(
        titles(pool, &request("immigrés ", Lang::Fr)).await,
        ["Les immigrées de Lyon"]
    );
    assert_eq!(
        titles(pool, &request("migrations ", Lang::Fr)).await,
        ["Une migration ancienne"]
    );
    // A short whole word does not flood: "art" is not "artistes".
    assert!(titles(pool, &request("art ", Lang::Fr)).await.is_empty());
    // Arabic: the definite article and plural suffix go with the stem.
    assert_eq!(titles(pool, &request("مهاجر ", Lang::Ar)).await.len(), 1);
}

#[tokio::test]
async fn title_beats_summary_beats_body_and_newer_wins_ties() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    for n in 0..8 {
        add(
            pool,
            (
                Lang::En,
                &format!("Other story {n}"),
                "",
                "",
                "2021-01-01T00:00:00Z",
            ),
        )
        .await;
    }
    add_all(
        pool,
        &[
            (
                Lang::En,
                "In the body",
                "nothing",
                "<p>festival</p>",
                "2024-01-01T00:00:00Z",
            ),
            (
                Lang::En,
                "Old title festival",
                "",
                "",
                "2010-01-01T00:00:00Z",
            ),
            (
                Lang::En,
                "In the summary",
                "a festival",
                "",
                "2023-01-01T00:00:00Z",
            ),
            (
                Lang::En,
                "New title festival",
                "",
                "",
                "2020-01-01T00:00:00Z",
            ),
        ],
    )
    .await;
    assert_eq!(
        titles(pool, &request("festival ", Lang::En)).await,
        [
            "New title festival",
            "Old title festival",
            "In the summary",
            "In the body"
        ]
    );
    let body_hit = search(pool, &request("festival ", Lang::En)).await.unwrap();
    assert_eq!(body_hit.total, 4);
    assert_eq!(body_hit.hits[3].excerpt_html, "<mark>festival</mark>");
}

#[tokio::test]
async fn filters_narrow_by_year_section_and_language() {
    let db = test_db::with_demo().await;
    let pool = &db.pool;
    let all = search(pool, &request("Maroc", Lang::Fr)).await.unwrap();
    assert!(all.total > 3);
    let year = SearchRequest {
        year: Some(2015),
        ..request("Maroc", Lang::Fr)
    };
    let in_2015 = search(pool, &year).await.unwrap();
    assert!(in_2015.total >= 1 && in_2015.total < all.total);
    assert!(in_2015
        .hits
        .iter()
        .all(|h| h.published_at.starts_with("2015")));
    let section = crate::sections::by_slug(pool, Lang::Fr, "actualites")
        .await
        .unwrap()
        .expect("demo section");
    let in_section = SearchRequest {
        section_id: Some(section.id),
        ..request("Maroc", Lang::Fr)
    };
    let narrowed = search(pool, &in_section).await.unwrap();
    assert!(narrowed.total >= 1 && narrowed.total < all.total);
    // All languages: the Arabic edition's query finds French stories too.
    let everywhere = SearchRequest {
        all_languages: true,
        ..request("Maroc", Lang::Ar)
    };
    let found = search(pool, &everywhere).await.unwrap();
    assert!(found
        .hits
        .iter()
        .any(|h| h.lang == Lang::Fr && h.href.starts_with("/fr/")));
    assert!(search(pool, &request("Maroc", Lang::Ar))
        .await
        .unwrap()
        .hits
        .iter()
        .all(|h| h.lang == Lang::Ar));
}

#[tokio::test]
async fn hostile_queries_are_plain_words() {
    let db = test_db::with_demo().await;
    let long = "migration ".repeat(500);
    for hostile in [
        "\"",
        "\"\"",
        "'",
        "*",
        "**",
        "Maroc*",
        "NEAR",
        "NEAR(Maroc Europe)",
        "OR",
        "AND",
        "NOT",
        "Maroc OR",
        "(",
        ")",
        "((Maroc",
        "title:Maroc",
        "{title}: x",
        "-x",
        "^Maroc",
        "😀",
        "😀 Maroc",
        "",
        "   ",
        "%",
        "_",
        "\\",
        "\0",
        "'; DROP TABLE stories; --",
        // Found by fuzzing (scripts/fuzz): marks that Rust counts as letters but SQLite
        // splits words at (an Arabic honorific sign; the dot that lower-case `İ` gets).
        "\u{613}iuskcu",
        "İstanbul",
        "क्षेत्र",
        &long,
    ] {
        let outcome = search(&db.pool, &request(hostile, Lang::Fr)).await;
        assert!(outcome.is_ok(), "{hostile:?}: {outcome:?}");
    }
    let cut = search(&db.pool, &request(&long, Lang::Fr)).await.unwrap();
    assert!(cut.truncated);
    let emoji = search(&db.pool, &request("😀 Maroc", Lang::Fr))
        .await
        .unwrap();
    assert!(emoji.total > 0, "the words around an emoji still count");
}

#[tokio::test]
async fn index_follows_edits_deletions_and_rebuilds() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let id = add(
        pool,
        (
            Lang::Fr,
            "Colloque de Tanger",
            "",
            "",
            "2020-01-01T00:00:00Z",
        ),
    )
    .await;
    assert_eq!(titles(pool, &request("tanger", Lang::Fr)).await.len(), 1);
    crate::sql::query("UPDATE story_translations SET title = 'Colloque de Fès' WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .unwrap();
    assert!(
        titles(pool, &request("tanger", Lang::Fr)).await.is_empty(),
        "old text gone at once"
    );
    assert_eq!(index::index_missing(pool).await.unwrap(), 1);
    assert_eq!(
        titles(pool, &request("fes", Lang::Fr)).await,
        ["Colloque de Fès"]
    );
    crate::sql::query("UPDATE story_translations SET status = 'draft' WHERE id = ?")
        .bind(id)
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(
        index::index_missing(pool).await.unwrap(),
        0,
        "drafts stay out"
    );
    assert!(titles(pool, &request("fes", Lang::Fr)).await.is_empty());
    add(
        pool,
        (
            Lang::Fr,
            "Exposition à Agadir",
            "",
            "",
            "2020-01-02T00:00:00Z",
        ),
    )
    .await;
    crate::sql::query("DELETE FROM stories")
        .execute(pool)
        .await
        .unwrap();
    assert!(titles(pool, &request("agadir", Lang::Fr)).await.is_empty());
    add(
        pool,
        (Lang::Fr, "Forum d’Oujda", "", "", "2020-01-03T00:00:00Z"),
    )
    .await;
    assert_eq!(index::rebuild(pool).await.unwrap(), 1);
    assert_eq!(
        titles(pool, &request("oujda", Lang::Fr)).await,
        ["Forum d’Oujda"]
    );
    add(
        pool,
        (Lang::Fr, "Annonce future", "", "", "2999-01-01T00:00:00Z"),
    )
    .await;
    assert!(
        titles(pool, &request("annonce", Lang::Fr)).await.is_empty(),
        "not yet published"
    );
}

#[test]
fn years_start_on_the_first_of_january() {
    assert_eq!(year_start(1970), 0);
    assert_eq!(year_start(2015), 1_420_070_400);
    assert_eq!(year_start(2000), 946_684_800);
}
