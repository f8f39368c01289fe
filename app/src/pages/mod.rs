//! One module per route, after Leptos's hackernews example.

pub mod article;
pub mod contact;
pub mod faces;
pub mod home;
pub mod interviews;
pub mod offline;
pub mod podcasts;
pub mod privacy;
pub mod publications;
pub mod search;
pub mod section;
pub mod subscriptions;

use crate::components::layout::{use_lang, use_lang_known};
use crate::components::meta::PageMeta;
use crate::components::status::{LoadError, Loading, NotFound};
use crate::i18n::Texts;
use content::lang::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Declares a route whose page component is compiled into its own WASM chunk
/// (`cargo leptos build --split`): a reader who opens one page downloads that page's
/// code and what it shares with others, not the whole site's. The chunk is fetched
/// when the router first needs the page — on hydration of a direct visit (the server
/// has already linked it with a `preload`) or on the first client-side navigation to
/// it — and the page's own resources start as soon as its view runs.
///
/// Each page module declares its routes with it, next to the page it loads:
/// `lazy_page!(HomeRoute => HomePage);` then `<Route view={Lazy::<HomeRoute>::new()}/>`.
#[macro_export]
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> leptos::prelude::AnyView {
                leptos::prelude::view! { <$page/> }.into_any()
            }
        }
    };
}

/// The `?page=N` of the current URL; anything that is not a positive number is page 1,
/// never an error.
pub fn use_page_param() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| *p > 0)
            .unwrap_or(1)
    }
}

/// The "not available in your language" notice, shown when the language switcher had
/// to fall back to this page (`?notice=untranslated`).
#[component]
pub fn UntranslatedNotice(#[prop(default = false)] home: bool) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    move || {
        let t = lang.get().t();
        (query.read().get("notice").as_deref() == Some("untranslated")).then(|| {
            view! {
                <p class="notice" role="status">
                    {if home { t.untranslated_page } else { t.untranslated_article }}
                </p>
            }
        })
    }
}

/// A page every edition has: rendered in the URL's edition, or the 404 page when the
/// first segment of the URL is not an edition.
pub fn edition_page(render: impl Fn(Lang) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    move || {
        if known.get() {
            render(lang.get())
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}

/// A listing every edition has (library, interviews, faces): its metadata, heading and
/// introduction (`text` gives both in an edition), then what `render` makes of the
/// loaded `data`, or the translated error notice.
pub fn listing_page<T>(
    segment: &'static str,
    text: fn(Lang) -> (&'static str, &'static str),
    data: Resource<Result<T, ServerFnError>>,
    render: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    edition_page(move |lang| {
        let (title, intro) = text(lang);
        let render = render.clone();
        view! {
            <PageMeta title=format!("{title} — {}", lang.t().site_name) description=intro.to_owned() path=format!("/{}/{segment}", lang.code())/>
            <div class="container library-page">
                <header class="page-head"><h1>{title}</h1><p class="lede">{intro}</p></header>
                <Transition fallback=Loading>
                    {move || {
                        let render = render.clone();
                        Suspend::new(async move {
                            match data.await {
                                Ok(loaded) => render(loaded),
                                Err(_) => view! { <LoadError/> }.into_any(),
                            }
                        })
                    }}
                </Transition>
            </div>
        }
        .into_any()
    })
}
