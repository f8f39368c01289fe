//! `/{lang}/section/{slug}?page=N`: a section's stories, newest first, sub-sections
//! included, with breadcrumb and pagination; and `/{lang}/tag/{slug}?page=N`, the
//! stories with a tag, in the same layout.

use crate::api::stories::{get_section, get_tag};
use crate::components::breadcrumb::Breadcrumb;
use crate::components::cards::{CardList, CardStyle};
use crate::components::layout::use_lang;
use crate::components::meta::{JsonLd, PageMeta};
use crate::components::pagination::Pagination;
use crate::components::status::loaded_page;
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::{use_page_param, use_route_item, UntranslatedNotice};
use content::address::Page;
use content::lang::Lang;
use content::model::SectionPage as SectionData;
use leptos::prelude::*;

crate::page_route!(
    /// A section's listing.
    SectionRoute => SectionPage, loads SectionData = load(get_section)
);
crate::page_route!(
    /// A tag's listing.
    TagRoute => TagPage, loads SectionData = load(get_tag)
);

/// What a listing page receives: its section or tag, loading.
type Listing = Resource<Result<Option<SectionData>, ServerFnError>>;

/// The page of one section.
#[component]
pub fn SectionPage(data: Listing) -> impl IntoView {
    listing(Listed::Section, data)
}

/// The stories with one tag.
#[component]
pub fn TagPage(data: Listing) -> impl IntoView {
    listing(Listed::Tag, data)
}

/// What a listing lists: it decides the address and whether there is a feed.
#[derive(Clone, Copy, PartialEq)]
enum Listed {
    Section,
    Tag,
}

impl Listed {
    fn page(self, slug: &str) -> Page<'_> {
        match self {
            Listed::Section => Page::section(slug),
            Listed::Tag => Page::tag(slug),
        }
    }
}

/// A listing loaded by `fetch` (section or tag) from the route's edition and `:slug`
/// and the `?page=` asked for.
fn load<Fut>(fetch: fn(Lang, String, u32) -> Fut) -> Listing
where
    Fut: std::future::Future<Output = Result<Option<SectionData>, ServerFnError>> + Send + 'static,
{
    let item = use_route_item();
    let page = use_page_param();
    Resource::new(
        move || (item(), page()),
        move |((lang, slug), page)| fetch(lang, slug, page),
    )
}

/// A listing of `kind` (section or tag).
fn listing(kind: Listed, data: Listing) -> impl IntoView {
    loaded_page(data, move |section| {
        view! { <SectionView section kind/> }.into_any()
    })
}

/// One loaded page of a section or a tag.
#[component]
fn SectionView(section: SectionData, kind: Listed) -> impl IntoView {
    let lang = use_lang();
    let t = lang.get_untracked().t();
    let base = kind.page(&section.section.slug).path(lang.get_untracked());
    let out_of_range = section.stories.is_empty() && section.total > 0;
    let title = if section.page > 1 {
        format!(
            "{} — {} — {}",
            section.section.name,
            Strings::fill(
                t.page_of,
                &[
                    ("page", section.page.to_string()),
                    ("total", section.total_pages.to_string())
                ]
            ),
            t.site_name
        )
    } else {
        format!("{} — {}", section.section.name, t.site_name)
    };
    let description = if section.description.is_empty() {
        format!("{} — {}", section.section.name, t.tagline)
    } else {
        section.description.clone()
    };
    let canonical = if section.page > 1 {
        format!("{base}?page={}", section.page)
    } else {
        base.clone()
    };
    view! {
        <PageMeta
            title=title
            description=description
            path=canonical
            feed=(kind == Listed::Section).then(|| format!("{base}/"))
        />
        <JsonLd blocks=section.structured_data.clone()/>
        <div class="container section-page">
            <Breadcrumb crumbs=section.breadcrumb/>
            <UntranslatedNotice/>
            <header class="page-head">
                <h1>{section.section.name.clone()}</h1>
                {(!section.description.is_empty()).then(|| view! { <p class="lede">{section.description.clone()}</p> })}
                <p class="count">{Strings::fill(t.article_count, &[("count", section.total.to_string())])}</p>
            </header>
            {(!section.children.is_empty()).then(|| view! {
                <nav class="subsections" aria-label=t.subsections>
                    <ul>
                        {section.children.iter().map(|c| view! {
                            <li><a href=Page::section(&c.slug).path(lang.get_untracked())>{c.name.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
            })}
            {if out_of_range {
                view! { <p class="notice">{t.page_out_of_range}</p> }.into_any()
            } else if section.stories.is_empty() {
                view! { <p class="notice">{t.empty_section}</p> }.into_any()
            } else {
                // The list's heading (cards are h3s): for screen readers and the outline.
                view! {
                    <h2 class="visually-hidden">{Strings::fill(t.article_count, &[("count", section.total.to_string())])}</h2>
                    <CardList cards=section.stories style=CardStyle::Standard class="card-list card-list-standard"/>
                }.into_any()
            }}
            <Pagination base page=section.page total_pages=section.total_pages/>
        </div>
    }
}
