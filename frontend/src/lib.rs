//! Browser entry point: hydrates the server-rendered HTML so that navigation
//! afterwards happens in the page, without full reloads.

// The whole app's view type (public layout and back office under one router) is nested
// deeper than rustc's default query depth when its hydration future is laid out.
#![recursion_limit = "256"]

/// Called by the JS glue that cargo-leptos generates once the WASM is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // A panic's message in the browser console. The deployed WASM (scripts/build-release,
    // -Cpanic=immediate-abort) aborts at once and never runs a hook: it leaves it out,
    // with the formatting of panic messages it would bring.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    // Lazy routes (`app::lazy_page!`): hydration first loads the chunk of the page on
    // screen (the server already asked the browser to preload it), so it finishes
    // asynchronously; what `leptos::mount::hydrate_lazy` does, plus the signal below.
    let follow_links = BrowserFollowsLinks::until_hydrated();
    wasm_bindgen_futures::spawn_local(async move {
        let body = leptos::prelude::document()
            .body()
            .expect("a page has a body");
        // The app lives as long as the page.
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        follow_links.stop();
        // Lets styles and browser tests know the page is now interactive.
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}

/// While hydration waits for the chunk of the page on screen, the router already
/// listens for clicks on links, but a navigation it starts then is lost (the page stays
/// as it was: seen on phones and in the browser suite). Until the page is interactive,
/// a capture listener keeps link clicks from the router, so the browser follows them
/// itself: a full page load, as with JavaScript off.
struct BrowserFollowsLinks {
    listener: wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
}

impl BrowserFollowsLinks {
    fn until_hydrated() -> Self {
        use wasm_bindgen::JsCast;
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            |event: web_sys::Event| {
                let on_link = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|element| element.closest("a[href]").ok().flatten())
                    .is_some();
                if on_link {
                    event.stop_immediate_propagation();
                }
            },
        );
        let _ = leptos::prelude::window().add_event_listener_with_callback_and_bool(
            "click",
            listener.as_ref().unchecked_ref(),
            true,
        );
        Self { listener }
    }

    /// Hands links back to the router.
    fn stop(self) {
        use wasm_bindgen::JsCast;
        let _ = leptos::prelude::window().remove_event_listener_with_callback_and_bool(
            "click",
            self.listener.as_ref().unchecked_ref(),
            true,
        );
    }
}
