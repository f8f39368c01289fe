//! Menus of an edition.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::Navigation;
use leptos::prelude::*;

/// Header and footer menus of `lang`.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_navigation(lang: Lang) -> Result<Navigation, ServerFnError> {
    use super::server_only::{internal, reader};
    content::menus::navigation(&reader()?, lang)
        .await
        .map_err(internal)
}
