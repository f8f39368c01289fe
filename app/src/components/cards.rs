//! How a story appears in lists: lead (home), standard (listings), thumbnail (latest
//! news) and compact (related posts).

use crate::components::layout::use_lang;
use crate::i18n::format_date;
use content::address::story_path;
use content::address::Page;
use content::model::{Image, StoryCard};
use leptos::prelude::*;

/// The shape a card takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CardStyle {
    Lead,
    Standard,
    Thumb,
    Compact,
}

/// A publication date, readable in the edition's language and machine-readable.
#[component]
pub fn DateLine(iso: String) -> impl IntoView {
    let lang = use_lang();
    let shown = iso.clone();
    view! { <time datetime=iso>{move || format_date(lang.get(), &shown)}</time> }
}

/// A cover image that reserves its space (width/height) and loads lazily below the fold.
/// With WebP renditions it is a `<picture>`: browsers that read WebP take the lighter
/// files, the others the JPEG/PNG ones of the `<img>`. An `eager` cover is the page's
/// largest picture (its LCP): it is fetched at high priority, ahead of the scripts.
/// `sizes` is written only beside a `srcset`, the only thing it describes.
#[component]
pub fn Cover(
    image: Image,
    #[prop(default = "(min-width: 60rem) 40rem, 100vw")] sizes: &'static str,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let webp = (!image.webp_srcset.is_empty()).then_some(image.webp_srcset);
    let has_srcset = !image.srcset.is_empty();
    let img = view! {
        <img
            class="cover"
            src=image.src
            srcset=has_srcset.then_some(image.srcset)
            width=image.width
            height=image.height
            alt=image.alt
            sizes=has_srcset.then_some(sizes)
            loading=if eager { "eager" } else { "lazy" }
            fetchpriority=eager.then_some("high")
            decoding=if eager { "auto" } else { "async" }
        />
    };
    match webp {
        Some(srcset) => view! {
            <picture class="cover-picture">
                <source type="image/webp" srcset=srcset sizes=sizes/>
                {img}
            </picture>
        }
        .into_any(),
        None => img.into_any(),
    }
}

/// One story in a list, linking to its article page.
#[component]
pub fn Card(card: StoryCard, style: CardStyle) -> impl IntoView {
    let lang = use_lang();
    let href = story_path(lang.get_untracked(), card.kind, &card.slug);
    let class = match style {
        CardStyle::Lead => "card card-lead",
        CardStyle::Standard => "card card-standard",
        CardStyle::Thumb => "card card-thumb",
        CardStyle::Compact => "card card-compact",
    };
    let show_cover = style != CardStyle::Compact;
    let show_summary = matches!(style, CardStyle::Lead | CardStyle::Standard);
    let section = card.section.clone().filter(|_| style != CardStyle::Compact);
    let heading = if style == CardStyle::Lead {
        view! { <h2 class="card-title"><a href=href.clone()>{card.title.clone()}</a></h2> }
            .into_any()
    } else {
        view! { <h3 class="card-title"><a href=href.clone()>{card.title.clone()}</a></h3> }
            .into_any()
    };
    view! {
        <article class=class>
            {card.cover.filter(|_| show_cover).map(|image| {
                let sizes = if style == CardStyle::Thumb { "8rem" } else { "(min-width: 60rem) 40rem, 100vw" };
                view! {
                    <a class="card-media" href=href.clone() tabindex="-1" aria-hidden="true">
                        <Cover image sizes eager=style == CardStyle::Lead/>
                    </a>
                }
            })}
            <div class="card-body">
                {section.map(|s| view! {
                    <a class="card-section" href=Page::section(&s.slug).path(lang.get_untracked())>{s.name}</a>
                })}
                {heading}
                <DateLine iso=card.published_at.clone()/>
                {show_summary.then(|| view! { <p class="card-summary">{card.summary.clone()}</p> })}
            </div>
        </article>
    }
}

/// A list of cards of one style.
#[component]
pub fn CardList(
    cards: Vec<StoryCard>,
    style: CardStyle,
    #[prop(default = "card-list")] class: &'static str,
) -> impl IntoView {
    view! {
        <div class=class>
            {cards.into_iter().map(|card| view! { <Card card style/> }).collect_view()}
        </div>
    }
}
