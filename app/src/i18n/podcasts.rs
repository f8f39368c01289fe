//! Text of the podcasts pages and of the audio player in the three editions.

use super::Plural;

/// Labels of the podcasts pages and the player.
#[derive(Debug)]
pub struct PodcastStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub programmes: &'static str,
    pub latest: &'static str,
    /// `{count}` episodes.
    pub episodes: Plural,
    /// Episode `{number}`.
    pub episode: &'static str,
    pub speakers: &'static str,
    pub strand: &'static str,
    pub duration: &'static str,
    pub transcript: &'static str,
    pub listen: &'static str,
    pub download: &'static str,
    pub subscribe_feed: &'static str,
    pub player: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub seek: &'static str,
    pub speed: &'static str,
    pub back_15: &'static str,
    pub forward_15: &'static str,
    pub close_player: &'static str,
    pub now_playing: &'static str,
}
