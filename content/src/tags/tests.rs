//! Tags from the editor to the reader, on a real SQLite file.

use super::parse_tags;
use crate::editorial::save::{save, EditorInput, Saved};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{EditorAction, EditorProblem, Role, StoryFields};
use crate::test_db::account;
use crate::{pages, test_db};

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
    let editor = account(pool, "editor@ccme.example", Role::Editor).await;
    let post = |story: Option<i64>, lang: Lang, title: &str, tags: &str| {
        let input = EditorInput {
            kind: StoryKind::Article,
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
        let editor = editor.clone();
        async move { save(pool, &editor, story, lang, &input).await.unwrap() }
    };
    let french_tags = || async {
        let article = pages::story(pool, Lang::Fr, "les-jeunes-du-monde", false).await;
        let names = article.unwrap().unwrap().tags.into_iter().map(|t| t.name);
        names.collect::<Vec<_>>()
    };
    let listed = |lang: Lang, slug: &'static str| async move {
        pages::tag(pool, lang, slug, 1).await.unwrap()
    };
    let too_many = (0..21).map(|n| format!("t{n}")).collect::<Vec<_>>();
    let refused = post(None, Lang::Fr, "Trop", &too_many.join(",")).await;
    let problem = ("tags".into(), EditorProblem::TagsInvalid);
    assert_eq!(refused, Saved::Refused(vec![problem]));

    let Saved::Done { story_id, .. } =
        post(None, Lang::Fr, "Les jeunes du monde", "Jeunesse, Culture").await
    else {
        panic!("saved");
    };
    post(Some(story_id), Lang::Ar, "شباب العالم", "الشباب").await;
    // A second story with the same tag, typed in another case: the same tag.
    post(None, Lang::Fr, "Jeunes entrepreneurs", "jeunesse").await;

    let only_french = "the French tags only, by name";
    assert_eq!(
        french_tags().await,
        ["Culture", "Jeunesse"],
        "{only_french}"
    );
    let listing = listed(Lang::Fr, "jeunesse").await.unwrap();
    assert_eq!(
        (listing.total, listing.section.name.as_str()),
        (2, "Jeunesse")
    );
    assert_eq!(listed(Lang::Ar, "الشباب").await.unwrap().stories.len(), 1);
    assert!(listed(Lang::Fr, "inconnu").await.is_none());

    // Saving the Arabic version again leaves the French tags alone.
    post(Some(story_id), Lang::Ar, "شباب العالم", "").await;
    assert_eq!(french_tags().await.len(), 2);
    // A tag named only in French: the other editions' switcher goes home.
    let switch = listed(Lang::Fr, "jeunesse").await.unwrap().alternates;
    assert!(switch
        .iter()
        .any(|a| a.lang == Lang::Fr && a.exact && a.href == "/fr/tag/jeunesse"));
    assert!(switch.iter().any(|a| a.lang == Lang::Ar && !a.exact));
}
