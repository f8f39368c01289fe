//! Shared page states: not found (with a real 404 status) and loading errors.

use crate::components::layout::{use_lang, use_lang_known};
use crate::i18n::Texts;
use content::address::Page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

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
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1>{move || t().not_found_title}</h1>
            <p>{move || t().not_found_text}</p>
            <p><a class="button" href=move || Page::Home.path(lang.get())>{move || t().back_home}</a></p>
        </section>
    }
}

/// Shown when data could not be loaded (server down, network lost after hydration).
#[component]
pub fn LoadError() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="notice notice-error" role="alert">{move || lang.get().t().error_loading}</p> }
}

/// Shown while a page's data loads: a fallback for streamed rendering (the reader
/// pages render whole on the server, `SsrMode::Async`, so readers never see it).
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading" aria-busy="true">{move || lang.get().t().loading}</p> }
}

/// The frame of a page that shows one loaded item: a 404 when the URL's language is
/// unknown or the item does not exist, an error notice when loading failed, otherwise
/// `render(item)`. Keeps the previous page on screen while the next one loads.
pub fn loaded_page<T, F>(
    data: Resource<Result<Option<T>, ServerFnError>>,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Result<Option<T>, ServerFnError>: serde::Serialize + serde::de::DeserializeOwned,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    let known = use_lang_known();
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let render = render.clone();
        view! {
            <Transition fallback=Loading>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        match data.await {
                            Err(_) => view! { <div class="container"><LoadError/></div> }.into_any(),
                            Ok(None) => view! { <NotFound/> }.into_any(),
                            Ok(Some(item)) => render(item),
                        }
                    })
                }}
            </Transition>
        }
        .into_any()
    }
}
