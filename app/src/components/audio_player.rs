//! The site's audio player. It lives in the layout, outside the routed pages, so an
//! episode keeps playing while the reader goes on to other pages (after hydration;
//! without JavaScript each episode page has the browser's own player). Controls are
//! real buttons, a range input and a select: keyboard and screen-reader friendly;
//! time is shown and announced as "0:12 / 0:30".
//!
//! The frame holds only the `<audio>` element and its state; the controls are a chunk
//! of their own (`#[lazy]`), fetched on the first play: readers who never listen never
//! download them. The element plays at once, from the reader's click, while the
//! controls arrive.

use crate::components::layout::use_lang;
use crate::i18n::clock;
use crate::i18n::Texts;
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
/// for the life of the page: a new episode changes its source, never the element. The
/// element's events keep `current`, `duration` and `playing` up to date for the
/// controls.
#[derive(Clone, Copy)]
pub struct Player {
    pub track: RwSignal<Option<Track>>,
    audio: NodeRef<leptos::html::Audio>,
    current: RwSignal<f64>,
    duration: RwSignal<f64>,
    playing: RwSignal<bool>,
}

impl Player {
    /// Loads `track` and starts it (called from the reader's click, so browsers allow
    /// playing with sound). Its known length shows until the file's own arrives.
    pub fn play(&self, track: Track) {
        #[cfg(feature = "hydrate")]
        if let Some(element) = self.audio.get_untracked() {
            element.set_src(&track.src);
            let _ = element.play();
        }
        self.current.set(0.0);
        self.duration.set(track.duration as f64);
        self.track.set(Some(track));
    }
}

/// Puts a new player in context, for the player's island and its controls.
fn provide_player() -> Player {
    let player = Player {
        track: RwSignal::new(None),
        audio: NodeRef::new(),
        current: RwSignal::new(0.0),
        duration: RwSignal::new(0.0),
        playing: RwSignal::new(false),
    };
    provide_context(player);
    player
}

/// The player of the island around it.
fn use_player() -> Player {
    expect_context::<Player>()
}

/// The episodes' "Listen" buttons: the server renders each one hidden, right before the
/// browser's own player of its episode. Once the page's player runs, each button shows
/// in place of that player (on this page and on each page /nav.js brings).
#[cfg(feature = "hydrate")]
fn take_over_listen_buttons() {
    use leptos::wasm_bindgen::JsCast;
    let Ok(buttons) = document().query_selector_all("button.listen[hidden]") else {
        return;
    };
    for index in 0..buttons.length() {
        let Some(button) = buttons
            .item(index)
            .and_then(|node| node.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if let Some(native) = button
            .next_element_sibling()
            .filter(|next| next.class_list().contains("native-player"))
        {
            native.remove();
        }
        button.set_hidden(false);
    }
}

/// The episode of a "Listen" button that was clicked, from its `data-` attributes.
#[cfg(feature = "hydrate")]
fn clicked_track(ev: &leptos::ev::MouseEvent) -> Option<Track> {
    use leptos::wasm_bindgen::JsCast;
    let button = ev
        .target()?
        .dyn_into::<leptos::web_sys::Element>()
        .ok()?
        .closest("button.listen")
        .ok()??;
    let data = |name: &str| button.get_attribute(&format!("data-{name}"));
    Some(Track {
        src: data("src")?,
        title: data("title")?,
        href: data("href")?,
        duration: data("duration")?.parse().ok()?,
    })
}

const SPEEDS: [f64; 5] = [0.75, 1.0, 1.25, 1.5, 2.0];

/// The fixed player bar, shown once something is playing: the `<audio>` element, and
/// the controls once the first episode starts.
///
/// The bar stays on screen while the reader moves from page to page (`data-permanent`:
/// /nav.js carries it into each new page), so it follows the edition from the
/// `ccme:navigated` event that /nav.js sends after each move. It also answers the
/// episodes' "Listen" buttons, which are plain server HTML.
#[island]
pub fn AudioPlayer(lang: content::lang::Lang) -> impl IntoView {
    let lang = crate::components::layout::provide_island_lang(lang);
    let player = provide_player();
    #[cfg(feature = "hydrate")]
    {
        take_over_listen_buttons();
        let listen = window_event_listener(leptos::ev::click, move |ev| {
            if let Some(track) = clicked_track(&ev) {
                player.play(track);
            }
        });
        std::mem::forget(listen);
        let follow = window_event_listener_untyped("ccme:navigated", move |_| {
            take_over_listen_buttons();
            let code = document()
                .document_element()
                .map(|root| root.get_attribute("lang"));
            if let Some(edition) = code
                .flatten()
                .and_then(|code| content::lang::Lang::from_code(&code))
            {
                lang.set(edition);
            }
        });
        std::mem::forget(follow);
    }
    let read_time = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = player.audio.get() {
            player.current.set(element.current_time());
            let total = element.duration();
            if total.is_finite() {
                player.duration.set(total);
            }
        }
    };
    // Fetched the first time something plays, then kept while the page lives.
    let controls_wanted = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || player.track.with(Option::is_some)
    });
    view! {
        <section class="audio-player" id="audio-player" data-permanent aria-label=move || lang.get().podcasts().player hidden=move || player.track.with(Option::is_none)>
            <audio
                node_ref=player.audio
                preload="none"
                on:timeupdate=read_time
                on:loadedmetadata=read_time
                on:play=move |_| player.playing.set(true)
                on:pause=move |_| player.playing.set(false)
                on:ended=move |_| player.playing.set(false)
            ></audio>
            {move || controls_wanted.get().then(|| view! {
                <Suspense fallback=|| ()>{Suspend::new(async move { player_controls().await })}</Suspense>
            })}
        </section>
    }
}

/// The player's controls, compiled into a chunk of their own (`#[lazy]`).
#[leptos::lazy]
pub fn player_controls() -> AnyView {
    view! { <PlayerControls/> }.into_any()
}

/// Title, play/pause, ±15 s, seek, speed and close, acting on the layout's `<audio>`.
#[component]
fn PlayerControls() -> impl IntoView {
    let lang = use_lang();
    let p = move || lang.get().podcasts();
    let player = use_player();
    let toggle = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = player.audio.get() {
            if element.paused() {
                let _ = element.play();
            } else {
                let _ = element.pause();
            }
        }
    };
    let jump = move |by: f64| {
        #[cfg(feature = "hydrate")]
        if let Some(element) = player.audio.get() {
            element.set_current_time(
                (element.current_time() + by).clamp(0.0, player.duration.get_untracked()),
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = by;
    };
    let seek = move |ev: leptos::ev::Event| {
        let value: f64 = event_target_value(&ev).parse().unwrap_or(0.0);
        player.current.set(value);
        #[cfg(feature = "hydrate")]
        if let Some(element) = player.audio.get() {
            element.set_current_time(value);
        }
    };
    let speed = move |ev: leptos::ev::Event| {
        let rate: f64 = event_target_value(&ev).parse().unwrap_or(1.0);
        #[cfg(feature = "hydrate")]
        if let Some(element) = player.audio.get() {
            element.set_playback_rate(rate);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = rate;
    };
    let time_text = move || {
        format!(
            "{} / {}",
            clock(player.current.get()),
            clock(player.duration.get())
        )
    };
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
    view! {
        {title}
        <div class="player-controls">
            <button type="button" class="player-skip" on:click=move |_| jump(-15.0) aria-label=move || p().back_15>"−15"</button>
            <button
                type="button"
                class="player-toggle"
                on:click=toggle
                aria-label=move || if player.playing.get() { p().pause } else { p().play }
            >
                {move || if player.playing.get() { "❚❚" } else { "▶" }}
            </button>
            <button type="button" class="player-skip" on:click=move |_| jump(15.0) aria-label=move || p().forward_15>"+15"</button>
            <input
                type="range"
                class="player-seek"
                min="0"
                step="1"
                max=move || player.duration.get().ceil().to_string()
                prop:value=move || player.current.get().floor().to_string()
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
                    if let Some(element) = player.audio.get() {
                        let _ = element.pause();
                    }
                    player.track.set(None);
                }
            >"×"</button>
        </div>
    }
}
