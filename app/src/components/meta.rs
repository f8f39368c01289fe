//! What search engines, social networks and feed readers read of a page, rendered on
//! the server into `<head>`: title, description, canonical URL, hreflang alternates,
//! OpenGraph and Twitter cards, feed discovery; plus JSON-LD (`structured_data`).

use crate::components::layout::{loaded_page_alternates, use_lang};
use crate::i18n::Texts;
use content::address::Page;
use content::lang::Lang;
use content::model::{Alternate, Image};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

/// The public address of the site (no trailing slash), for absolute URLs. The server
/// provides it from `SITE_URL`; in the browser it is the page's own origin.
#[derive(Clone, Debug)]
pub struct SiteUrl(pub String);

/// The site's public base URL in this render.
pub fn site_url() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<SiteUrl>().map(|s| s.0).unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        window().location().origin().unwrap_or_default()
    }
}

/// The share picture used when a page has no raster image of its own (1200×630, the
/// size OpenGraph and Twitter cards expect).
pub const DEFAULT_SHARE_IMAGE: Image = Image {
    src: String::new(),
    width: 1200,
    height: 630,
    alt: String::new(),
    srcset: String::new(),
    webp_srcset: String::new(),
};
const DEFAULT_SHARE_IMAGE_PATH: &str = "/og-default.png";

/// The same picture at the share card's size.
fn at_share_size(image: Image) -> Image {
    Image {
        width: DEFAULT_SHARE_IMAGE.width,
        height: DEFAULT_SHARE_IMAGE.height,
        ..image
    }
}

/// The image a share card shows, absolute and 1200×630: a crop of the page's own
/// picture (`/og/…`, cut by the server from the media file) when it is a raster
/// image, else the site's card.
pub fn share_image(image: Option<&Image>) -> Image {
    match image.filter(|i| content::model::is_raster_image(&i.src)) {
        Some(image) => at_share_size(Image {
            src: format!(
                "{}/og/{}",
                site_url(),
                image.src.trim_start_matches("/media/")
            ),
            ..image.clone()
        }),
        None => Image {
            src: format!("{}{DEFAULT_SHARE_IMAGE_PATH}", site_url()),
            ..DEFAULT_SHARE_IMAGE
        },
    }
}

/// Head tags of one page. `path` is the canonical site-relative address (with `?page=N`
/// past the first page); `translated` adds hreflang links to the page's editions;
/// `properties` adds OpenGraph properties of the page's type (`article:…`).
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    path: String,
    #[prop(default = "website")] og_type: &'static str,
    #[prop(default = None)] image: Option<Image>,
    #[prop(default = true)] translated: bool,
    /// Feed of this page (site-relative, without `feed.xml`/`atom.xml`), if any.
    #[prop(default = None)]
    feed: Option<String>,
    #[prop(optional)] properties: Vec<(&'static str, String)>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let site = site_url();
    let url = format!("{site}{path}");
    let image = share_image(image.as_ref());
    let image_alt = if image.alt.is_empty() {
        title.clone()
    } else {
        image.alt.clone()
    };
    // Lists of (key, value) rendered by one loop each: one view type, not twenty.
    let names = [
        ("description", description.clone()),
        ("twitter:card", "summary_large_image".to_owned()),
        ("twitter:site", content::site::X_HANDLE.to_owned()),
        ("twitter:title", title.clone()),
        ("twitter:description", description.clone()),
        ("twitter:image", image.src.clone()),
    ];
    let open_graph = [
        ("og:site_name", lang.t().site_name.to_owned()),
        ("og:title", title.clone()),
        ("og:description", description),
        ("og:type", og_type.to_owned()),
        ("og:url", url.clone()),
        ("og:locale", lang.locale().to_owned()),
        ("og:image", image.src),
        ("og:image:width", image.width.to_string()),
        ("og:image:height", image.height.to_string()),
        ("og:image:alt", image_alt),
    ];
    let feeds: Vec<(&'static str, String, String)> = feed
        .map(|base| {
            vec![
                (
                    "application/rss+xml",
                    format!("{title} (RSS)"),
                    format!("{site}{base}feed.xml"),
                ),
                (
                    "application/atom+xml",
                    format!("{title} (Atom)"),
                    format!("{site}{base}atom.xml"),
                ),
            ]
        })
        .unwrap_or_default();
    view! {
        <Title text=title.clone()/>
        <Link rel="canonical" href=url/>
        {names.into_iter().map(|(name, content)| view! { <Meta name=name content=content/> }).collect_view()}
        {open_graph.into_iter().chain(properties).map(|(property, content)| view! { <Meta property=property content=content/> }).collect_view()}
        {feeds.into_iter().map(|(kind, label, href)| view! { <Link rel="alternate" type_=kind title=label href=href/> }).collect_view()}
        {translated.then(|| view! { <HreflangLinks/> })}
    }
    // Head tags make a deep view type: erase it here so pages stay compilable.
    .into_any()
}

/// `hreflang` links to every edition the page exists in, `x-default` to the French one
/// (the home page's is `/`, which picks the reader's language), and `og:locale:alternate`.
#[component]
fn HreflangLinks() -> impl IntoView {
    let current = use_lang().get_untracked();
    let site = site_url();
    move || {
        loaded_page_alternates().map(|list| {
            hreflang_set(&list, current)
                .into_iter()
                .map(|(hreflang, href, locale)| {
                    let href = format!("{site}{href}");
                    view! {
                        <Link rel="alternate" hreflang=hreflang href=href/>
                        {locale.map(|locale| view! { <Meta property="og:locale:alternate" content=locale/> })}
                    }
                })
                .collect_view()
        })
    }
}

/// The hreflang set of a page from its switcher targets: the exact editions only, then
/// `x-default`. Each entry: (hreflang, site-relative href, og:locale:alternate if any).
pub fn hreflang_set(
    alternates: &[Alternate],
    current: Lang,
) -> Vec<(String, String, Option<&'static str>)> {
    let exact: Vec<&Alternate> = alternates.iter().filter(|a| a.exact).collect();
    if exact.len() < 2 {
        return Vec::new();
    }
    let mut set: Vec<_> = exact
        .iter()
        .map(|a| {
            (
                a.lang.code().to_owned(),
                a.href.clone(),
                (a.lang != current).then(|| a.lang.locale()),
            )
        })
        .collect();
    let is_home = exact.iter().all(|a| a.href == Page::Home.path(a.lang));
    let default = if is_home {
        "/".to_owned()
    } else {
        exact
            .iter()
            .find(|a| a.lang == Lang::Fr)
            .unwrap_or(&exact[0])
            .href
            .clone()
    };
    set.push(("x-default".to_owned(), default, None));
    set
}

/// The JSON-LD blocks of a page (serialised JSON, see `structured_data`). `<` is
/// escaped so no text of the page can close the script.
#[component]
pub fn JsonLd(blocks: Vec<String>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|json| {
            let json = json.replace('<', "\\u003c");
            view! { <script type="application/ld+json" inner_html=json></script> }
        })
        .collect_view()
}
