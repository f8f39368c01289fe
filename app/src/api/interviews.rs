//! The interviews listing.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::InterviewsPage;
use leptos::prelude::*;

/// The interviews of `lang`, from `country` (ISO code) or all.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_interviews(
    lang: Lang,
    country: Option<String>,
) -> Result<InterviewsPage, ServerFnError> {
    use super::server_only::{internal, reader};
    content::interviews::interviews(&reader()?, lang, country.as_deref())
        .await
        .map_err(internal)
}
