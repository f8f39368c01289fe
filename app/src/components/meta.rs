//! What search engines, social networks and feed readers read of a page, rendered on
//! the server into `<head>`: title, description, canonical URL, hreflang alternates,
//! OpenGraph and Twitter cards, feed discovery; plus JSON-LD (`structured_data`).

use crate::components::layout::{use_alternates, use_lang};
use crate::i18n::Lang;
use crate::model::{Alternate, Image};
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
};
const DEFAULT_SHARE_IMAGE_PATH: &str = "/og-default.png";

impl Image {
    /// The same picture at the share card's size.
    fn with_share_size(self) -> Image {
        Image {
            width: DEFAULT_SHARE_IMAGE.width,
            height: DEFAULT_SHARE_IMAGE.height,
            ..self
        }
    }
}

/// The X (Twitter) account named in cards.
const X_ACCOUNT: &str = "@ccme_maroc";

/// The image a share card shows, absolute and 1200×630: a crop of the page's own
/// picture (`/og/…`, cut by the server from the media file) when it is a raster
/// image, else the site's card.
pub fn share_image(image: Option<&Image>) -> Image {
    let raster = |src: &str| {
        let lower = src.to_ascii_lowercase();
        [".jpg", ".jpeg", ".png", ".webp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
    };
    match image.filter(|i| raster(&i.src)) {
        Some(image) => Image {
            src: format!(
                "{}/og/{}",
                site_url(),
                image.src.trim_start_matches("/media/")
            ),
            ..image.clone()
        }
        .with_share_size(),
        None => Image {
            src: format!("{}{DEFAULT_SHARE_IMAGE_PATH}", site_url()),
            ..DEFAULT_SHARE_IMAGE
        },
    }
}

/// Head tags of one page. `path` is the canonical site-relative address (with `?page=N`
/// past the first page); `translated` adds hreflang links to the page's editions.
#[component]
pub fn PageMeta(
    title: String,
    description: String,
    path: String,
    #[prop(default = "website")] og_type: &'static str,
    #[prop(default = None)] image: Option<Image>,
    #[prop(default = true)] translated: bool,
    /// Feed of this page (site-relative, without `feed.xml`/`atom.xml`), if any.
    #[prop(optional)]
    feed: Option<String>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let site = site_url();
    let url = format!("{site}{path}");
    let image = share_image(image.as_ref());
    let t = lang.t();
    let feeds = feed.map(|base| {
        view! {
            <Link rel="alternate" type_="application/rss+xml" title=format!("{title} (RSS)") href=format!("{site}{base}feed.xml")/>
            <Link rel="alternate" type_="application/atom+xml" title=format!("{title} (Atom)") href=format!("{site}{base}atom.xml")/>
        }
    });
    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        <Meta property="og:site_name" content=t.site_name/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:type" content=og_type/>
        <Meta property="og:url" content=url/>
        <Meta property="og:locale" content=lang.locale()/>
        <Meta property="og:image" content=image.src.clone()/>
        <Meta property="og:image:width" content=image.width.to_string()/>
        <Meta property="og:image:height" content=image.height.to_string()/>
        <Meta property="og:image:alt" content=if image.alt.is_empty() { title.clone() } else { image.alt.clone() }/>
        <Meta name="twitter:card" content="summary_large_image"/>
        <Meta name="twitter:site" content=X_ACCOUNT/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        <Meta name="twitter:image" content=image.src/>
        {feeds}
        {translated.then(|| view! { <HreflangLinks/> })}
    }
    // Many head tags make a deep view type: erase it here so pages stay compilable.
    .into_any()
}

/// `hreflang` links to every edition the page exists in, `x-default` to the French one
/// (the home page's is `/`, which picks the reader's language), and `og:locale:alternate`.
#[component]
fn HreflangLinks() -> impl IntoView {
    let alternates = use_alternates();
    let current = use_lang().get_untracked();
    let site = site_url();
    view! {
        <Suspense>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    let list = alternates.await.unwrap_or_default();
                    hreflang_set(&list, current).into_iter().map(|(hreflang, href, locale)| {
                        let href = format!("{site}{href}");
                        view! {
                            <Link rel="alternate" hreflang=hreflang href=href/>
                            {locale.map(|locale| view! { <Meta property="og:locale:alternate" content=locale/> })}
                        }
                    }).collect_view()
                })
            }}
        </Suspense>
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
    let is_home = exact
        .iter()
        .all(|a| a.href == format!("/{}/", a.lang.code()));
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
