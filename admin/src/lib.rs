//! The back office under `/admin`: its own frame (no public header or footer), in the
//! account's language (before log-in, the visitor's), never indexed. The server's
//! guard has already sent anyone without a session to the log-in page.
//!
//! Its pages are rendered on the server only and work as plain forms and links: none
//! of them is hydrated, so none of their code is in the readers' WASM (the browser
//! build's router knows `/admin` only as a path it never renders).

#[cfg(feature = "ssr")]
pub mod accounts;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
mod details;
#[cfg(feature = "ssr")]
pub mod editor;
#[cfg(feature = "ssr")]
mod fields;
#[cfg(feature = "ssr")]
pub mod login;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod media_item;
#[cfg(feature = "ssr")]
pub mod menus;
#[cfg(feature = "ssr")]
pub mod messages;
#[cfg(feature = "ssr")]
pub mod sections;
#[cfg(feature = "ssr")]
mod shell;
#[cfg(feature = "ssr")]
pub mod stories;
#[cfg(feature = "ssr")]
pub use shell::{admin_fallback, loaded, use_admin_session, AdminShell};

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route};
use leptos_router::{path, SsrMode};

/// The back office's routes (server build).
#[cfg(feature = "ssr")]
#[component(transparent)]
pub fn AdminRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/admin") view=AdminShell ssr=SsrMode::Async>
            <Route path=path!("/login") view=login::AdminLoginPage/>
            <Route path=path!("/stories") view=stories::StoriesPage/>
            <Route path=path!("/stories/new") view=editor::NewStoryPage/>
            <Route path=path!("/stories/:id/:lang") view=editor::EditStoryPage/>
            <Route path=path!("/media") view=media::MediaPage/>
            <Route path=path!("/media/:id") view=media_item::MediaItemPage/>
            <Route path=path!("/messages") view=messages::MessagesPage/>
            <Route path=path!("/messages/:id") view=messages::MessagePage/>
            <Route path=path!("/subscribers") view=messages::SubscribersPage/>
            <Route path=path!("/accounts") view=accounts::AccountsPage/>
            <Route path=path!("/audit") view=audit::AuditLogPage/>
            <Route path=path!("/sections") view=sections::SectionsPage/>
            <Route path=path!("/sections/:id") view=sections::SectionPage/>
            <Route path=path!("/menus") view=menus::MenusPage/>
            <Route path=path!("/menus/:id") view=menus::MenuItemPage/>
            <Route path=path!("") view=dashboard::AdminDashboardPage/>
        </ParentRoute>
    }
    .into_inner()
}

/// The back office's routes (browser build): never rendered there, since its pages
/// are not hydrated; kept so the route tree has the same shape on both sides.
#[cfg(not(feature = "ssr"))]
#[component(transparent)]
pub fn AdminRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <ParentRoute path=path!("/admin") view=|| () ssr=SsrMode::Async>
            <Route path=path!("/*any") view=|| ()/>
        </ParentRoute>
    }
    .into_inner()
}
