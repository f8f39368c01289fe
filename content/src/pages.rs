//! Assembles what each page shows from the queries in `stories` and `sections`.

use super::{alternates, faces, sections, stories, DataResult};
use crate::address::{Named, Page};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::model::{ArticlePage, Crumb, HomePage, SectionPage, PAGE_SIZE};
use crate::Db;

/// Featured story, latest news and a block per main section.
pub async fn home(pool: &Db, lang: Lang) -> DataResult<HomePage> {
    let featured = stories::featured(pool, lang).await?;
    let skip = featured.as_ref().map(|f| f.slug.as_str());
    let latest = stories::latest(pool, lang, 6, skip).await?;
    let blocks = sections::home_blocks(pool, lang, 4).await?;
    Ok(HomePage {
        featured,
        latest,
        blocks,
        structured_data: Vec::new(),
    })
}

/// One page of a section listing, or `None` for an unknown slug.
pub async fn section(
    pool: &Db,
    lang: Lang,
    slug: &str,
    page: u32,
) -> DataResult<Option<SectionPage>> {
    let Some(row) = sections::by_slug(pool, lang, slug).await? else {
        return Ok(None);
    };
    let trail = sections::ancestry(pool, lang, row.id).await?;
    let breadcrumb: Vec<Crumb> = trail
        .iter()
        .map(|s| Crumb {
            label: s.name.clone(),
            href: (s.slug != row.slug).then(|| Page::section(&s.slug).path(lang)),
        })
        .collect();
    let children = sections::children(pool, lang, row.id).await?;
    let (stories, total) = sections::listing(pool, lang, row.id, page, PAGE_SIZE).await?;
    let alternates = alternates::of_section(pool, row.id).await?;
    Ok(Some(SectionPage {
        section: row.link(),
        description: row.description,
        breadcrumb,
        children,
        stories,
        page,
        total_pages: total.div_ceil(PAGE_SIZE).max(1),
        total,
        structured_data: Vec::new(),
        alternates,
    }))
}

/// One page of the stories with a tag, in the shape of a section listing (no
/// sub-sections, no description), or `None` for an unknown tag.
pub async fn tag(pool: &Db, lang: Lang, slug: &str, page: u32) -> DataResult<Option<SectionPage>> {
    let Some((id, link)) = super::tags::by_slug(pool, lang, slug).await? else {
        return Ok(None);
    };
    let (stories, total) = super::tags::listing(pool, lang, id, page, PAGE_SIZE).await?;
    let breadcrumb = vec![Crumb {
        label: link.name.clone(),
        href: None,
    }];
    let alternates = alternates::of_tag(pool, id).await?;
    Ok(Some(SectionPage {
        section: link,
        description: String::new(),
        breadcrumb,
        children: Vec::new(),
        stories,
        page,
        total_pages: total.div_ceil(PAGE_SIZE).max(1),
        total,
        structured_data: Vec::new(),
        alternates,
    }))
}

/// A full article or static page with breadcrumb, related posts and latest news.
pub async fn story(
    pool: &Db,
    lang: Lang,
    slug: &str,
    page_kind: bool,
) -> DataResult<Option<ArticlePage>> {
    let Some(row) = stories::by_slug(pool, lang, slug, page_kind).await? else {
        return Ok(None);
    };
    story_page(pool, lang, row, page_kind).await.map(Some)
}

/// Version `lang` of story `story_id` in its page as readers will see it once
/// published, whatever its status (the back office's preview).
pub async fn preview(pool: &Db, story_id: i64, lang: Lang) -> DataResult<Option<ArticlePage>> {
    let Some(row) = stories::any_version(pool, story_id, lang).await? else {
        return Ok(None);
    };
    let page_kind = row.details.kind == StoryKind::Page;
    story_page(pool, lang, row, page_kind).await.map(Some)
}

/// The page of a story found by [`story`] or [`preview`].
async fn story_page(
    pool: &Db,
    lang: Lang,
    row: stories::StoryRow,
    page_kind: bool,
) -> DataResult<ArticlePage> {
    let (card, rest) = row.into_card();
    let slug = card.slug.clone();
    let slug = slug.as_str();
    let mut breadcrumb = Vec::new();
    let mut related = Vec::new();
    let is_profile = rest.kind == StoryKind::Profile;
    if let Some(section_id) = rest.section_id {
        for s in sections::ancestry(pool, lang, section_id).await? {
            breadcrumb.push(Crumb {
                href: Some(Page::section(&s.slug).path(lang)),
                label: s.name,
            });
        }
        if !is_profile {
            related = stories::related(pool, lang, section_id, &card.published_at, slug, 6).await?;
        }
    }
    if is_profile {
        // Profiles are browsed in their gallery, which the trail leads back to; their
        // related stories are the ones about the person.
        if let Some(crumb) = breadcrumb.last_mut().filter(|_| rest.section_id.is_some()) {
            crumb.href = Some(Page::Named(Named::Faces).path(lang));
        }
        related = faces::stories_about(pool, lang, rest.story_id).await?;
    }
    breadcrumb.push(Crumb {
        label: card.title.clone(),
        href: None,
    });
    let latest = if page_kind {
        Vec::new()
    } else {
        stories::latest(pool, lang, 4, Some(slug)).await?
    };
    let person = faces::person(pool, lang, rest.story_id, rest.kind).await?;
    let tags = super::tags::of_story(pool, rest.story_id, lang).await?;
    let alternates = alternates::of_story(pool, rest.kind, rest.story_id, rest.section_id).await?;
    Ok(ArticlePage {
        story_id: rest.story_id,
        card,
        body_html: super::body_images::with_renditions(pool, rest.body_html).await?,
        signature: rest.signature,
        source: rest.source,
        updated_at: rest.updated_at,
        breadcrumb,
        related,
        latest,
        person,
        tags,
        structured_data: Vec::new(),
        alternates,
    })
}
