//! Browser entry point in islands mode: the server's HTML is the page, and only its
//! islands (search, share bar, player, forms) run in the browser. Leptos's island
//! script loads this module when the browser is idle, calls `hydrate`, then hydrates
//! each `<leptos-island>`; `/nav.js` moves between pages without reloading.

/// Called by Leptos's island script once the WASM is loaded, before it hydrates the
/// islands of the page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // A panic's message in the browser console. The deployed WASM (scripts/build-release,
    // -Cpanic=immediate-abort) aborts at once and never runs a hook: it leaves it out,
    // with the formatting of panic messages it would bring.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    app::link_islands();
    // The island script hydrates every island right after this call, in the same task:
    // the next task sees them all running. Lets styles, /pwa.js, /nav.js and browser
    // tests know the page is now interactive.
    leptos::prelude::set_timeout(
        || {
            if let Some(root) = leptos::prelude::document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
