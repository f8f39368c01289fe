//! The frame around every back-office page and the session it hands to them.

use crate::i18n::AdminTexts;
use app::api::reply::JsonReply;
use content::address::Page;
use content::lang::Lang;
use content::model::AdminSession;
use leptos::prelude::*;
use leptos_meta::{Html, Meta};
use leptos_router::components::Outlet;

/// Who is logged in (if anyone) and the back office's language. Answers logged-out
/// visitors too (the log-in page needs its language), so it lives outside `/api/admin`.
#[server(output = JsonReply)]
pub async fn get_admin_session() -> Result<AdminSession, ServerFnError> {
    use content::model::{AdminLang, SessionUser};
    let parts = use_context::<http::request::Parts>();
    let extension = |parts: &http::request::Parts| {
        (
            parts.extensions.get::<SessionUser>().cloned(),
            parts.extensions.get::<AdminLang>().map(|l| l.0),
        )
    };
    let (user, lang) = parts.as_ref().map(extension).unwrap_or_default();
    Ok(AdminSession {
        lang: lang.unwrap_or_default(),
        user,
    })
}

/// The frame of every back-office page; provides the [`AdminSession`] to the pages.
#[component]
pub fn AdminShell() -> impl IntoView {
    let session = Resource::new(|| (), |_| get_admin_session());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let session = session.await.unwrap_or(AdminSession { user: None, lang: Lang::Fr });
                let lang = session.lang;
                let a = lang.admin();
                let is_admin = session.user.as_ref().is_some_and(|u| u.role == content::model::Role::Admin);
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
                                <a href="/admin/mailings">{lang.mailings().title}</a>
                            })}
                            {is_admin.then(|| view! {
                                <a href="/admin/sections">{lang.structure().sections}</a>
                                <a href="/admin/menus">{lang.structure().menus}</a>
                                <a href="/admin/accounts">{a.accounts}</a>
                                <a href="/admin/audit">{lang.structure().audit}</a>
                            })}
                            <a href=Page::Home.path(lang)>{a.view_site}</a>
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
pub fn use_admin_session() -> AdminSession {
    expect_context::<AdminSession>()
}

/// What a back-office page shows while its data loads (only seen if streaming).
pub fn admin_fallback() -> impl IntoView {}

/// Shows `view` once `data` loads, or `refused` (the role this page needs) when the
/// server function refuses.
pub fn loaded<T, V>(
    data: Resource<Result<T, ServerFnError>>,
    refused: &'static str,
    view: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=admin_fallback>
            {move || {
                let view = view.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => view(value).into_any(),
                        Err(_) => view! { <p class="notice notice-error">{refused}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a page at an address ending in `:id` shows: `fetch(id)`, or nothing found
/// (`Ok(None)`, the page's "not found" notice) when the id is no number.
pub fn by_route_id<T, Fut>(
    fetch: impl Fn(i64) -> Fut + Send + Sync + 'static,
) -> Resource<Result<Option<T>, ServerFnError>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: std::future::Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
{
    let id = leptos_router::hooks::use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    Resource::new(
        move || id,
        move |id| {
            let found = id.map(&fetch);
            async move {
                match found {
                    Some(found) => found.await,
                    None => Ok(None),
                }
            }
        },
    )
}
