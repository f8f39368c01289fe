//! Where a reader form comes alive in the browser. The server renders the whole form
//! (`ReaderForm`) inside a thin island; the form's own code is a chunk (`#[lazy]`)
//! fetched on the reader's first focus or press in it, which hydrates the server's form:
//! readers who never fill a form never download it.

use super::layouts::FormLayout;
use super::view::{FormBody, FormState};
use super::{Outcome, ReaderRefused};
use crate::api::forms::form_ticket;
use crate::components::layout::{provide_island_lang, use_lang};
use content::lang::Lang;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What a form is built from: its ticket, and the refused plain POST being shown again
/// (read on the server; handed to the browser as the island's one prop, read there only
/// by the form's own chunk).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct FormLoad {
    lang: Lang,
    layout: FormLayout,
    ticket: String,
    refused: Option<ReaderRefused>,
    /// The page came back from a plain POST that was sent (`?sent=`).
    sent_by_redirect: bool,
}

/// A reader form posting to `/{lang}/{kind.page()}`: its ticket (and, for the page's
/// own form, a refused plain POST and the `?sent=` message) are read on the server.
#[component]
pub fn ReaderForm(layout: FormLayout) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let kind = layout.kind();
    let from_server = if layout.is_main() {
        use_context::<ReaderRefused>()
    } else {
        None
    };
    let sent_by_redirect =
        layout.is_main() && query.read_untracked().get("sent").as_deref() == Some(kind.code());
    let load = Resource::new(
        || (),
        move |_| {
            let refused = from_server.clone().filter(|r| r.is_for(kind.code()));
            let lang = lang.get_untracked();
            async move {
                FormLoad {
                    lang,
                    layout,
                    ticket: form_ticket().await.unwrap_or_default(),
                    refused,
                    sent_by_redirect,
                }
            }
        },
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let load = load.await;
                let props = serde_json::to_string(&load).unwrap_or_default();
                view! {
                    <ReaderFormIsland prefix=layout.prefix().to_owned() load=props>
                        <FormView load/>
                    </ReaderFormIsland>
                }
            })}
        </Transition>
    }
}

/// Where a form comes alive. The server renders the whole form inside it (its
/// children); in the browser this island only waits for the reader to reach the form
/// (focus, pointer) and then fetches the form's own chunk, which hydrates it: readers
/// who never fill a form never download it. A form sent before the chunk has hydrated
/// it waits for it (`wake_on_first_use`).
#[island]
fn ReaderFormIsland(prefix: String, load: String, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| wake_on_first_use(&prefix, &load));
    #[cfg(not(feature = "hydrate"))]
    let _ = (prefix, load);
    children()
}

/// Hydrates the form of `prefix` on the first focus or pointer press inside it. A form
/// sent before its chunk has hydrated it waits for it, then goes in place.
#[cfg(feature = "hydrate")]
fn wake_on_first_use(prefix: &str, load: &str) {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    // The island's own element: the parent of the form's wrap, which holds the
    // thank-you (`{prefix}-sent`).
    let Some(host) = document()
        .get_element_by_id(&format!("{prefix}-sent"))
        .and_then(|sent| sent.parent_element())
        .and_then(|wrap| wrap.parent_element())
        .and_then(|host| host.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let load = load.to_owned();
    let started = Rc::new(Cell::new(false));
    let hydrated = Rc::new(Cell::new(false));
    let waiting: Rc<RefCell<Option<leptos::web_sys::HtmlFormElement>>> = Rc::default();
    let wake = {
        let (host, hydrated, waiting) = (host.clone(), hydrated.clone(), waiting.clone());
        Rc::new(move || {
            if started.replace(true) {
                return;
            }
            let (host, load, hydrated, waiting) = (
                host.clone(),
                load.clone(),
                hydrated.clone(),
                waiting.clone(),
            );
            leptos::task::spawn_local(async move {
                hydrate_form(host, load).await;
                hydrated.set(true);
                if let Some(form) = waiting.borrow_mut().take() {
                    let _ = form.request_submit();
                }
            });
        })
    };
    let on_use = Closure::<dyn Fn()>::new({
        let wake = wake.clone();
        move || wake()
    });
    for event in ["focusin", "pointerdown"] {
        let _ = host.add_event_listener_with_callback(event, on_use.as_ref().unchecked_ref());
    }
    on_use.forget();
    let on_submit =
        Closure::<dyn Fn(leptos::web_sys::Event)>::new(move |ev: leptos::web_sys::Event| {
            if hydrated.get() {
                return;
            }
            if let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            {
                ev.prevent_default();
                *waiting.borrow_mut() = Some(form);
                wake();
            }
        });
    let _ = host.add_event_listener_with_callback_and_bool(
        "submit",
        on_submit.as_ref().unchecked_ref(),
        true,
    );
    on_submit.forget();
}

/// The form's chunk: hydrates the server's form in `host` (posting in place from then on).
#[cfg(feature = "hydrate")]
#[leptos::lazy]
fn hydrate_form(host: leptos::web_sys::HtmlElement, load: String) {
    let Ok(load) = serde_json::from_str::<FormLoad>(&load) else {
        return;
    };
    leptos::mount::hydrate_from(host, move || view! { <FormView load/> }).forget();
}

/// The form, as the server renders it and as its chunk hydrates it.
#[component]
fn FormView(load: FormLoad) -> impl IntoView {
    let FormLoad {
        lang,
        layout,
        ticket,
        refused,
        sent_by_redirect,
    } = load;
    provide_island_lang(lang);
    let (values, outcome) = refused
        .map(|r| (r.values.clone(), Outcome::of_refused(&r)))
        .unwrap_or_default();
    let state = FormState {
        prefix: layout.prefix(),
        outcome: RwSignal::new(outcome),
        values: StoredValue::new(values),
    };
    let ticket = RwSignal::new(ticket);
    let hidden = StoredValue::new(layout.hidden());
    view! {
        <Provider value=state>
            <FormBody kind=layout.kind() state ticket sent_by_redirect=move || sent_by_redirect hidden
                children=StoredValue::new(std::sync::Arc::new(move || layout.fields()) as ChildrenFn)/>
        </Provider>
    }
}
