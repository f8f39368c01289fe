//! Where the language switcher leads from a page: the same page in each language, or
//! the nearest page that exists there (never a 404).

use super::{sections, stories, DataResult};
use crate::address::decode_segment;
use crate::address::path;
use crate::lang::Lang;
use crate::model::Alternate;
use sqlx::SqlitePool;

/// Switcher targets for the page at `url_path` (e.g. `/fr/article/<slug>`).
pub async fn for_path(pool: &SqlitePool, url_path: &str) -> DataResult<Vec<Alternate>> {
    let mut parts = url_path.trim_matches('/').split('/');
    let lang = parts.next().and_then(Lang::from_code);
    let mut kind = parts.next().unwrap_or("");
    let mut slug = parts.next().map(decode_segment).unwrap_or_default();
    // Episodes live at /{lang}/podcasts/episode/{slug}, programmes at /{lang}/podcasts/{slug}.
    if kind == "podcasts" && slug == "episode" {
        kind = "podcasts/episode";
        slug = parts.next().map(decode_segment).unwrap_or_default();
    }
    let home = |l: Lang, exact: bool| Alternate {
        lang: l,
        href: if exact {
            format!("/{}/", l.code())
        } else {
            format!("/{}/?notice=untranslated", l.code())
        },
        exact,
    };
    let Some(lang) = lang else {
        return Ok(Lang::ALL.iter().map(|&l| home(l, true)).collect());
    };
    match kind {
        "section" => {
            let section = sections::by_slug(pool, lang, &slug).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                let target = match &section {
                    Some(s) => sections::by_id(pool, l, s.id).await?,
                    None => None,
                };
                out.push(match target {
                    Some(t) => Alternate {
                        lang: l,
                        href: path(l, "section", &t.slug),
                        exact: true,
                    },
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        "tag" => {
            let tag = super::tags::by_slug(pool, lang, &slug).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                let target = match &tag {
                    Some((id, _)) => super::tags::slug_in(pool, l, *id).await?,
                    None => None,
                };
                out.push(match target {
                    Some(s) => Alternate {
                        lang: l,
                        href: path(l, "tag", &s),
                        exact: true,
                    },
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        "podcasts" if !slug.is_empty() => {
            let found = super::podcasts::programme_slugs(pool, lang, &slug).await?;
            Ok(Lang::ALL
                .iter()
                .map(|&l| match found.iter().find(|(fl, _)| *fl == l) {
                    Some((_, s)) => Alternate {
                        lang: l,
                        href: path(l, "podcasts", s),
                        exact: true,
                    },
                    None => home(l, false),
                })
                .collect())
        }
        "article" | "page" | "publications" | "interviews" | "faces" | "podcasts/episode"
            if !slug.is_empty() =>
        {
            let Some(row) = stories::by_slug(pool, lang, &slug, kind == "page").await? else {
                return Ok(Lang::ALL.iter().map(|&l| home(l, false)).collect());
            };
            let translations = stories::translations(pool, row.details.story_id).await?;
            let mut out = Vec::new();
            for l in Lang::ALL {
                if let Some((_, s)) = translations.iter().find(|(tl, _)| *tl == l) {
                    out.push(Alternate {
                        lang: l,
                        href: path(l, kind, s),
                        exact: true,
                    });
                    continue;
                }
                let section = match row.details.section_id {
                    Some(id) => sections::by_id(pool, l, id).await?,
                    None => None,
                };
                out.push(match section {
                    Some(s) => Alternate {
                        lang: l,
                        href: format!("{}?notice=untranslated", path(l, "section", &s.slug)),
                        exact: false,
                    },
                    None => home(l, false),
                });
            }
            Ok(out)
        }
        // Pages every edition has under the same name (forms, privacy notice, listings).
        "newsletter" | "contact" | "tribune" | "privacy" | "publications" | "podcasts"
        | "interviews" | "faces" => Ok(Lang::ALL
            .iter()
            .map(|&l| Alternate {
                lang: l,
                href: format!("/{}/{kind}", l.code()),
                exact: true,
            })
            .collect()),
        _ => Ok(Lang::ALL.iter().map(|&l| home(l, true)).collect()),
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
