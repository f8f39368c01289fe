//! `/{lang}/podcasts` (programmes, latest episodes), `/{lang}/podcasts/{programme}`
//! (its episodes in order, its podcast feed) and `/{lang}/podcasts/episode/{slug}`
//! (player, speakers, strand, transcript). Without JavaScript each episode has the
//! browser's own audio player; after hydration "Listen" sends it to the site's
//! player, which keeps playing across pages.

use crate::api::podcasts::{get_episode, get_podcasts, get_programme};
use crate::components::breadcrumb::Breadcrumb;
use crate::components::cards::DateLine;
use crate::components::layout::use_lang;
use crate::components::meta::PageMeta;
use crate::components::status::{loaded_page, LoadError, Loading};
use crate::i18n::clock;
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::{edition_page, load_item};
use content::address::story_path;
use content::address::{Named, Page};
use content::lang::Lang;
use content::model::{Crumb, EpisodeCard, EpisodePage, Programme, ProgrammePage};
use leptos::prelude::*;

crate::page_route!(
    /// The podcasts list.
    PodcastsRoute => PodcastsPage, Page::Named(Named::Podcasts)
);
crate::page_route!(
    /// One programme.
    ProgrammeRoute => ProgrammeDetailPage, loads ProgrammePage = load_item(get_programme)
);
crate::page_route!(
    /// One episode.
    EpisodeRoute => EpisodeDetailPage, loads EpisodePage = load_item(get_episode)
);

fn programme_path(lang: Lang, slug: &str) -> String {
    Page::Programme(slug.into()).path(lang)
}

/// The audio of an episode: the browser's player in the server's HTML, and beside it
/// the site's "Listen" button, hidden until the page's player runs
/// (`audio_player::take_over_listen_buttons` then shows it instead of the browser's).
#[component]
fn Listen(episode: EpisodeCard) -> impl IntoView {
    let lang = use_lang().get_untracked();
    episode.audio.clone().map(|audio| {
        let title = episode.card.title.clone();
        view! {
            <button type="button" class="button listen" hidden
                data-src=audio.href.clone()
                data-title=title.clone()
                data-href=story_path(lang, episode.card.kind, &episode.card.slug)
                data-duration=episode.duration_seconds.to_string()>
                {format!("▶ {}", lang.podcasts().listen)}
            </button>
            <audio class="native-player" controls preload="none" src=audio.href aria-label=title></audio>
        }
    })
}

/// An episode in a list.
#[component]
fn EpisodeItem(episode: EpisodeCard) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let p = lang.podcasts();
    let href = story_path(lang, episode.card.kind, &episode.card.slug);
    view! {
        <article class="episode-item">
            <p class="episode-kicker">
                {Strings::fill(p.episode, &[("number", episode.number.to_string())])}
                {(!episode.strand.is_empty()).then(|| format!(" · {}", episode.strand))}
            </p>
            <h3><a href=href>{episode.card.title.clone()}</a></h3>
            <p class="episode-meta">
                <DateLine iso=episode.card.published_at.clone()/>
                " · "<span dir="ltr">{clock(episode.duration_seconds as f64)}</span>
                " · "{episode.speakers.clone()}
            </p>
            <Listen episode/>
        </article>
    }
}

fn programme_card(lang: Lang, programme: Programme) -> impl IntoView {
    let p = lang.podcasts();
    view! {
        <li class="programme-card">
            <h3><a href=programme_path(lang, &programme.slug)>{programme.name}</a></h3>
            <p>{programme.description}</p>
            <p class="episode-meta">{p.episodes.count(lang, programme.episode_count as usize)}</p>
        </li>
    }
}

/// `/{lang}/podcasts`.
#[component]
pub fn PodcastsPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(move || lang.get(), get_podcasts);
    edition_page(move |lang| {
        let p = lang.podcasts();
        view! {
        <PageMeta title=format!("{} — {}", p.title, lang.t().site_name) description=p.intro.to_owned() path=Page::Named(Named::Podcasts).path(lang)/>
        <div class="container podcasts-page">
            <header class="page-head"><h1>{p.title}</h1><p class="lede">{p.intro}</p></header>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! {
                            <section><h2>{p.programmes}</h2>
                                <ul class="programme-list">{page.programmes.into_iter().map(|pr| programme_card(lang, pr)).collect_view()}</ul>
                            </section>
                            <section><h2>{p.latest}</h2>
                                <div class="episode-list">{page.latest.into_iter().map(|episode| view! { <EpisodeItem episode/> }).collect_view()}</div>
                            </section>
                        }.into_any(),
                        Err(_) => view! { <LoadError/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
        .into_any()
    })
}

/// `/{lang}/podcasts/{programme}`.
#[component]
pub fn ProgrammeDetailPage(
    data: Resource<Result<Option<ProgrammePage>, ServerFnError>>,
) -> impl IntoView {
    loaded_page(data, move |page| view! { <ProgrammeView page/> }.into_any())
}

#[component]
fn ProgrammeView(page: ProgrammePage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let p = lang.podcasts();
    let path = programme_path(lang, &page.programme.slug);
    let crumbs = vec![
        Crumb {
            label: lang.t().home.to_owned(),
            href: Some(Page::Home.path(lang)),
        },
        Crumb {
            label: p.title.to_owned(),
            href: Some(Page::Named(Named::Podcasts).path(lang)),
        },
        Crumb {
            label: page.programme.name.clone(),
            href: None,
        },
    ];
    let feed = format!("{path}/feed.xml");
    view! {
        <PageMeta title=format!("{} — {}", page.programme.name, lang.t().site_name) description=page.programme.description.clone() path=path.clone()/>
        <leptos_meta::Link rel="alternate" type_="application/rss+xml" title=page.programme.name.clone() href=feed.clone()/>
        <div class="container podcasts-page">
            <Breadcrumb crumbs/>
            <header class="page-head">
                <h1>{page.programme.name.clone()}</h1>
                <p class="lede">{page.programme.description.clone()}</p>
                <p><a class="feed-link" href=feed>{p.subscribe_feed}</a></p>
            </header>
            // The list's heading, for screen readers' heading navigation (and the
            // outline: each episode is an h3).
            <h2 class="visually-hidden">{p.episodes.count(lang, page.episodes.len())}</h2>
            <div class="episode-list">{page.episodes.into_iter().map(|episode| view! { <EpisodeItem episode/> }).collect_view()}</div>
        </div>
    }
}

/// `/{lang}/podcasts/episode/{slug}`.
#[component]
pub fn EpisodeDetailPage(
    data: Resource<Result<Option<EpisodePage>, ServerFnError>>,
) -> impl IntoView {
    loaded_page(data, move |page| view! { <EpisodeView page/> }.into_any())
}

#[component]
fn EpisodeView(page: EpisodePage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let p = lang.podcasts();
    let episode = page.episode.clone();
    let crumbs = vec![
        Crumb {
            label: p.title.to_owned(),
            href: Some(Page::Named(Named::Podcasts).path(lang)),
        },
        Crumb {
            label: episode.programme_name.clone(),
            href: Some(programme_path(lang, &episode.programme_slug)),
        },
        Crumb {
            label: episode.card.title.clone(),
            href: None,
        },
    ];
    let details: Vec<(&str, String)> = vec![
        (p.speakers, episode.speakers.clone()),
        (p.strand, episode.strand.clone()),
        (p.duration, clock(episode.duration_seconds as f64)),
    ];
    let download = episode.audio.clone().map(|audio| {
        view! {
            <p><a href=audio.href download>{p.download}</a></p>
        }
    });
    let body = view! {
        <dl class="book-details">
            {details.into_iter().filter(|(_, v)| !v.is_empty()).map(|(term, value)| view! {
                <div><dt>{term}</dt><dd>{value}</dd></div>
            }).collect_view()}
        </dl>
        <Listen episode=episode.clone()/>
        {download}
        <section class="episode-transcript">
            <h2>{p.transcript}</h2>
            {page.transcript.into_iter().map(|paragraph| view! { <p>{paragraph}</p> }).collect_view()}
        </section>
    }
    .into_any();
    view! {
        <PageMeta
            title=format!("{} — {}", episode.card.title, lang.t().site_name)
            description=episode.card.summary.clone()
            path=story_path(lang, episode.card.kind, &episode.card.slug)
        />
        <div class="container episode-page">
            <Breadcrumb crumbs/>
            <p class="episode-kicker">{Strings::fill(p.episode, &[("number", episode.number.to_string())])}</p>
            <h1>{episode.card.title.clone()}</h1>
            <p class="episode-meta"><DateLine iso=episode.card.published_at.clone()/></p>
            {body}
        </div>
    }
}
