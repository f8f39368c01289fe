//! `/{lang}/podcasts/{programme}/feed.xml`: a programme as a podcast feed that podcast
//! apps subscribe to (RSS 2.0 with the iTunes tags they read: artwork, author,
//! category, duration, episode number; the audio as enclosure with its size and type).

use crate::http::syndication::{not_found, Syndication};
use app::i18n::Texts;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use content::address::story_path;
use content::lang::Lang;
use content::podcasts::programme;
use rss::extension::itunes::{
    ITunesCategory, ITunesChannelExtension, ITunesItemExtension, ITunesOwner,
};

/// The feed of one programme in one edition.
pub async fn programme_feed(
    State(state): State<Syndication>,
    Path((lang, slug)): Path<(String, String)>,
) -> Response {
    let Some(lang) = Lang::from_code(&lang) else {
        return not_found();
    };
    let page = match programme(&state.pool, lang, &slug).await {
        Ok(Some(page)) => page,
        Ok(None) => return not_found(),
        Err(err) => {
            tracing::error!(%err, "podcast feed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let site = &state.site_url;
    let t = lang.t();
    let artwork = format!("{site}/icons/icon-512.png");
    let link = format!(
        "{site}/{}/podcasts/{}",
        lang.code(),
        content::address::encode_segment(&page.programme.slug)
    );
    let items: Vec<rss::Item> = page
        .episodes
        .iter()
        .rev()
        .map(|episode| {
            let url = format!(
                "{site}{}",
                story_path(lang, episode.card.kind, &episode.card.slug)
            );
            let published = chrono::DateTime::parse_from_rfc3339(&episode.card.published_at)
                .unwrap_or_default()
                .to_rfc2822();
            rss::Item {
                title: Some(episode.card.title.clone()),
                link: Some(url.clone()),
                description: Some(episode.card.summary.clone()),
                guid: Some(rss::Guid {
                    value: url,
                    permalink: true,
                }),
                pub_date: Some(published),
                enclosure: episode.audio.as_ref().map(|audio| rss::Enclosure {
                    url: format!("{site}{}", audio.href),
                    length: audio.bytes.to_string(),
                    mime_type: "audio/wav".into(),
                }),
                itunes_ext: Some(ITunesItemExtension {
                    author: Some(episode.speakers.clone()),
                    duration: Some(app::i18n::clock(episode.duration_seconds as f64)),
                    episode: Some(episode.number.to_string()),
                    summary: Some(episode.card.summary.clone()),
                    explicit: Some("false".into()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .collect();
    let channel = rss::Channel {
        title: format!("{} — {}", page.programme.name, t.site_name),
        link,
        description: page.programme.description.clone(),
        language: Some(lang.code().into()),
        image: Some(rss::Image {
            url: artwork.clone(),
            title: format!("{} — {}", page.programme.name, t.site_name),
            link: site.clone(),
            ..Default::default()
        }),
        itunes_ext: Some(ITunesChannelExtension {
            author: Some(t.site_name.into()),
            image: Some(artwork),
            categories: vec![ITunesCategory {
                text: "Society & Culture".into(),
                subcategory: None,
            }],
            explicit: Some("false".into()),
            summary: Some(page.programme.description.clone()),
            owner: Some(ITunesOwner {
                name: Some(t.site_name.into()),
                email: Some(content::site::CONTACT_EMAIL.into()),
            }),
            r#type: Some("episodic".into()),
            ..Default::default()
        }),
        items,
        ..Default::default()
    };
    (
        [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
        channel.to_string(),
    )
        .into_response()
}
