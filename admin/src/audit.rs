//! `/admin/audit?page=N` (administrators): the whole audit log, newest first — who
//! changed what and when (stories, media, moderation, accounts, sections, menus,
//! log-ins), fifty entries a page.

use crate::i18n::AdminTexts;
use crate::session::{loaded, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::Strings;
use content::model::AuditPage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Page `page` of the whole audit log (administrators); the first when not given.
#[server(prefix = "/api/admin", endpoint = "audit", output = JsonReply)]
pub async fn get_audit_log(page: Option<u32>) -> Result<content::model::AuditPage, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Admin)?;
    content::accounts::audit_page(&pool()?, &user, page.unwrap_or(1))
        .await
        .map_err(internal)?
        .map_err(|_| ServerFnError::new("not allowed"))
}

/// The page.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let page = use_query_map()
        .get_untracked()
        .get("page")
        .and_then(|p| p.parse::<u32>().ok());
    let data = Resource::new(move || page, get_audit_log);
    view! {
        <Title text=format!("{} — CCME", s.audit)/>
        <h1>{s.audit}</h1>
        {loaded(data, s.admins_only, |log: AuditPage| view! { <AuditTable log/> })}
    }
}

#[component]
fn AuditTable(log: AuditPage) -> impl IntoView {
    let s = use_admin_session().lang.structure();
    let (page, pages) = (log.page, log.pages);
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
            <table class="admin-table">
                <caption id="audit-caption">{Strings::fill(s.page_of, &[("page", page.to_string()), ("pages", pages.to_string())])}</caption>
                <thead><tr>{s.audit_columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {log.entries.into_iter().map(|entry| view! {
                        <tr>
                            <td><time datetime=entry.at.clone()>{entry.at.replace('T', " ").trim_end_matches('Z').to_owned()}</time></td>
                            <td dir="ltr">{entry.who}</td>
                            <td><code>{entry.action}</code></td>
                            <td dir="auto">{entry.target}</td>
                            <td dir="auto">{entry.details}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="admin-pager" aria-label=s.audit>
            {(page > 1).then(|| view! { <a rel="prev" href=format!("/admin/audit?page={}", page - 1)>{s.newer}</a> })}
            {(page < pages).then(|| view! { <a rel="next" href=format!("/admin/audit?page={}", page + 1)>{s.older}</a> })}
        </nav>
    }
}
