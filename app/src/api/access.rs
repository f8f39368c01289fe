//! Who may call a back-office server function: the back office's guard
//! (`admin::doors`) has already refused requests to `/api/admin…` without a session and
//! put the session's account in the request; each function then asks for the role it needs. Here rather than in the back
//! office's crate because one reader page needs it too: an editor's preview of a draft.

use leptos::prelude::*;

/// The account of this request if its role allows `needed`; otherwise the error every
/// admin server function returns (401 without a session, 403 with too small a role).
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
