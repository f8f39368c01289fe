//! `/admin/accounts` (administrators): every account with its role, state and open
//! sessions; change a role, disable or enable, unlock, close someone's sessions; and
//! create an account with a first password. Plain forms posted to the server
//! (`structure/post.rs`).

use crate::fields::{posted_for, ActionButton, PostNotice, TextField};
use crate::i18n::AdminTexts;
use crate::session::{loaded, use_admin_session};
use app::api::reply::JsonReply;
use content::lang::Lang;
use content::model::{AccountSummary, AdminRefused, Role};
use leptos::prelude::*;
use leptos_meta::Title;

/// Every account (administrators only).
#[server(prefix = "/api/admin", endpoint = "accounts", output = JsonReply)]
pub async fn get_accounts() -> Result<Vec<content::model::AccountSummary>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    app::api::access::require(content::model::Role::Admin)?;
    content::accounts::list_accounts(&pool()?)
        .await
        .map_err(internal)
}

/// The roles in rising order, as the role lists show them.
const ROLES: [Role; 3] = [Role::Author, Role::Editor, Role::Admin];

/// The page.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let session = use_admin_session();
    let (a, s) = (session.lang.admin(), session.lang.structure());
    let data = Resource::new(|| (), |_| get_accounts());
    let posted = posted_for("/admin/accounts");
    view! {
        <Title text=format!("{} — CCME", a.accounts)/>
        <h1>{a.accounts}</h1>
        <PostNotice posted=posted.clone()/>
        {loaded(data, s.admins_only, move |list| {
            view! { <AccountTable list/> <NewAccount posted=posted.clone()/> }
        })}
    }
}

#[component]
fn AccountTable(list: Vec<AccountSummary>) -> impl IntoView {
    let session = use_admin_session();
    let me = session.user.map(|u| u.id);
    let (a, s) = (session.lang.admin(), session.lang.structure());
    view! {
        <ul class="admin-stories admin-account-list">
            {list.into_iter().map(|account| {
                let mine = Some(account.id) == me;
                let state = match (account.disabled, account.locked) {
                    (true, _) => s.account_states[1],
                    (false, true) => s.account_states[2],
                    _ => s.account_states[0],
                };
                let action = format!("/admin/accounts/{}", account.id);
                let select_id = format!("role-{}", account.id);
                view! {
                    <li class="admin-story" data-account=account.email.clone()>
                        <span class="admin-story-title">
                            <span dir="ltr">{account.email.clone()}</span>
                            {(!account.name.is_empty()).then(|| format!(" · {}", account.name))}
                            {mine.then(|| format!(" ({})", s.you))}
                        </span>
                        <span class="admin-story-meta">
                            {a.roles[account.role.index()]}" · "<span class="account-state">{state}</span>
                            " · "{s.sessions}": "{account.sessions}
                        </span>
                        {(!mine).then(|| view! {
                            <div class="admin-row-actions">
                                <form method="post" action=action.clone() class="inline-form">
                                    <input type="hidden" name="action" value="role"/>
                                    <label class="visually-hidden" for=select_id.clone()>{format!("{} — {}", s.role, account.email)}</label>
                                    <select id=select_id name="role">
                                        {ROLES.into_iter().map(|role| view! {
                                            <option value=role.code() selected=role == account.role>{a.roles[role.index()]}</option>
                                        }).collect_view()}
                                    </select>
                                    <button type="submit" class="button button-secondary">{s.change_role}</button>
                                </form>
                                <ActionButton action=action.clone() code=if account.disabled { "enable" } else { "disable" }
                                    label=if account.disabled { s.enable } else { s.disable }/>
                                {account.locked.then(|| view! { <ActionButton action=action.clone() code="unlock" label=s.unlock/> })}
                                {(account.sessions > 0).then(|| view! { <ActionButton action=action.clone() code="sessions" label=s.close_sessions/> })}
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn NewAccount(posted: Option<AdminRefused>) -> impl IntoView {
    let session = use_admin_session();
    let (a, s) = (session.lang.admin(), session.lang.structure());
    let chosen = |field: &str, default: &str| {
        posted
            .as_ref()
            .and_then(|p| p.value(field))
            .unwrap_or_else(|| default.to_owned())
    };
    let (role, lang) = (
        chosen("role", "author"),
        chosen("lang", session.lang.code()),
    );
    view! {
        <section class="admin-card">
            <h2 id="new-account">{s.new_account}</h2>
            <form method="post" action="/admin/accounts" class="editor-form" aria-labelledby="new-account">
                <fieldset>
                    <TextField name="email".into() label=a.email.into() kind="email" required=true posted=posted.clone()/>
                    <TextField name="name".into() label=s.name.into() posted=posted.clone()/>
                    <label for="field-role">{s.role}</label>
                    <select id="field-role" name="role">
                        {ROLES.into_iter().map(|r| view! {
                            <option value=r.code() selected=r.code() == role>{a.roles[r.index()]}</option>
                        }).collect_view()}
                    </select>
                    <label for="field-lang">{s.language}</label>
                    <select id="field-lang" name="lang">
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=l.code() == lang>{l.native_name()}</option>
                        }).collect_view()}
                    </select>
                    <TextField name="password".into() label=s.first_password.into() kind="password"
                        hint=s.first_password_hint required=true posted=posted.clone()/>
                </fieldset>
                <div class="editor-actions"><button type="submit" class="button">{s.create}</button></div>
            </form>
        </section>
    }
}
