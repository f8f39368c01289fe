//! Back-office server functions of the writing screens (any role may read them; what a
//! role may change is checked when the editor's form is posted, see `data::editorial`).
//! Saving is a plain form post handled by the server (`server/src/admin/editor.rs`).

use crate::api::reply::JsonReply;
use content::lang::Lang;
use content::model::{ArticlePage, EditorPage, StoryFilter, StoryList};
use leptos::prelude::*;

/// A page of the story list.
#[server(prefix = "/api/admin", endpoint = "story_list", output = JsonReply)]
pub async fn get_story_list(filter: StoryFilter) -> Result<StoryList, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = super::admin::require(content::model::Role::Author)?;
    content::editorial::list::list(&pool()?, user.lang, &filter)
        .await
        .map_err(internal)
}

/// The editor of version `lang` of story `story` (`None`: a new story), with the
/// version `reference` beside it when there is one. `None`: no such story.
#[server(prefix = "/api/admin", endpoint = "editor", output = JsonReply)]
pub async fn get_editor(
    story: Option<i64>,
    lang: Lang,
    reference: Option<Lang>,
) -> Result<Option<EditorPage>, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = super::admin::require(content::model::Role::Author)?;
    content::editorial::page::editor_page(&pool()?, &user, story, lang, reference)
        .await
        .map_err(internal)
}

/// Version `lang` of story `story` as readers will see it, whatever its status.
#[server(prefix = "/api/admin", endpoint = "preview", output = JsonReply)]
pub async fn get_preview(story: i64, lang: Lang) -> Result<Option<ArticlePage>, ServerFnError> {
    use super::server_only::{internal, pool};
    super::admin::require(content::model::Role::Author)?;
    content::pages::preview(&pool()?, story, lang)
        .await
        .map_err(internal)
}

/// One library item with its descriptions and what uses it (its edit page).
#[server(prefix = "/api/admin", endpoint = "media_item", output = JsonReply)]
pub async fn get_media_item(id: i64) -> Result<Option<content::model::MediaItem>, ServerFnError> {
    use super::server_only::{internal, pool};
    super::admin::require(content::model::Role::Author)?;
    content::media_edit::media_item(&pool()?, id)
        .await
        .map_err(internal)
}

/// The media library's newest pictures, documents and sounds.
#[server(prefix = "/api/admin", endpoint = "media", output = JsonReply)]
pub async fn get_media_library() -> Result<content::model::MediaLibrary, ServerFnError> {
    use super::server_only::{internal, pool};
    let user = super::admin::require(content::model::Role::Author)?;
    let pool = pool()?;
    Ok(content::model::MediaLibrary {
        pictures: content::media_library::recent_images(&pool, 120)
            .await
            .map_err(internal)?,
        files: content::media_files::recent_files(&pool, None, user.lang, 120)
            .await
            .map_err(internal)?,
    })
}
