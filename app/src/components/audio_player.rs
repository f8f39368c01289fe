//! The site's audio player. It lives in the layout, outside the routed pages, so an
//! episode keeps playing while the reader goes on to other pages (after hydration;
//! without JavaScript each episode page has the browser's own player). Controls are
//! real buttons, a range input and a select: keyboard and screen-reader friendly;
//! time is shown and announced as "0:12 / 0:30".

use crate::components::layout::use_lang;
use leptos::prelude::*;

/// An episode loaded in the player.
#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    pub src: String,
    pub title: String,
    /// The episode's page.
    pub href: String,
    pub duration: u32,
}

/// The player's state, shared through the layout's context. One `<audio>` element
/// for the life of the page: a new episode changes its source, never the element.
#[derive(Clone, Copy)]
pub struct Player {
    pub track: RwSignal<Option<Track>>,
    audio: NodeRef<leptos::html::Audio>,
}

impl Player {
    /// Loads `track` and starts it (called from the reader's click, so browsers allow
    /// playing with sound).
    pub fn play(&self, track: Track) {
        #[cfg(feature = "hydrate")]
        if let Some(element) = self.audio.get_untracked() {
            element.set_src(&track.src);
            let _ = element.play();
        }
        self.track.set(Some(track));
    }
}

/// Puts a player in context (called once by the layout).
pub fn provide_player() {
    provide_context(Player {
        track: RwSignal::new(None),
        audio: NodeRef::new(),
    });
}

/// The player of the layout.
pub fn use_player() -> Player {
    expect_context::<Player>()
}

/// `75` → `1:15`.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).floor() as u64;
    format!("{}:{:02}", total / 60, total % 60)
}

const SPEEDS: [f64; 5] = [0.75, 1.0, 1.25, 1.5, 2.0];

/// The fixed player bar, shown once something is playing.
#[component]
pub fn AudioPlayer() -> impl IntoView {
    let lang = use_lang();
    let p = move || lang.get().podcasts();
    let player = use_player();
    let audio = player.audio;
    let current = RwSignal::new(0.0_f64);
    let duration = RwSignal::new(0.0_f64);
    let playing = RwSignal::new(false);
    let toggle = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = audio.get() {
            if element.paused() {
                let _ = element.play();
            } else {
                let _ = element.pause();
            }
        }
    };
    let jump = move |by: f64| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = audio.get() {
            element.set_current_time(
                (element.current_time() + by).clamp(0.0, duration.get_untracked()),
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = by;
    };
    let seek = move |ev: leptos::ev::Event| {
        let value: f64 = event_target_value(&ev).parse().unwrap_or(0.0);
        current.set(value);
        #[cfg(feature = "hydrate")]
        if let Some(element) = audio.get() {
            element.set_current_time(value);
        }
    };
    let speed = move |ev: leptos::ev::Event| {
        let rate: f64 = event_target_value(&ev).parse().unwrap_or(1.0);
        #[cfg(feature = "hydrate")]
        if let Some(element) = audio.get() {
            element.set_playback_rate(rate);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = rate;
    };
    let read_time = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = audio.get() {
            current.set(element.current_time());
            let total = element.duration();
            if total.is_finite() {
                duration.set(total);
            }
        }
    };
    let time_text = move || format!("{} / {}", clock(current.get()), clock(duration.get()));
    let title = move || {
        player.track.get().map(|track| {
            view! {
                <p class="player-title">
                    <span class="player-label">{move || p().now_playing}</span>
                    <a href=track.href.clone()>{track.title.clone()}</a>
                </p>
            }
        })
    };
    // A new track: its known length until the file's own metadata arrives.
    Effect::new(move |_| {
        if let Some(track) = player.track.get() {
            current.set(0.0);
            duration.set(track.duration as f64);
        }
    });
    view! {
        <section class="audio-player" aria-label=move || p().player hidden=move || player.track.with(Option::is_none)>
            <audio
                node_ref=audio
                preload="none"
                on:timeupdate=read_time
                on:loadedmetadata=read_time
                on:play=move |_| playing.set(true)
                on:pause=move |_| playing.set(false)
                on:ended=move |_| playing.set(false)
            ></audio>
            {title}
            <div class="player-controls">
                <button type="button" class="player-skip" on:click=move |_| jump(-15.0) aria-label=move || p().back_15>"−15"</button>
                <button
                    type="button"
                    class="player-toggle"
                    on:click=toggle
                    aria-label=move || if playing.get() { p().pause } else { p().play }
                >
                    {move || if playing.get() { "❚❚" } else { "▶" }}
                </button>
                <button type="button" class="player-skip" on:click=move |_| jump(15.0) aria-label=move || p().forward_15>"+15"</button>
                <input
                    type="range"
                    class="player-seek"
                    min="0"
                    step="1"
                    max=move || duration.get().ceil().to_string()
                    prop:value=move || current.get().floor().to_string()
                    aria-label=move || p().seek
                    aria-valuetext=time_text
                    on:input=seek
                />
                <span class="player-time" dir="ltr">{time_text}</span>
                <label class="player-speed">
                    <span class="visually-hidden">{move || p().speed}</span>
                    <select on:change=speed>
                        {SPEEDS.iter().map(|&s| view! {
                            <option value=s.to_string() selected=s == 1.0>{format!("{s}×")}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="player-close"
                    aria-label=move || p().close_player
                    on:click=move |_| {
                        #[cfg(feature = "hydrate")]
                        if let Some(element) = audio.get() {
                            let _ = element.pause();
                        }
                        player.track.set(None);
                    }
                >"×"</button>
            </div>
        </section>
    }
}
