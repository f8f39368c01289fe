//! `/{lang}/article/{slug}` and `/{lang}/page/{slug}`: one story in full, with
//! breadcrumb, date, signature and source, related posts and latest news.

use crate::api::preview::get_preview;
use crate::api::stories::get_story;
use crate::components::breadcrumb::Breadcrumb;
use crate::components::cards::{CardList, CardStyle, Cover, DateLine};
use crate::components::layout::use_lang;
use crate::components::meta::{share_image, site_url, JsonLd, PageMeta};
use crate::components::share_bar::ShareBar;
use crate::components::status::loaded_page;
use crate::i18n::Texts;
use crate::pages::load_item;
use content::address::Page;
use content::model::{ArticlePage as Article, Person, StoryKind};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

crate::page_route!(
    /// An article, interview or face in full.
    ArticleRoute => ArticlePage, loads Article = load_story(false)
);
crate::page_route!(
    /// A static page.
    StaticPageRoute => StaticPage, loads Article = load_story(true)
);
crate::page_route!(
    /// A back-office preview: a draft has no published editions, so
    /// the switcher leads to the front pages.
    PreviewRoute => PreviewPage, Page::Home
);

/// What a story page receives: its story, loading.
type Story = Resource<Result<Option<Article>, ServerFnError>>;

/// The story at the route's `:slug`: an article (`page_kind = false`) or a static page.
fn load_story(page_kind: bool) -> Story {
    load_item(move |lang, slug| get_story(lang, slug, page_kind))
}

/// An article page.
#[component]
pub fn ArticlePage(data: Story) -> impl IntoView {
    view! { <StoryPage data page_kind=false/> }
}

/// A static page (Qui sommes-nous, Mentions légales, Contact…).
#[component]
pub fn StaticPage(data: Story) -> impl IntoView {
    view! { <StoryPage data page_kind=true/> }
}

/// `/{lang}/preview/{id}`: version `lang` of story `id` as readers will see it once
/// published, whatever its status. Back office only: the back office's guard asks for a
/// session, and the page is never indexed nor cached.
#[component]
pub fn PreviewPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let story = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let data = Resource::new(
        move || (lang.get(), story()),
        move |(lang, story)| async move {
            match story {
                Some(story) => get_preview(story, lang).await,
                None => Ok(None),
            }
        },
    );
    loaded_page(data, move |article| {
        let page_kind = article.card.kind == StoryKind::Page;
        let lang = lang.get_untracked();
        let t = lang.t();
        let editor = format!(
            "/admin/stories/{}/{}",
            story().unwrap_or_default(),
            lang.code()
        );
        view! {
            <Meta name="robots" content="noindex, nofollow"/>
            <p class="preview-notice" role="status">{t.preview_notice}" "<a href=editor rel="external">{t.back_to_editor}</a></p>
            <StoryView article page_kind/>
        }
        .into_any()
    })
}

#[component]
fn StoryPage(data: Story, page_kind: bool) -> impl IntoView {
    loaded_page(data, move |article| {
        view! { <StoryView article page_kind/> }.into_any()
    })
}

#[component]
fn StoryView(article: Article, page_kind: bool) -> impl IntoView {
    let lang = use_lang();
    let t = lang.get_untracked().t();
    let card = article.card.clone();
    let site = site_url();
    let canonical = content::address::story_path(lang.get_untracked(), card.kind, &card.slug);
    let description = if card.summary.is_empty() {
        card.title.clone()
    } else {
        card.summary.clone()
    };
    let article_properties = if page_kind {
        Vec::new()
    } else {
        let mut properties = vec![
            ("article:published_time", card.published_at.clone()),
            ("article:modified_time", article.updated_at.clone()),
        ];
        properties.extend(
            card.section
                .as_ref()
                .map(|s| ("article:section", s.name.clone())),
        );
        properties
    };
    view! {
        <PageMeta
            title=format!("{} — {}", card.title, t.site_name)
            description=description
            path=canonical.clone()
            og_type=if page_kind { "website" } else { "article" }
            image=card.cover.clone()
            feed=Some(Page::Home.path(lang.get_untracked()))
            properties=article_properties
        />
        <JsonLd blocks=article.structured_data.clone()/>
        <div class="container article-layout">
            <article class="article" class:static-page=page_kind class:interview=card.kind == StoryKind::Interview class:profile=card.kind == StoryKind::Profile>
                <Breadcrumb crumbs=article.breadcrumb/>
                <header class="article-head">
                    {card.section.clone().map(|s| view! {
                        <a class="card-section" href=Page::section(&s.slug).path(lang.get_untracked())>{s.name}</a>
                    })}
                    <h1>{card.title.clone()}</h1>
                    {(!page_kind).then(|| view! { <p class="article-date"><DateLine iso=card.published_at.clone()/></p> })}
                    {(!page_kind && !card.summary.is_empty()).then(|| view! { <p class="lede">{card.summary.clone()}</p> })}
                </header>
                {(!page_kind).then(|| view! {
                    <div class="article-tools">
                        {view! { <ShareBar lang=lang.get_untracked() url=format!("{site}{canonical}") title=card.title.clone() image=share_image(card.cover.as_ref()).src/> }.into_any()}
                        // Shown by /pwa.js where the browser can keep pages (service worker + caches).
                        // Both labels are rendered; CSS shows one by aria-pressed, so the
                        // script only sets attributes and never rewrites the app's nodes.
                        <button type="button" class="save-offline" hidden aria-pressed="false">
                            <span class="save-label">{t.save_offline}</span>
                            <span class="saved-label">{t.saved_offline}</span>
                        </button>
                    </div>
                })}
                {article.person.clone().map(|person| view! { <PersonBox person interview=card.kind == StoryKind::Interview/> })}
                // A profile's cover is the person's photo, shown in their box.
                {card.cover.clone().filter(|_| !page_kind && card.kind != StoryKind::Profile).map(|image| view! {
                    <figure class="article-cover"><Cover image eager=true/></figure>
                })}
                <div class="article-body" inner_html=article.body_html></div>
                {(!article.signature.is_empty()).then(|| view! { <p class="signature">{article.signature.clone()}</p> })}
                {(!article.source.is_empty()).then(|| view! {
                    <p class="source">{t.source}" "<strong>{article.source.clone()}</strong></p>
                })}
                {(!article.tags.is_empty()).then(|| view! {
                    <nav class="story-tags" aria-label=t.tags>
                        <h2 class="visually-hidden">{t.tags}</h2>
                        <ul>
                            {article.tags.iter().map(|tag| view! {
                                <li><a rel="tag" href=Page::tag(&tag.slug).path(lang.get_untracked())>{tag.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                })}
            </article>
            {(!page_kind).then(|| view! {
                <aside class="article-aside">
                    {(!article.related.is_empty()).then(|| view! {
                        <section class="related">
                            <h2 class="block-title">{t.related_posts}</h2>
                            <CardList cards=article.related style=CardStyle::Compact class="card-list card-list-compact"/>
                        </section>
                    })}
                    <section class="latest">
                        <h2 class="block-title">{t.our_latest_news}</h2>
                        <CardList cards=article.latest style=CardStyle::Thumb class="card-list card-list-thumbs"/>
                    </section>
                </aside>
            })}
        </div>
    }
}

/// Who an interview or a profile is about: portrait, name, role or field, where they
/// live, and (interviews) a link to their profile among the faces of the diaspora.
#[component]
fn PersonBox(person: Person, interview: bool) -> impl IntoView {
    let f = use_lang().get_untracked().faces();
    let label = person.name.clone();
    let role = match &person.field {
        Some(field) => f.field_name(field).to_owned(),
        None => person.role,
    };
    view! {
        <section class="person-box" aria-label=label>
            {person.portrait.map(|image| view! { <Cover image sizes="8rem" eager=true/> })}
            <div>
                {interview.then(|| view! { <p class="person-label">{f.interviewed}</p> })}
                <p class="person-name">{person.name}</p>
                {(!role.is_empty()).then(|| view! { <p class="person-role">{role}</p> })}
                {(!person.place.is_empty()).then(|| view! { <p class="person-place">{person.place}</p> })}
                {person.profile_href.map(|href| view! { <p><a href=href>{f.see_profile}</a></p> })}
            </div>
        </section>
    }
}
