//! The search overlay: opened from the header's search button or the `/` key, it
//! answers while the reader types. Without JavaScript the button is a plain link to the
//! results page, which does everything the overlay does but live.
//!
//! Accessibility follows the ARIA combobox pattern: the input owns a listbox of results,
//! arrow keys move `aria-activedescendant`, a polite live region reads the count. The
//! input is a text input with a search keyboard (`inputmode`): HTML forbids the combobox
//! role on `type=search`.

use crate::api::search::quick_search;
use crate::components::icons::{Icon, IconKind};
use crate::components::layout::use_lang;
use crate::components::search_hits::HitMeta;
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::search::search_url;
use content::model::{QuickResults, SearchFilters};
use leptos::html;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Pause after the last key before asking the server, so typing a word costs one query.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Whether the overlay is open, shared by the header's button and the overlay.
#[derive(Clone, Copy)]
pub struct SearchOpen(pub RwSignal<bool>);

/// Opens the overlay on `/` pressed outside a text field (as on many news sites). One
/// listener for the life of the document; it opens the overlay of the page on screen
/// (/nav.js brings a new header, and a new launcher, with each page).
pub fn open_on_slash_key(open: RwSignal<bool>) {
    #[cfg(feature = "hydrate")]
    {
        use std::cell::Cell;
        thread_local! {
            static CURRENT: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
            static LISTENING: Cell<bool> = const { Cell::new(false) };
        }
        CURRENT.with(|current| current.set(Some(open)));
        if LISTENING.with(|listening| listening.replace(true)) {
            return;
        }
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| {
                    use leptos::wasm_bindgen::JsCast;
                    t.dyn_into::<leptos::web_sys::Element>().ok()
                })
                .is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.has_attribute("contenteditable")
                });
            if let (false, Some(open)) = (typing, CURRENT.with(Cell::get)) {
                ev.prevent_default();
                open.set(true);
            }
        });
        std::mem::forget(handle);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = open;
}

/// Opens `href` as a link would: in place through /nav.js (`window.ccmeGo`), or as a
/// page load when that script is not there.
fn follow(href: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let go = js_sys::Reflect::get(&window(), &"ccmeGo".into())
            .ok()
            .and_then(|go| go.dyn_into::<js_sys::Function>().ok());
        match go {
            Some(go) => {
                let _ = go.call1(&leptos::wasm_bindgen::JsValue::NULL, &href.into());
            }
            None => {
                let _ = window().location().set_href(href);
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = href;
}

/// The overlay, compiled into a chunk of its own (`#[lazy]`): readers who never search
/// never download it. The header asks for it the first time the overlay opens.
#[leptos::lazy]
pub fn search_overlay(trigger: NodeRef<html::A>) -> AnyView {
    view! { <SearchOverlay trigger/> }.into_any()
}

/// The full-screen search panel. `trigger` gets the focus back when it closes.
#[component]
pub fn SearchOverlay(trigger: NodeRef<html::A>) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let open = expect_context::<SearchOpen>().0;
    let input_ref = NodeRef::<html::Input>::new();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(None::<QuickResults>);
    // The query the shown results answer (exposed as `data-query` on the list).
    let answered = RwSignal::new(String::new());
    // The last request failed (offline, server unreachable): say so instead of nothing.
    let failed = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Answers to older keystrokes are dropped: only the latest request may show.
    let latest_request = StoredValue::new(0_u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);

    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(button) = trigger.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    // Focus the input as soon as the panel shows, its old text selected so that typing
    // replaces it. Not when the input already has the focus: the reader is typing (a tap
    // on the field beat this frame), and selecting then lets the next key wipe what they
    // typed (a first letter lost, seen on phones).
    Effect::new(move |_| {
        if open.get() {
            request_animation_frame(move || {
                if let Some(input) = input_ref.get_untracked() {
                    let input_element: &leptos::web_sys::Element = &input;
                    if document().active_element().as_ref() != Some(input_element) {
                        let _ = input.focus();
                        input.select();
                    }
                }
            });
        }
    });

    let ask = move |query: String| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        active.set(None);
        if query.trim().is_empty() {
            latest_request.update_value(|n| *n += 1);
            failed.set(false);
            results.set(None);
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                latest_request.update_value(|n| *n += 1);
                let mine = latest_request.get_value();
                let lang = lang.get_untracked();
                spawn_local(async move {
                    let answer = quick_search(lang, query.clone()).await;
                    if latest_request.get_value() == mine {
                        failed.set(answer.is_err());
                        results.set(answer.ok());
                        // A new list: the old selection would point at another story.
                        active.set(None);
                        answered.set(query);
                    }
                });
            },
            DEBOUNCE,
        );
        timer.set_value(handle.ok());
    };

    let go_to = move |href: String| {
        open.set(false);
        follow(&href);
    };
    let hit_count = move || results.with(|r| r.as_ref().map_or(0, |r| r.hits.len()));
    let open_selected = move || {
        let target = match active.get_untracked() {
            Some(i) => results.with_untracked(|r| {
                r.as_ref()
                    .and_then(|r| r.hits.get(i).map(|h| h.href.clone()))
            }),
            None => None,
        };
        let query = text.get_untracked();
        let href = target
            .unwrap_or_else(|| search_url(lang.get_untracked(), &query, &SearchFilters::default()));
        if !query.trim().is_empty() || active.get_untracked().is_some() {
            go_to(href);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = hit_count();
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                ev.prevent_default();
                open_selected();
            }
            _ => {}
        }
    };
    let on_panel_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close(true);
        }
    };

    let status = move || {
        let t = t();
        if failed.get() {
            return t.search_needs_network.to_owned();
        }
        results.with(|r| match r {
            None => String::new(),
            Some(r) if r.capped => {
                Strings::fill(t.quick_count_capped, &[("count", r.total.to_string())])
            }
            Some(r) => Strings::fill(t.quick_count, &[("count", r.total.to_string())]),
        })
    };

    view! {
        <div class="search-overlay" role="dialog" aria-modal="true" aria-label=move || t().search
            hidden=move || !open.get() on:keydown=on_panel_keydown>
            <div class="container search-overlay-inner">
                <div class="search-overlay-bar">
                    <label class="visually-hidden" for="quick-search-input">{move || t().search}</label>
                    <Icon kind=IconKind::Search/>
                    <input
                        id="quick-search-input"
                        node_ref=input_ref
                        type="text"
                        inputmode="search"
                        enterkeyhint="search"
                        role="combobox"
                        autocomplete="off"
                        maxlength="500"
                        aria-autocomplete="list"
                        aria-controls="quick-results"
                        aria-expanded=move || (hit_count() > 0).to_string()
                        aria-activedescendant=move || active.get().map(|i| format!("quick-hit-{i}"))
                        aria-describedby="quick-search-hint"
                        placeholder=move || t().search_placeholder
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            text.set(value.clone());
                            ask(value);
                        }
                        on:keydown=on_keydown
                    />
                    <button type="button" class="search-overlay-close" on:click=move |_| close(true)>
                        <Icon kind=IconKind::Close/>
                        <span class="visually-hidden">{move || t().close_search}</span>
                    </button>
                </div>
                <p id="quick-search-hint" class="search-hint">{move || t().search_hint}</p>
                <p class="search-status" role="status" aria-live="polite">{status}</p>
                <ul id="quick-results" class="quick-results" role="listbox" aria-label=move || t().search_title
                    data-query=move || answered.get()>
                    {move || results.get().map(|r| r.hits).unwrap_or_default().into_iter().enumerate().map(|(i, hit)| {
                        let selected = move || active.get() == Some(i);
                        let href = hit.href.clone();
                        let go = go_to;
                        // An option is one choice: no links inside (nested-interactive);
                        // a click opens it like Enter does.
                        view! {
                            <li id=format!("quick-hit-{i}") role="option" class="quick-hit"
                                class:active=selected aria-selected=move || selected().to_string()
                                lang=hit.lang.code() dir=hit.lang.dir()
                                on:click=move |_| go(href.clone())>
                                <span class="quick-hit-title" inner_html=hit.title_html.clone()></span>
                                <HitMeta hit=hit.clone() plain=true/>
                                <p class="hit-excerpt" inner_html=hit.excerpt_html.clone()></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || (!text.get().trim().is_empty()).then(|| {
                    let query = text.get();
                    view! {
                        <a class="search-all-results" href=search_url(lang.get(), &query, &SearchFilters::default())>
                            {Strings::fill(t().see_all_results, &[("query", query.chars().take(200).collect())])}
                        </a>
                    }
                })}
            </div>
        </div>
    }
}
