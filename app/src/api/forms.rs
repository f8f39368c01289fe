//! Server functions behind the reader forms: a signed ticket for each form shown, and
//! what a confirmation or unsubscribe link leads to. Submissions themselves are plain
//! POSTs to the form's page (see `server::forms`), so they work without JavaScript.

use crate::api::reply::JsonReply;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A fresh form ticket (the time the form was shown, signed).
#[server(output = JsonReply)]
pub async fn form_ticket() -> Result<String, ServerFnError> {
    let key = use_context::<crate::forms::ticket::TicketKey>()
        .ok_or_else(|| ServerFnError::new("forms unavailable"))?;
    Ok(key.issue())
}

/// What an e-mailed link is about, for its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkTarget {
    /// `newsletter` or `press_review`.
    pub list: String,
    /// The address, partly hidden (`r•••@example.org`): the link may have been forwarded.
    pub email: String,
}

/// The subscription a confirmation (`confirm`) or unsubscribe (`unsubscribe`) link
/// points at, while it is valid; `None` for an unknown, used or expired link.
#[server(output = JsonReply)]
pub async fn get_link_target(
    action: String,
    token: String,
) -> Result<Option<LinkTarget>, ServerFnError> {
    use super::server_only::{internal, pool};
    use content::subscriptions;
    let pool = pool()?;
    if !matches!(action.as_str(), "confirm" | "unsubscribe") {
        return Ok(None);
    }
    let found = subscriptions::pending(&pool, &token, &action)
        .await
        .map_err(internal)?;
    Ok(found.map(|s| LinkTarget {
        list: s.list.code().to_owned(),
        email: mask_email(&s.email),
    }))
}

/// `reader@example.org` → `r•••@example.org`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}
