//! Back-office server functions. The server's guard has already refused requests
//! without a session to `/api/admin…` and put the session's account in the request;
//! each function then asks for the role it needs with [`require`].

use crate::api::reply::JsonReply;
use content::model::AdminSession;
use leptos::prelude::*;

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

/// The account of this request if its role allows `needed`; otherwise the error every
/// admin server function returns (401 without a session, 403 with too small a role).
#[cfg(feature = "ssr")]
pub fn require(needed: content::model::Role) -> Result<content::model::SessionUser, ServerFnError> {
    let user = use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<content::model::SessionUser>()
            .cloned()
    });
    let response = use_context::<leptos_axum::ResponseOptions>();
    match user {
        Some(user) if user.role.allows(needed) => Ok(user),
        found => {
            let status = if found.is_some() {
                http::StatusCode::FORBIDDEN
            } else {
                http::StatusCode::UNAUTHORIZED
            };
            if let Some(response) = response {
                response.set_status(status);
            }
            Err(ServerFnError::new("not allowed"))
        }
    }
}

/// The dashboard of the logged-in account (any role).
#[server(prefix = "/api/admin", endpoint = "dashboard", output = JsonReply)]
pub async fn get_dashboard() -> Result<content::model::Dashboard, ServerFnError> {
    use super::server_only::{internal, pool};
    use content::accounts;
    let user = require(content::model::Role::Author)?;
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

/// Every account (administrators only).
#[server(prefix = "/api/admin", endpoint = "accounts", output = JsonReply)]
pub async fn get_accounts() -> Result<Vec<content::model::AccountSummary>, ServerFnError> {
    use super::server_only::{internal, pool};
    require(content::model::Role::Admin)?;
    content::accounts::list_accounts(&pool()?)
        .await
        .map_err(internal)
}

/// The reader-message queue (editors and administrators), `status` only when given.
#[server(prefix = "/api/admin", endpoint = "messages", output = JsonReply)]
pub async fn get_messages(
    status: Option<String>,
) -> Result<Vec<content::model::MessageSummary>, ServerFnError> {
    use super::server_only::{internal, pool};
    require(content::model::Role::Editor)?;
    content::moderation::queue(&pool()?, status.as_deref())
        .await
        .map_err(internal)
}

/// One reader message in full (opening a new one marks it read).
#[server(prefix = "/api/admin", endpoint = "message", output = JsonReply)]
pub async fn get_message(id: i64) -> Result<Option<content::model::MessageDetail>, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = require(content::model::Role::Editor)?;
    content::moderation::open_message(&pool()?, &user, id)
        .await
        .map_err(internal)
}

/// Subscribers per list, language and status.
#[server(prefix = "/api/admin", endpoint = "subscribers", output = JsonReply)]
pub async fn get_subscriber_counts() -> Result<Vec<content::model::SubscriberCount>, ServerFnError>
{
    use super::server_only::{internal, pool};
    require(content::model::Role::Editor)?;
    content::moderation::subscriber_counts(&pool()?)
        .await
        .map_err(internal)
}

/// Every section and menu item, labels in the back office's language (administrators).
#[server(prefix = "/api/admin", endpoint = "structure", output = JsonReply)]
pub async fn get_structure() -> Result<content::model::SiteStructure, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = require(content::model::Role::Admin)?;
    content::structure::structure(&pool()?, user.lang)
        .await
        .map_err(internal)
}

/// Page `page` of the whole audit log (administrators); the first when not given.
#[server(prefix = "/api/admin", endpoint = "audit", output = JsonReply)]
pub async fn get_audit_log(page: Option<u32>) -> Result<content::model::AuditPage, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = require(content::model::Role::Admin)?;
    content::accounts::audit_page(&pool()?, &user, page.unwrap_or(1))
        .await
        .map_err(internal)?
        .map_err(|_| ServerFnError::new("not allowed"))
}
