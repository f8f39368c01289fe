//! An editor's preview of a story version as readers will see it, whatever its status
//! (the reader app's `/{lang}/preview/{id}` page; authors and up only).

use crate::api::reply::JsonReply;
use content::lang::Lang;
use content::model::ArticlePage;
use leptos::prelude::*;

/// Version `lang` of story `story` as readers will see it, whatever its status.
#[server(prefix = "/api/admin", endpoint = "preview", output = JsonReply)]
pub async fn get_preview(story: i64, lang: Lang) -> Result<Option<ArticlePage>, ServerFnError> {
    use super::server_only::{internal, pool};
    super::access::require(content::model::Role::Author)?;
    content::pages::preview(&pool()?, story, lang)
        .await
        .map_err(internal)
}
