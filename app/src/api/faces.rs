//! The faces of the diaspora gallery.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{FacesFilter, FacesPage};
use leptos::prelude::*;

/// The profiles of `lang` matching `filter` (country, field, index letter), with the
/// choices of each filter and the A–Z index.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_faces(lang: Lang, filter: FacesFilter) -> Result<FacesPage, ServerFnError> {
    use super::server_only::{internal, reader};
    content::faces::faces(&reader()?, lang, &filter)
        .await
        .map_err(internal)
}
