//! Shared page states: not found (with a real 404 status) and loading errors.

use crate::components::layout::use_lang;
use leptos::prelude::*;
use leptos_meta::Title;

/// Marks the HTTP response as 404 during server rendering (no-op in the browser).
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

/// The translated "page not found" page, answered with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    set_not_found_status();
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <Title text=move || format!("{} — {}", t().not_found_title, t().site_name)/>
        <section class="not-found">
            <h1>{move || t().not_found_title}</h1>
            <p>{move || t().not_found_text}</p>
            <p><a class="button" href=move || format!("/{}/", lang.get().code())>{move || t().back_home}</a></p>
        </section>
    }
}

/// Shown when data could not be loaded (server down, network lost after hydration).
#[component]
pub fn LoadError() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="notice notice-error" role="alert">{move || lang.get().t().error_loading}</p> }
}

/// Shown while a page's data loads after a client-side navigation.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading" aria-busy="true">{move || lang.get().t().loading}</p> }
}
