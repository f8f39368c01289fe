//! Where the language switcher leads from a page: the same page in each language, or
//! the nearest page that exists there (never a 404). Each page query returns its own
//! (`SectionPage::alternates`, …); pages that need no query take theirs from [`fixed`],
//! and a page that does not exist from [`not_found`].

use crate::address::{Named, Page};
use crate::lang::Lang;
use crate::model::Alternate;
#[cfg(feature = "db")]
use crate::Db;
#[cfg(feature = "db")]
use crate::{model::StoryKind, sections, stories, DataResult};

/// The home page of `lang`, with the "not translated" notice when it stands in for the
/// page asked.
fn home(lang: Lang, exact: bool) -> Alternate {
    if exact {
        self::exact(lang, &Page::Home)
    } else {
        stand_in(lang, &Page::Home)
    }
}

/// `page` itself in edition `lang`.
fn exact(lang: Lang, page: &Page<'_>) -> Alternate {
    Alternate {
        lang,
        href: page.path(lang),
        exact: true,
    }
}

/// `page` of edition `lang` standing in for a page that edition lacks: it opens with
/// the "not translated" notice (`?notice=untranslated`).
fn stand_in(lang: Lang, page: &Page<'_>) -> Alternate {
    Alternate {
        lang,
        href: format!("{}?notice=untranslated", page.path(lang)),
        exact: false,
    }
}

/// Switcher targets of a page every edition has, known without a query: `None` for
/// the pages of one section, tag, programme or story, whose data says where they are.
pub fn fixed(page: &Page<'_>) -> Option<Vec<Alternate>> {
    match page {
        // A search, the saved articles and the offline page are the reader's own: the
        // other editions' front pages stand in for them.
        Page::Home | Page::Named(Named::Search | Named::Saved | Named::Offline) => {
            Some(front_pages())
        }
        // Pages every edition has under the same name (forms, privacy notice, listings).
        Page::Named(_) => Some(Lang::ALL.iter().map(|&l| exact(l, page)).collect()),
        Page::Section(_) | Page::Tag(_) | Page::Story(..) | Page::Programme(_) | Page::Issue(_) => {
            None
        }
    }
}

/// Switcher targets of an issue of a list in the web archive: the issue in its own
/// edition, each other edition's newsletter page (the issues of a list are written for
/// one edition; the other editions have issues of their own).
pub fn of_issue(lang: Lang, id: i64) -> Vec<Alternate> {
    Lang::ALL
        .iter()
        .map(|&l| {
            if l == lang {
                exact(l, &Page::Issue(id))
            } else {
                stand_in(l, &Page::Named(Named::Newsletter))
            }
        })
        .collect()
}

/// Each edition's front page: where the switcher leads from the home page, and what
/// it shows while a page's own targets load.
pub fn front_pages() -> Vec<Alternate> {
    Lang::ALL.iter().map(|&l| home(l, true)).collect()
}

/// Switcher targets of an address that names nothing (an unknown slug): each edition's
/// front page, with the "not translated" notice.
pub fn not_found() -> Vec<Alternate> {
    Lang::ALL.iter().map(|&l| home(l, false)).collect()
}

/// Switcher targets of section `id`: the section in each edition that names it, else
/// that edition's front page.
#[cfg(feature = "db")]
pub async fn of_section(pool: &Db, id: i64) -> DataResult<Vec<Alternate>> {
    let mut out = Vec::new();
    for l in Lang::ALL {
        out.push(match sections::by_id(pool, l, id).await? {
            Some(s) => exact(l, &Page::section(s.slug)),
            None => home(l, false),
        });
    }
    Ok(out)
}

/// Switcher targets of tag `id`: the tag in each edition that names it, else that
/// edition's front page.
#[cfg(feature = "db")]
pub async fn of_tag(pool: &Db, id: i64) -> DataResult<Vec<Alternate>> {
    let mut out = Vec::new();
    for l in Lang::ALL {
        out.push(match crate::tags::slug_in(pool, l, id).await? {
            Some(s) => exact(l, &Page::tag(s)),
            None => home(l, false),
        });
    }
    Ok(out)
}

/// Switcher targets of the programme at `slug` in `lang`.
#[cfg(feature = "db")]
pub async fn of_programme(pool: &Db, lang: Lang, slug: &str) -> DataResult<Vec<Alternate>> {
    let found = crate::podcasts::programme_slugs(pool, lang, slug).await?;
    Ok(Lang::ALL
        .iter()
        .map(|&l| match found.iter().find(|(fl, _)| *fl == l) {
            Some((_, s)) => exact(l, &Page::Programme(s.as_str().into())),
            None => home(l, false),
        })
        .collect())
}

/// Switcher targets of story `story_id` (of `kind`, filed in `section_id`): its
/// translations, else its section in that edition with the "not translated" notice,
/// else that edition's front page.
#[cfg(feature = "db")]
pub async fn of_story(
    pool: &Db,
    kind: StoryKind,
    story_id: i64,
    section_id: Option<i64>,
) -> DataResult<Vec<Alternate>> {
    let translations = stories::translations(pool, story_id).await?;
    let mut out = Vec::new();
    for l in Lang::ALL {
        if let Some((_, s)) = translations.iter().find(|(tl, _)| *tl == l) {
            out.push(exact(l, &Page::Story(kind, s.as_str().into())));
            continue;
        }
        let section = match section_id {
            Some(id) => sections::by_id(pool, l, id).await?,
            None => None,
        };
        out.push(match section {
            Some(s) => stand_in(l, &Page::section(s.slug)),
            None => home(l, false),
        });
    }
    Ok(out)
}

/// Switcher targets of the story of `kind` at `slug` in `lang`, for pages whose query
/// does not read the story's row itself (episodes, publications).
#[cfg(feature = "db")]
pub async fn of_story_slug(
    pool: &Db,
    lang: Lang,
    kind: StoryKind,
    slug: &str,
) -> DataResult<Vec<Alternate>> {
    match stories::by_slug(pool, lang, slug, kind == StoryKind::Page).await? {
        Some(row) => of_story(pool, kind, row.details.story_id, row.details.section_id).await,
        None => Ok(not_found()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_every_edition_has_lead_to_themselves_or_the_front_pages() {
        let contact = fixed(&Page::Named(Named::Contact)).unwrap();
        assert_eq!(
            contact.iter().map(|a| a.href.as_str()).collect::<Vec<_>>(),
            ["/fr/contact", "/ar/contact", "/en/contact"]
        );
        assert!(contact.iter().all(|a| a.exact));
        let search = fixed(&Page::Named(Named::Search)).unwrap();
        assert_eq!(search[2].href, "/en/");
        assert!(fixed(&Page::section("x")).is_none());
        assert!(not_found()
            .iter()
            .all(|a| !a.exact && a.href.ends_with("?notice=untranslated")));
    }
}

#[cfg(all(test, feature = "db"))]
mod page_query_tests {
    use crate::lang::Lang;
    use crate::model::Alternate;
    use crate::{pages, podcasts, test_db};

    fn of(list: &[Alternate], lang: Lang) -> &Alternate {
        list.iter().find(|a| a.lang == lang).unwrap()
    }

    #[tokio::test]
    async fn page_queries_return_their_translations_or_the_nearest_page() {
        let db = test_db::with_demo().await;
        let slug = "l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres";
        let fr_only = pages::story(&db.pool, Lang::Fr, slug, false)
            .await
            .unwrap()
            .unwrap()
            .alternates;
        let ar = of(&fr_only, Lang::Ar);
        assert!(!ar.exact);
        assert!(
            ar.href.starts_with("/ar/section/") && ar.href.ends_with("?notice=untranslated"),
            "{}",
            ar.href
        );
        assert!(of(&fr_only, Lang::Fr).exact);

        let slug = "remittances-from-moroccans-abroad-reach-a-record";
        let tri = pages::story(&db.pool, Lang::En, slug, false)
            .await
            .unwrap()
            .unwrap()
            .alternates;
        assert!(tri.iter().all(|a| a.exact), "{tri:?}");
        let ar = of(&tri, Lang::Ar);
        assert!(
            ar.href.starts_with("/ar/article/%D8"),
            "Arabic slug percent-encoded: {}",
            ar.href
        );

        // The Arabic version, opened by its slug as the router hands it over (decoded),
        // leads back to all three.
        let ar_slug = crate::address::decode_segment(ar.href.trim_start_matches("/ar/article/"));
        let back = pages::story(&db.pool, Lang::Ar, &ar_slug, false)
            .await
            .unwrap()
            .unwrap()
            .alternates;
        assert!(back.iter().all(|a| a.exact), "{back:?}");

        let section = pages::section(&db.pool, Lang::Fr, "medias-et-migration", 1)
            .await
            .unwrap()
            .unwrap()
            .alternates;
        assert_eq!(
            of(&section, Lang::En).href,
            "/en/section/media-and-migration"
        );

        let programme = podcasts::programme(&db.pool, Lang::Fr, "special-siel-2025")
            .await
            .unwrap()
            .unwrap()
            .alternates;
        assert!(of(&programme, Lang::Fr).exact);
        assert!(of(&programme, Lang::Fr)
            .href
            .ends_with("/podcasts/special-siel-2025"));
    }
}
