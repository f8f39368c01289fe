//! ccme-portal application: components, pages and server functions shared by the
//! server (SSR) and the browser (hydration).

pub mod api;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod data;

use components::layout::Layout;
use components::status::NotFound;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};
use pages::admin::AdminRoutes;
use pages::article::{ArticlePage, PreviewPage, StaticPage};
use pages::contact::{ContactPage, OpEdPage};
use pages::faces::FacesListPage;
use pages::home::HomePage;
use pages::interviews::InterviewsListPage;
use pages::offline::{OfflinePage, SavedPage};
use pages::podcasts::{EpisodeDetailPage, PodcastsPage, ProgrammeDetailPage};
use pages::privacy::PrivacyPage;
use pages::publications::{LibraryPage, PublicationDetailPage};
use pages::search::SearchPage;
use pages::section::{SectionPage, TagPage};
use pages::subscriptions::{ConfirmPage, NewsletterPage, UnsubscribePage};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The service worker runs in release builds only: under `cargo leptos watch` it
    // would keep serving yesterday's WASM.
    let service_worker = if options.env == leptos::config::Env::PROD {
        "on"
    } else {
        "off"
    };
    // Back-office pages are server-rendered forms, never hydrated (see `pages::admin`).
    let hydrate = !is_back_office_request();
    view! {
        <!DOCTYPE html>
        <html data-sw=service_worker>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                {hydrate.then(|| view! { <HydrationScripts options/> })}
                {if hydrate {
                    view! { <script src="/pwa.js" defer></script> }.into_any()
                } else {
                    view! { <script src="/admin.js" defer></script> }.into_any()
                }}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Whether the page being rendered is under `/admin`.
fn is_back_office_request() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|parts| {
            let path = parts.uri.path();
            path == "/admin" || path.starts_with("/admin/")
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
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
/// JavaScript and titles/descriptions come from the data.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <Routes fallback=|| view! { <Layout><NotFound/></Layout> }>
                // The back office: its own frame, outside the public layout.
                <AdminRoutes/>
                <ParentRoute path=path!("") view=PublicLayout ssr=SsrMode::Async>
                    <Route path=path!("/:lang") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/section/:slug") view=SectionPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/tag/:slug") view=TagPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/article/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/page/:slug") view=StaticPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter") view=NewsletterPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter/confirm") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/newsletter/unsubscribe") view=UnsubscribePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/contact") view=ContactPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/tribune") view=OpEdPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/privacy") view=PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/publications") view=LibraryPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/publications/:slug") view=PublicationDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/interviews") view=InterviewsListPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/interviews/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/faces") view=FacesListPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/faces/:slug") view=ArticlePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts") view=PodcastsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts/episode/:slug") view=EpisodeDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/podcasts/:programme") view=ProgrammeDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/preview/:id") view=PreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/offline") view=OfflinePage/>
                    <Route path=path!("/:lang/saved") view=SavedPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
