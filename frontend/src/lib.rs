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
    wasm_bindgen_futures::spawn_local(async {
        let body = leptos::prelude::document()
            .body()
            .expect("a page has a body");
        // The app lives as long as the page.
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        // Lets styles and browser tests know the page is now interactive.
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
