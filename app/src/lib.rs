//! ccme-portal's reader application: pages rendered on the server, with islands (search,
//! share bar, player, forms) that also run in the browser, and the server
//! functions they call. The back office is the `admin` crate, a server-only
//! application of its own.

// A page's view type is nested deeper than rustc's default query depth.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod serving;

use components::layout::{provide_page_alternates, publish_fixed_alternates, Layout};
use components::status::NotFound;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};
use pages::article::{ArticleRoute, PreviewRoute, StaticPageRoute};
use pages::contact::{ContactRoute, OpEdRoute};
use pages::faces::FacesRoute;
use pages::home::HomeRoute;
use pages::interviews::InterviewsRoute;
use pages::issues::IssueRoute;
use pages::offline::{OfflineRoute, SavedRoute};
use pages::podcasts::{EpisodeRoute, PodcastsRoute, ProgrammeRoute};
use pages::privacy::PrivacyRoute;
use pages::publications::{LibraryRoute, PublicationRoute};
use pages::search::SearchRoute;
use pages::section::{SectionRoute, TagRoute};
use pages::subscriptions::{ConfirmRoute, NewsletterRoute, UnsubscribeRoute};

/// Called by the browser entry point so that the linker keeps this crate, whose
/// islands are the WASM's exports.
pub fn link_islands() {}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The service worker runs in release builds only: under `cargo leptos watch` it
    // would keep serving yesterday's WASM.
    let service_worker = if options.env == leptos::config::Env::PROD {
        "on"
    } else {
        "off"
    };
    view! {
        <!DOCTYPE html>
        <html data-sw=service_worker>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <HydrationScripts options islands=true/>
                <script src="/pwa.js" defer></script>
                <script src="/nav.js" defer></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The public site's frame around its routed pages (the layout stays mounted while
/// readers move from page to page, so the audio player keeps playing).
#[component]
fn PublicLayout() -> impl IntoView {
    view! { <Layout><Outlet/></Layout> }
}

/// The application: every route of the public site. Each route renders fully on the
/// server before the response is sent (`SsrMode::Async`), so pages are complete without
/// JavaScript and titles/descriptions come from the data. The browser runs only the
/// islands of the page (one WASM module for every page) and moves between pages with
/// /nav.js, which swaps in the next page's server HTML.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_page_alternates();
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <Routes fallback=|| {
                // An address no route knows: the switcher leads to the front pages.
                publish_fixed_alternates(&content::address::Page::Home);
                view! { <Layout><NotFound/></Layout> }
            }>
                <ParentRoute path=path!("") view=PublicLayout ssr=SsrMode::Async>
                    <Route path=path!("/:lang") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/section/:slug") view={Lazy::<SectionRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/tag/:slug") view={Lazy::<TagRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/article/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/page/:slug") view={Lazy::<StaticPageRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/search") view={Lazy::<SearchRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter") view={Lazy::<NewsletterRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter/archive/:slug") view={Lazy::<IssueRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter/confirm") view={Lazy::<ConfirmRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter/unsubscribe") view={Lazy::<UnsubscribeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/contact") view={Lazy::<ContactRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/tribune") view={Lazy::<OpEdRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/privacy") view={Lazy::<PrivacyRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/publications") view={Lazy::<LibraryRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/publications/:slug") view={Lazy::<PublicationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/interviews") view={Lazy::<InterviewsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/interviews/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/faces") view={Lazy::<FacesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/faces/:slug") view={Lazy::<ArticleRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts") view={Lazy::<PodcastsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts/episode/:slug") view={Lazy::<EpisodeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts/:slug") view={Lazy::<ProgrammeRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/preview/:id") view={Lazy::<PreviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/offline") view={Lazy::<OfflineRoute>::new()}/>
                    <Route path=path!("/:lang/saved") view={Lazy::<SavedRoute>::new()}/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
