//! Podcasts: programmes, one programme, one episode.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{EpisodePage, PodcastsPage, ProgrammePage};
use leptos::prelude::*;

/// The programmes and latest episodes of `lang`.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_podcasts(lang: Lang) -> Result<PodcastsPage, ServerFnError> {
    use super::server_only::{internal, reader};
    content::podcasts::podcasts(&reader()?, lang)
        .await
        .map_err(internal)
}

/// One programme and its episodes; `None` when unknown (404).
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_programme(
    lang: Lang,
    slug: String,
) -> Result<Option<ProgrammePage>, ServerFnError> {
    use super::server_only::{internal, reader};
    content::podcasts::programme(&reader()?, lang, &slug)
        .await
        .map_err(internal)
}

/// One episode; `None` when unknown (404).
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_episode(lang: Lang, slug: String) -> Result<Option<EpisodePage>, ServerFnError> {
    use super::server_only::{internal, reader};
    content::podcasts::episode(&reader()?, lang, &slug)
        .await
        .map_err(internal)
}
