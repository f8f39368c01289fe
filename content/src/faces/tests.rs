use super::*;
use crate::model::StoryKind;
use crate::test_db;

fn filter(country: Option<&str>, field: Option<&str>, letter: Option<&str>) -> FacesFilter {
    FacesFilter {
        country: country.map(str::to_owned),
        field: field.map(str::to_owned),
        letter: letter.map(str::to_owned),
    }
}

fn count_of(page: &FacesPage, letter: &str) -> u32 {
    page.letters
        .iter()
        .find(|l| l.letter == letter)
        .map_or(0, |l| l.count)
}

#[tokio::test]
async fn gallery_sorts_by_family_name_and_filters() {
    let db = test_db::with_demo().await;
    let all = faces(&db.pool, Lang::Fr, &FacesFilter::default())
        .await
        .unwrap();
    assert_eq!(all.items.len(), 20);
    let names: Vec<&str> = all.items.iter().map(|p| p.card.title.as_str()).collect();
    assert_eq!(
        &names[..3],
        ["Karima Ahdad", "Nadia Aït Lahcen", "Salma Benjelloun"]
    );
    assert_eq!(names.last(), Some(&"Rachid Zérouali"));
    let canada = all.countries.iter().find(|c| c.0 == "CA").unwrap();
    assert_eq!((canada.1.as_str(), canada.2), ("Canada", 2));
    assert_eq!(all.fields.len(), 5);
    assert_eq!(all.fields.iter().map(|f| f.1).sum::<u32>(), 20);

    let sport = faces(&db.pool, Lang::En, &filter(None, Some("sport"), None))
        .await
        .unwrap();
    assert_eq!(sport.items.len(), 3);
    assert!(sport.items.iter().all(|p| p.field == "sport"));
    // The index counts within the chosen field: letters of athletes only.
    assert_eq!(sport.letters.iter().map(|l| l.count).sum::<u32>(), 3);

    let in_canada = faces(&db.pool, Lang::Ar, &filter(Some("CA"), None, None))
        .await
        .unwrap();
    assert_eq!(in_canada.items.len(), 2);
    assert!(in_canada.items.iter().all(|p| p.country == "كندا"));

    // A field that does not exist is no filter, never an error.
    let junk = faces(&db.pool, Lang::Fr, &filter(None, Some("'; DROP"), None))
        .await
        .unwrap();
    assert_eq!(junk.items.len(), 20);
}

#[tokio::test]
async fn the_index_works_in_latin_and_arabic_letters() {
    let db = test_db::with_demo().await;
    let fr = faces(&db.pool, Lang::Fr, &FacesFilter::default())
        .await
        .unwrap();
    assert_eq!(fr.letters.len(), 26, "A–Z, every letter shown");
    assert_eq!(fr.letters[0].letter, "A");
    assert_eq!(count_of(&fr, "B"), 3);
    assert_eq!(
        count_of(&fr, "A"),
        2,
        "Ahdad and Aït Lahcen (accent folded)"
    );
    assert_eq!(
        count_of(&fr, "E"),
        1,
        "El Amrani files under E in Latin script"
    );
    assert_eq!(count_of(&fr, "Q"), 0);
    let b = faces(&db.pool, Lang::Fr, &filter(None, None, Some("B")))
        .await
        .unwrap();
    let names: Vec<&str> = b.items.iter().map(|p| p.card.title.as_str()).collect();
    assert_eq!(names, ["Salma Benjelloun", "Omar Bensaïd", "Mehdi Berrada"]);

    let ar = faces(&db.pool, Lang::Ar, &FacesFilter::default())
        .await
        .unwrap();
    assert_eq!(ar.letters.len(), 28, "the Arabic alphabet");
    assert_eq!(ar.letters[0].letter, "ا");
    assert_eq!(ar.letters.last().unwrap().letter, "ي");
    // أحداد, آيت لحسن, الإدريسي: hamza seats folded, the article set aside.
    assert_eq!(count_of(&ar, "ا"), 3);
    assert_eq!(count_of(&ar, "ع"), 1, "العمراني under ع");
    assert_eq!(count_of(&ar, "ل"), 0, "no name files under the article's ل");
    let alef = faces(&db.pool, Lang::Ar, &filter(None, None, Some("ا")))
        .await
        .unwrap();
    assert_eq!(alef.items.len(), 3);
}

#[tokio::test]
async fn interviews_and_profiles_say_who_they_are_about() {
    let db = test_db::with_demo().await;
    let id = |key: &'static str| {
        let pool = db.pool.clone();
        async move {
            crate::sql::query_scalar::<i64>("SELECT id FROM stories WHERE source_key = ?")
                .bind(key)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let interview = id("entretien-karima-ahdad-2025").await;
    let who = person(&db.pool, Lang::Ar, interview, StoryKind::Interview)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(who.name, "كريمة أحداد");
    assert_eq!(who.place, "تركيا");
    let portrait = who.portrait.unwrap();
    assert!(portrait.src.starts_with("/media/demo/portraits/"));
    assert!(portrait.alt.contains("كريمة أحداد"));
    let profile_href = who.profile_href.unwrap();
    assert!(profile_href.starts_with("/ar/faces/"), "{profile_href}");

    let profile = id("visage-karima-ahdad").await;
    let who = person(&db.pool, Lang::Fr, profile, StoryKind::Profile)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (who.role.as_str(), who.field.as_deref()),
        ("", Some("arts"))
    );
    assert_eq!(who.place, "Istanbul, Turquie");
    assert!(who.profile_href.is_none());
    let about = stories_about(&db.pool, Lang::Fr, profile).await.unwrap();
    assert_eq!(about.len(), 1);
    assert_eq!(about[0].kind, StoryKind::Interview);

    assert!(person(&db.pool, Lang::Fr, profile, StoryKind::Article)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn profiles_are_found_by_name_in_each_script() {
    use crate::search::{search, SearchRequest};
    let db = test_db::with_demo().await;
    for (lang, text) in [(Lang::Fr, "benjelloun"), (Lang::Ar, "بنجلون")] {
        let found = search(&db.pool, &SearchRequest::new(text, lang))
            .await
            .unwrap();
        let prefix = format!("/{}/faces/", lang.code());
        assert!(
            found.hits.iter().any(|h| h.href.starts_with(&prefix)),
            "{text}: no profile among {} hits",
            found.hits.len()
        );
    }
}
