//! `/admin`: who is logged in, what their role lets them do, their open sessions and
//! recent activity, "log out everywhere", changing one's password, and for
//! administrators the way to the accounts.

use crate::fields::{posted_for, PostNotice, TextField};
use crate::i18n::AdminTexts;
use crate::session::use_admin_session;
use app::api::reply::JsonReply;
use app::i18n::{format_date, Strings};
use content::model::{Dashboard, Role};
use leptos::prelude::*;
use leptos_meta::Title;

/// The dashboard of the logged-in account (any role).
#[server(prefix = "/api/admin", endpoint = "dashboard", output = JsonReply)]
pub async fn get_dashboard() -> Result<content::model::Dashboard, ServerFnError> {
    use app::api::server_only::{internal, pool};
    use content::accounts;
    let user = app::api::access::require(content::model::Role::Author)?;
    let pool = pool()?;
    Ok(content::model::Dashboard {
        open_sessions: accounts::open_sessions(&pool, user.id)
            .await
            .map_err(internal)?,
        activity: accounts::recent_activity(&pool, user.id, 10)
            .await
            .map_err(internal)?,
        user,
    })
}

/// The dashboard.
#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let session = use_admin_session();
    let lang = session.lang;
    let a = lang.admin();
    let is_admin = session.user.as_ref().is_some_and(|u| u.role == Role::Admin);
    let data = Resource::new(|| (), |_| get_dashboard());
    view! {
        <Title text=format!("{} — CCME", a.title)/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(dashboard) => view! { <DashboardView dashboard/> }.into_any(),
                    Err(_) => view! { <p class="notice notice-error">{a.not_allowed}</p> }.into_any(),
                }
            })}
        </Suspense>
        {is_admin.then(|| view! {
            <p><a class="button button-secondary" href="/admin/accounts">{a.accounts}</a></p>
        })}
        <ChangePassword/>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let lang = use_admin_session().lang;
    let a = lang.admin();
    let user = dashboard.user;
    let name = if user.name.is_empty() {
        user.email.clone()
    } else {
        user.name.clone()
    };
    let role = user.role.index();
    view! {
        <h1>{Strings::fill(a.welcome, &[("name", name)])}</h1>
        <section class="admin-card">
            <h2>{a.your_role}": "<span class="admin-role">{a.roles[role]}</span></h2>
            <p>{a.role_can[role]}</p>
            <p>{a.sessions_open}": "<strong class="admin-sessions">{dashboard.open_sessions}</strong></p>
            <form method="post" action="/admin/logout-everywhere">
                <button type="submit" class="button button-secondary">{a.log_out_everywhere}</button>
            </form>
        </section>
        <section class="admin-card">
            <h2>{a.recent_activity}</h2>
            <ul class="admin-activity">
                {dashboard.activity.into_iter().map(|entry| view! {
                    <li><time datetime=entry.at.clone()>{format_date(lang, &entry.at)}</time>" · "<code>{entry.action}</code>" "{entry.target}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Changing one's own password (the current one asked again); the other sessions close.
#[component]
fn ChangePassword() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let posted = posted_for("/admin/password");
    let changed = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("password")
        .is_some();
    view! {
        <section class="admin-card">
            <h2 id="change-password">{s.change_password}</h2>
            {changed.then(|| view! { <p class="notice notice-success" role="status">{s.password_changed}</p> })}
            <PostNotice posted=posted.clone()/>
            <form method="post" action="/admin/password" class="editor-form" aria-labelledby="change-password">
                <fieldset>
                    <TextField name="current".into() label=s.current_password.into() kind="password" required=true posted=posted.clone()/>
                    <TextField name="password".into() label=s.new_password.into() kind="password" required=true posted/>
                </fieldset>
                <div class="editor-actions"><button type="submit" class="button">{s.change_password}</button></div>
            </form>
        </section>
    }
}
