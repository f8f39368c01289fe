//! The back office under `/admin`: its own document, router and frame (no public header
//! or footer), in the account's language (before log-in, the visitor's), never indexed.
//! Its guard (`doors.rs`) has already sent anyone without a session to the log-in page.
//!
//! A server-only crate: its pages are rendered on the server and work as plain forms and
//! links (a small `/admin.js` adds conveniences), none is hydrated, and the reader's
//! WASM is built without this crate, so no back-office page, type or string can reach a
//! reader's browser. Each feature keeps its server functions and its form posts
//! (`post.rs`) beside its pages; `routes.rs` gathers the posts for the server, and
//! `doors.rs` holds log-in, log-out and the guard in front of every `/admin` address.

// Page views nest deeper than rustc's default query depth, as in the reader app.
#![recursion_limit = "256"]

pub mod accounts;
pub mod audit;
pub mod dashboard;
pub mod doors;
mod fields;
pub mod i18n;
pub mod login;
pub mod mailings;
pub mod media;
pub mod moderation;
pub mod routes;
pub mod session;
pub mod stories;
pub mod structure;
mod unsaved;

use app::components::layout::Layout;
use app::components::status::NotFound;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, MetaTags};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{path, SsrMode};
use session::AdminShell;

/// The HTML document of every back-office page: the site's stylesheet and the back
/// office's own small script, no hydration.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet options id="leptos"/>
                <script src="/admin.js" defer></script>
                <MetaTags/>
            </head>
            <body>
                <AdminApp/>
            </body>
        </html>
    }
}

/// The back office's routes, each rendered completely before it is sent.
#[component]
pub fn AdminApp() -> impl IntoView {
    provide_meta_context();
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            // An unknown back-office address: the site's own 404 page, in its frame.
            <Routes fallback=|| view! { <Layout><NotFound/></Layout> }>
                <ParentRoute path=path!("/admin") view=AdminShell ssr=SsrMode::Async>
                    <Route path=path!("/login") view=login::AdminLoginPage/>
                    <Route path=path!("/stories") view=stories::StoriesPage/>
                    <Route path=path!("/stories/new") view=stories::editor::NewStoryPage/>
                    <Route path=path!("/stories/:id/:lang") view=stories::editor::EditStoryPage/>
                    <Route path=path!("/media") view=media::MediaPage/>
                    <Route path=path!("/media/:id") view=media::item::MediaItemPage/>
                    <Route path=path!("/messages") view=moderation::MessagesPage/>
                    <Route path=path!("/messages/:id") view=moderation::MessagePage/>
                    <Route path=path!("/subscribers") view=moderation::SubscribersPage/>
                    <Route path=path!("/mailings") view=mailings::MailingsPage/>
                    <Route path=path!("/mailings/:id") view=mailings::issue::IssuePage/>
                    <Route path=path!("/accounts") view=accounts::AccountsPage/>
                    <Route path=path!("/audit") view=audit::AuditLogPage/>
                    <Route path=path!("/sections") view=structure::sections::SectionsPage/>
                    <Route path=path!("/sections/:id") view=structure::sections::SectionPage/>
                    <Route path=path!("/menus") view=structure::menus::MenusPage/>
                    <Route path=path!("/menus/:id") view=structure::menus::MenuItemPage/>
                    <Route path=path!("") view=dashboard::AdminDashboardPage/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
