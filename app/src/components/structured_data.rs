//! JSON-LD (schema.org) for search engines: `NewsArticle` on articles, `BreadcrumbList`
//! on articles and sections, `Organization` and `WebSite` with a `SearchAction` on home
//! pages. Plain functions building `serde_json` values, rendered by `meta::JsonLd`.

use crate::components::meta::share_image;
use crate::i18n::Texts;
use content::lang::Lang;
use content::model::{ArticlePage, Crumb};
use content::site::SOCIAL_ACCOUNTS;
use serde_json::{json, Value};

/// The institution as publisher, with its logo (Google wants one on news articles).
pub fn organization(site: &str, lang: Lang) -> Value {
    json!({
        "@type": "Organization",
        "@id": format!("{site}/#organization"),
        "name": lang.t().site_name,
        "url": format!("{site}/{}/", lang.code()),
        "logo": {
            "@type": "ImageObject",
            "url": format!("{site}/icons/icon-512.png"),
            "width": 512,
            "height": 512
        },
        "sameAs": SOCIAL_ACCOUNTS.iter().map(|account| account.href).collect::<Vec<_>>()
    })
}

/// Home page: the organisation and the site, whose search page answers `?q=`.
pub fn home(site: &str, lang: Lang) -> Value {
    let code = lang.code();
    json!({
        "@context": "https://schema.org",
        "@graph": [
            organization(site, lang),
            {
                "@type": "WebSite",
                "@id": format!("{site}/{code}/#website"),
                "url": format!("{site}/{code}/"),
                "name": lang.t().site_name,
                "description": lang.t().tagline,
                "inLanguage": code,
                "publisher": { "@id": format!("{site}/#organization") },
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": {
                        "@type": "EntryPoint",
                        "urlTemplate": format!("{site}/{code}/search?q={{search_term_string}}")
                    },
                    "query-input": "required name=search_term_string"
                }
            }
        ]
    })
}

/// The breadcrumb trail of a page in `lang`, from the home page; the current page (no
/// link) is named, not linked.
pub fn breadcrumb_list(site: &str, lang: Lang, crumbs: &[Crumb]) -> Value {
    let items: Vec<Value> = crate::components::breadcrumb::from_home(lang, crumbs)
        .iter()
        .enumerate()
        .map(|(i, crumb)| {
            let mut item = json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": crumb.label,
            });
            if let Some(href) = &crumb.href {
                item["item"] = json!(format!("{site}{href}"));
            }
            item
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items
    })
}

/// A news article: what Google's article rich results ask for.
pub fn news_article(site: &str, lang: Lang, url: &str, article: &ArticlePage) -> Value {
    let card = &article.card;
    let image = share_image(card.cover.as_ref());
    let author = if article.signature.is_empty() {
        json!({ "@type": "Organization", "name": lang.t().site_name, "url": format!("{site}/{}/", lang.code()) })
    } else {
        json!({ "@type": "Person", "name": article.signature })
    };
    // Google shows at most 110 characters of a headline.
    let headline: String = card.title.chars().take(110).collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "description": card.summary,
        "image": [image.src],
        "datePublished": card.published_at,
        "dateModified": if article.updated_at.is_empty() { &card.published_at } else { &article.updated_at },
        "author": [author],
        "publisher": organization(site, lang),
        "inLanguage": lang.code(),
        "mainEntityOfPage": { "@type": "WebPage", "@id": url },
        "url": url,
    });
    if let Some(section) = &card.section {
        value["articleSection"] = json!(section.name);
    }
    value
}
