//! Where the language switcher leads from a page: the same page in each language, or
//! the nearest page that exists there (never a 404).

use super::{sections, stories, DataResult};
use crate::address::{Named, Page};
use crate::lang::Lang;
use crate::model::{Alternate, StoryKind};
use sqlx::SqlitePool;

/// Switcher targets for the page at `url_path` (e.g. `/fr/article/<slug>`).
pub async fn for_path(pool: &SqlitePool, url_path: &str) -> DataResult<Vec<Alternate>> {
    match Page::parse(url_path) {
        Some((lang, page)) => for_page(pool, lang, &page).await,
        None => Ok(Lang::ALL.iter().map(|&l| home(l, true)).collect()),
    }
}

/// The home page of `lang`, with the "not translated" notice when it stands in for the
/// page asked.
fn home(lang: Lang, exact: bool) -> Alternate {
    Alternate {
        lang,
        href: if exact {
            Page::Home.path(lang)
        } else {
            format!("{}?notice=untranslated", Page::Home.path(lang))
        },
        exact,
    }
}

/// Switcher targets for `page` of the `lang` edition.
pub async fn for_page(
    pool: &SqlitePool,
    lang: Lang,
    page: &Page<'_>,
) -> DataResult<Vec<Alternate>> {
    let exact = |l: Lang, page: Page<'_>| Alternate {
        lang: l,
        href: page.path(l),
        exact: true,
    };
    match page {
        Page::Section(slug) => {
            let section = sections::by_slug(pool, lang, slug).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                let target = match &section {
                    Some(s) => sections::by_id(pool, l, s.id).await?,
                    None => None,
                };
                out.push(match target {
                    Some(t) => exact(l, Page::Section(t.slug.into())),
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        Page::Tag(slug) => {
            let tag = super::tags::by_slug(pool, lang, slug).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                let target = match &tag {
                    Some((id, _)) => super::tags::slug_in(pool, l, *id).await?,
                    None => None,
                };
                out.push(match target {
                    Some(s) => exact(l, Page::Tag(s.into())),
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        Page::Programme(slug) => {
            let found = super::podcasts::programme_slugs(pool, lang, slug).await?;
            Ok(Lang::ALL
                .iter()
                .map(|&l| match found.iter().find(|(fl, _)| *fl == l) {
                    Some((_, s)) => exact(l, Page::Programme(s.as_str().into())),
                    None => home(l, false),
                })
                .collect())
        }
        Page::Story(kind, slug) => {
            let static_page = *kind == StoryKind::Page;
            let Some(row) = stories::by_slug(pool, lang, slug, static_page).await? else {
                return Ok(Lang::ALL.iter().map(|&l| home(l, false)).collect());
            };
            let translations = stories::translations(pool, row.details.story_id).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                if let Some((_, s)) = translations.iter().find(|(tl, _)| *tl == l) {
                    out.push(exact(l, Page::Story(*kind, s.as_str().into())));
                    continue;
                }
                let section = match row.details.section_id {
                    Some(id) => sections::by_id(pool, l, id).await?,
                    None => None,
                };
                out.push(match section {
                    Some(s) => Alternate {
                        lang: l,
                        href: format!(
                            "{}?notice=untranslated",
                            Page::Section(s.slug.into()).path(l)
                        ),
                        exact: false,
                    },
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        // A search, the saved articles and the offline page are the reader's own: the
        // other editions' front pages stand in for them.
        Page::Home | Page::Named(Named::Search | Named::Saved | Named::Offline) => {
            Ok(Lang::ALL.iter().map(|&l| home(l, true)).collect())
        }
        // Pages every edition has under the same name (forms, privacy notice, listings).
        Page::Named(named) => Ok(Lang::ALL
            .iter()
            .map(|&l| exact(l, Page::Named(*named)))
            .collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[tokio::test]
    async fn switcher_follows_translations_or_falls_back_to_section() {
        let db = test_db::with_demo().await;
        let fr_only = for_path(
            &db.pool,
            "/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres",
        )
        .await
        .unwrap();
        let ar = fr_only.iter().find(|a| a.lang == Lang::Ar).unwrap();
        assert!(!ar.exact);
        assert!(
            ar.href.starts_with("/ar/section/") && ar.href.ends_with("?notice=untranslated"),
            "{}",
            ar.href
        );
        let fr = fr_only.iter().find(|a| a.lang == Lang::Fr).unwrap();
        assert!(fr.exact);

        let tri = for_path(
            &db.pool,
            "/en/article/remittances-from-moroccans-abroad-reach-a-record",
        )
        .await
        .unwrap();
        assert!(tri.iter().all(|a| a.exact), "{tri:?}");
        let ar = tri.iter().find(|a| a.lang == Lang::Ar).unwrap();
        assert!(
            ar.href.starts_with("/ar/article/%D8"),
            "Arabic slug percent-encoded: {}",
            ar.href
        );

        // An Arabic URL as the browser sends it (percent-encoded) resolves too.
        let back = for_path(&db.pool, &ar.href).await.unwrap();
        assert!(back.iter().all(|a| a.exact));

        let section = for_path(&db.pool, "/fr/section/medias-et-migration")
            .await
            .unwrap();
        assert_eq!(
            section.iter().find(|a| a.lang == Lang::En).unwrap().href,
            "/en/section/media-and-migration"
        );
        let unknown = for_path(&db.pool, "/fr/article/nope").await.unwrap();
        assert!(unknown.iter().all(|a| !a.exact));
    }
}
