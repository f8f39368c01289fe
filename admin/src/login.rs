//! `/admin/login`: a plain form posted to the server (works without JavaScript; the
//! password never passes through the app's own code), with the translated outcome of
//! the last attempt from `?error=` / `?done=`.

use crate::i18n::AdminTexts;
use crate::session::use_admin_session;
use content::lang::Lang;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The log-in page.
#[component]
pub fn AdminLoginPage() -> impl IntoView {
    let session = use_admin_session();
    let lang = session.lang;
    let a = lang.admin();
    let query = use_query_map().get_untracked();
    let error = match query.get("error").as_deref() {
        Some("limited") => Some(a.limited),
        Some("unsaved") => Some(a.log_in_cannot_write),
        Some(_) => Some(a.refused),
        None => None,
    };
    let done = match query.get("done").as_deref() {
        Some("everywhere") => Some(a.logged_out_everywhere),
        Some(_) => Some(a.logged_out),
        None => None,
    };
    let next = query.get("next").unwrap_or_else(|| "/admin".into());
    view! {
        <Title text=format!("{} — CCME", a.log_in_title)/>
        <div class="admin-login">
            <h1>{a.log_in_title}</h1>
            {error.map(|e| view! { <p class="notice notice-error" role="alert">{e}</p> })}
            {done.map(|d| view! { <p class="notice" role="status">{d}</p> })}
            {session.user.is_some().then(|| view! {
                <p class="notice">{a.already_in}" "<a href="/admin">{a.go_to_dashboard}</a></p>
            })}
            <form method="post" action="/admin/login" class="admin-form">
                <input type="hidden" name="next" value=next/>
                <input type="hidden" name="lang" value=lang.code()/>
                <label for="admin-email">{a.email}</label>
                <input id="admin-email" name="email" type="email" autocomplete="username" required dir="ltr"/>
                <label for="admin-password">{a.password}</label>
                <input id="admin-password" name="password" type="password" autocomplete="current-password" required dir="ltr"/>
                <button type="submit" class="button">{a.log_in}</button>
            </form>
            <ul class="admin-langs">
                {Lang::ALL.iter().map(|&l| view! {
                    <li><a href=format!("/admin/login?lang={}", l.code()) hreflang=l.code() lang=l.code() aria-current=(l == lang).then_some("true")>{l.native_name()}</a></li>
                }).collect_view()}
            </ul>
        </div>
    }
}
