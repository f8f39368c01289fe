//! Tags from the editor to the reader, on a real SQLite file.

use super::tags::parse_tags;
use crate::data::accounts::create_user;
use crate::data::editorial::save::{save, EditorInput, Saved};
use crate::data::{alternates, pages, test_db};
use crate::i18n::Lang;
use crate::model::{EditorAction, EditorProblem, Role, SessionUser, StoryFields};

#[test]
fn tag_fields_split_on_latin_and_arabic_commas_without_repeats() {
    assert_eq!(
        parse_tags(" Jeunesse, culture ;jeunesse,, ").unwrap(),
        ["Jeunesse", "culture"]
    );
    assert_eq!(
        parse_tags("الشباب، الثقافة").unwrap(),
        ["الشباب", "الثقافة"]
    );
    assert_eq!(parse_tags("").unwrap(), Vec::<String>::new());
    let many: Vec<String> = (0..21).map(|n| format!("t{n}")).collect();
    assert!(parse_tags(&many.join(",")).is_err());
    assert!(parse_tags(&"x".repeat(61)).is_err());
}

#[tokio::test]
async fn tagged_stories_are_listed_per_edition_and_the_switcher_follows() {
    let db = test_db::with_demo().await;
    let pool = &db.pool;
    let id = create_user(
        pool,
        "editor@ccme.example",
        "",
        Role::Editor,
        "correct horse battery",
    )
    .await
    .unwrap();
    let editor = SessionUser {
        id,
        email: String::new(),
        name: String::new(),
        role: Role::Editor,
        lang: Lang::Fr,
    };
    let input = |title: &str, tags: &str| EditorInput {
        kind: "article".into(),
        section_id: None,
        cover_id: None,
        fields: StoryFields {
            title: title.into(),
            body: "Texte.".into(),
            tags: tags.into(),
            ..StoryFields::default()
        },
        action: EditorAction::Publish,
        publish_at: Ok(None),
    };
    let too_many = (0..21)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let refused = save(pool, &editor, None, Lang::Fr, &input("Trop", &too_many))
        .await
        .unwrap();
    assert_eq!(
        refused,
        Saved::Refused(vec![("tags".into(), EditorProblem::TagsInvalid)])
    );

    let Saved::Done { story_id, .. } = save(
        pool,
        &editor,
        None,
        Lang::Fr,
        &input("Les jeunes du monde", "Jeunesse, Culture"),
    )
    .await
    .unwrap() else {
        panic!("saved");
    };
    save(
        pool,
        &editor,
        Some(story_id),
        Lang::Ar,
        &input("شباب العالم", "الشباب"),
    )
    .await
    .unwrap();
    // A second story with the same tag, typed in another case: the same tag.
    save(
        pool,
        &editor,
        None,
        Lang::Fr,
        &input("Jeunes entrepreneurs", "jeunesse"),
    )
    .await
    .unwrap();

    let article = pages::story(pool, Lang::Fr, "les-jeunes-du-monde", false)
        .await
        .unwrap()
        .unwrap();
    let names: Vec<_> = article.tags.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Culture", "Jeunesse"],
        "the French tags only, by name"
    );
    let listing = pages::tag(pool, Lang::Fr, "jeunesse", 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(listing.total, 2);
    assert_eq!(listing.section.name, "Jeunesse");
    let ar = pages::tag(pool, Lang::Ar, "الشباب", 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ar.stories.len(), 1);
    assert!(pages::tag(pool, Lang::Fr, "inconnu", 1)
        .await
        .unwrap()
        .is_none());

    // Saving the Arabic version again leaves the French tags alone.
    save(
        pool,
        &editor,
        Some(story_id),
        Lang::Ar,
        &input("شباب العالم", ""),
    )
    .await
    .unwrap();
    let article = pages::story(pool, Lang::Fr, "les-jeunes-du-monde", false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(article.tags.len(), 2);
    // A tag named only in French: the other editions' switcher goes home.
    let switch = alternates::for_path(pool, "/fr/tag/jeunesse")
        .await
        .unwrap();
    assert!(switch
        .iter()
        .any(|a| a.lang == Lang::Fr && a.exact && a.href == "/fr/tag/jeunesse"));
    assert!(switch.iter().any(|a| a.lang == Lang::Ar && !a.exact));
}
