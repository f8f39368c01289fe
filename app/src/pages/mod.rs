//! One module per route, after Leptos's hackernews example.

pub mod article;
pub mod contact;
pub mod faces;
pub mod home;
pub mod interviews;
pub mod issues;
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
use leptos_router::hooks::{use_params_map, use_query_map};

/// Declares the route of a reader page. Pages are rendered on the server only (their
/// interactive parts are islands), so a route is the page's data and view; it also
/// says where the language switcher leads from its page, before the router renders
/// anything (`data()` runs first):
/// - `page_route!(HomeRoute => HomePage, Page::Home);` for a page every edition has: its
///   editions are known from the page alone;
/// - `page_route!(ArticleRoute => ArticlePage, loads Article = load_story(false));`
///   for a page of one item: `load_story(false)` makes the item's resource (in `data()`,
///   so the query starts before the layout renders), the page component receives it as
///   `data`, and the item's `alternates` feed the switcher: one request per page.
///
/// Then `<Route view={Lazy::<HomeRoute>::new()}/>`.
#[macro_export]
macro_rules! page_route {
    ($(#[$doc:meta])* $route:ident => $page:ident, loads $item:ty = $load:expr) => {
        $(#[$doc])*
        pub struct $route {
            data: leptos::prelude::Resource<
                Result<Option<$item>, leptos::prelude::ServerFnError>,
            >,
        }

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                let data = $load;
                $crate::components::layout::publish_loaded_alternates(data, |item: &$item| {
                    item.alternates.clone()
                });
                Self { data }
            }

            async fn view(this: Self) -> leptos::prelude::AnyView {
                leptos::prelude::view! { <$page data=this.data/> }.into_any()
            }
        }
    };
    ($(#[$doc:meta])* $route:ident => $page:ident, $alternates:expr) => {
        $(#[$doc])*
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $crate::components::layout::publish_fixed_alternates(&$alternates);
                Self
            }

            async fn view(_this: Self) -> leptos::prelude::AnyView {
                leptos::prelude::view! { <$page/> }.into_any()
            }
        }
    };
}

/// The edition and `:slug` of the route being matched, as a resource's source: read
/// from the route's parameters, since a route's `data()` runs before the layout that
/// provides [`use_lang`] (an address without an edition reads as French; its page is a
/// 404 all the same).
pub fn use_route_item() -> impl Fn() -> (Lang, String) + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params.with(|p| {
            let lang = p.get("lang").as_deref().and_then(Lang::from_code);
            (lang.unwrap_or_default(), p.get("slug").unwrap_or_default())
        })
    }
}

/// The item at the route's `:slug` in its edition, loaded by `fetch` (story,
/// programme, episode, publication): the resource a `page_route!` route makes in its
/// `data()`.
pub fn load_item<T, Fut>(
    fetch: impl Fn(Lang, String) -> Fut + Send + Sync + 'static,
) -> Resource<Result<Option<T>, ServerFnError>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
{
    Resource::new(use_route_item(), move |(lang, slug)| fetch(lang, slug))
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
