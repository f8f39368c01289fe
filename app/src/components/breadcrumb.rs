//! Breadcrumb trail: where the reader is in the site, with links back up.

use crate::components::layout::use_lang;
use crate::model::Crumb;
use leptos::prelude::*;

/// Renders `crumbs` as a labelled navigation list; the last one is the current page.
#[component]
pub fn Breadcrumb(crumbs: Vec<Crumb>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="breadcrumb" aria-label=move || lang.get().t().breadcrumb>
            <ol>
                {crumbs
                    .into_iter()
                    .map(|crumb| match crumb.href {
                        Some(href) => view! { <li><a href=href>{crumb.label}</a></li> }.into_any(),
                        None => view! { <li aria-current="page">{crumb.label}</li> }.into_any(),
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
