//! The back office under `/admin`: its own frame (no public header or footer), in the
//! account's language (before log-in, the visitor's), never indexed. The server's
//! guard has already sent anyone without a session to the log-in page.
//!
//! Its pages are rendered on the server only and work as plain forms and links: none
//! of them is hydrated, so none of their code is in the readers' WASM (the browser
//! build's router knows `/admin` only as a path it never renders).

#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod editor;
#[cfg(feature = "ssr")]
pub mod login;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod messages;
#[cfg(feature = "ssr")]
pub mod stories;

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
            <Route path=path!("/messages") view=messages::MessagesPage/>
            <Route path=path!("/messages/:id") view=messages::MessagePage/>
            <Route path=path!("/subscribers") view=messages::SubscribersPage/>
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

#[cfg(feature = "ssr")]
use crate::api::admin::get_admin_session;
#[cfg(feature = "ssr")]
use crate::i18n::Lang;
#[cfg(feature = "ssr")]
use crate::model::AdminSession;
#[cfg(feature = "ssr")]
use leptos_meta::{Html, Meta};
#[cfg(feature = "ssr")]
use leptos_router::components::Outlet;

/// The frame of every back-office page; provides the [`AdminSession`] to the pages.
#[cfg(feature = "ssr")]
#[component]
pub fn AdminShell() -> impl IntoView {
    let session = Resource::new(|| (), |_| get_admin_session());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let session = session.await.unwrap_or(AdminSession { user: None, lang: Lang::Fr });
                let lang = session.lang;
                let a = lang.admin();
                let who = session.user.as_ref().map(|u| if u.name.is_empty() { u.email.clone() } else { u.name.clone() });
                provide_context(session);
                view! {
                    <Html {..} lang=lang.code() dir=lang.dir()/>
                    <Meta name="robots" content="noindex, nofollow"/>
                    <header class="admin-bar">
                        <a class="admin-brand" href="/admin">{format!("CCME · {}", a.title)}</a>
                        <nav class="admin-nav">
                            {who.is_some().then(|| view! {
                                <a href="/admin">{a.dashboard}</a>
                                <a href="/admin/stories">{lang.editor().stories}</a>
                                <a href="/admin/media">{lang.editor().media}</a>
                                <a href="/admin/messages">{lang.moderation().messages}</a>
                                <a href="/admin/subscribers">{lang.moderation().subscribers}</a>
                            })}
                            <a href=format!("/{}/", lang.code())>{a.view_site}</a>
                            {who.map(|who| view! {
                                <span class="admin-who">{who}</span>
                                <form method="post" action="/admin/logout">
                                    <button type="submit" class="link-button">{a.log_out}</button>
                                </form>
                            })}
                        </nav>
                    </header>
                    <main id="content" class="admin-main" tabindex="-1"><Outlet/></main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The session of the page being shown (from [`AdminShell`]).
#[cfg(feature = "ssr")]
pub fn use_admin_session() -> AdminSession {
    expect_context::<AdminSession>()
}

/// What a back-office page shows while its data loads (only seen if streaming).
#[cfg(feature = "ssr")]
pub fn admin_fallback() -> impl IntoView {}
