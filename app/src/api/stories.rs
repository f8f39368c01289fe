//! Home, section, article and static page data.

use crate::api::reply::{GetUrl, JsonReply};
use content::lang::Lang;
use content::model::{ArticlePage, HomePage, SectionPage};
use leptos::prelude::*;

/// Everything the home page of `lang` shows.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_home(lang: Lang) -> Result<HomePage, ServerFnError> {
    use super::server_only::{internal, reader};
    use crate::components::{meta::site_url, structured_data};
    let mut home = content::pages::home(&reader()?, lang)
        .await
        .map_err(internal)?;
    home.structured_data = vec![structured_data::home(&site_url(), lang).to_string()];
    Ok(home)
}

/// Page `page` of a section; `None` when no section has this slug in `lang`.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_section(
    lang: Lang,
    slug: String,
    page: u32,
) -> Result<Option<SectionPage>, ServerFnError> {
    use super::server_only::{internal, reader};
    use crate::components::{meta::site_url, structured_data};
    let mut section = content::pages::section(&reader()?, lang, &slug, page.max(1))
        .await
        .map_err(internal)?;
    if let Some(section) = &mut section {
        let crumbs = structured_data::breadcrumb_list(&site_url(), lang, &section.breadcrumb);
        section.structured_data = vec![crumbs.to_string()];
    }
    Ok(section)
}

/// Page `page` of the stories with a tag; `None` when no tag has this slug in `lang`.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_tag(
    lang: Lang,
    slug: String,
    page: u32,
) -> Result<Option<SectionPage>, ServerFnError> {
    use super::server_only::{internal, reader};
    content::pages::tag(&reader()?, lang, &slug, page.max(1))
        .await
        .map_err(internal)
}

/// An article (`page_kind = false`) or static page (`true`) by slug; `None` if absent.
#[server(input = GetUrl, output = JsonReply)]
pub async fn get_story(
    lang: Lang,
    slug: String,
    page_kind: bool,
) -> Result<Option<ArticlePage>, ServerFnError> {
    use super::server_only::{internal, reader, shows_story};
    use crate::components::{meta::site_url, structured_data};
    let mut story = content::pages::story(&reader()?, lang, &slug, page_kind)
        .await
        .map_err(internal)?;
    if let Some(story) = &mut story {
        shows_story(story.story_id, &story.updated_at);
        let site = site_url();
        let url = format!(
            "{site}{}",
            content::address::story_path(lang, story.card.kind, &story.card.slug)
        );
        if !page_kind {
            let article = structured_data::news_article(&site, lang, &url, story);
            story.structured_data.push(article.to_string());
        }
        let crumbs = structured_data::breadcrumb_list(&site, lang, &story.breadcrumb);
        story.structured_data.push(crumbs.to_string());
    }
    Ok(story)
}
