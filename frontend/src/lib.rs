//! Browser entry point: hydrates the server-rendered HTML so that navigation
//! afterwards happens in the page, without full reloads.

// The whole app's view type (public layout and back office under one router) is nested
// deeper than rustc's default query depth when its hydration future is laid out.
#![recursion_limit = "256"]

/// Called by the JS glue that cargo-leptos generates once the WASM is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets styles and browser tests know the page is now interactive.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
