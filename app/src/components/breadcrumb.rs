//! Breadcrumb trail: where the reader is in the site, with links back up.

use crate::components::layout::use_lang;
use crate::i18n::Texts;
use content::address::Page;
use content::lang::Lang;
use content::model::Crumb;
use leptos::prelude::*;

/// The whole trail of a page: the home page of `lang`, then the page's `crumbs` (the
/// content crate's trail starts below home, which is UI text).
pub fn from_home(lang: Lang, crumbs: &[Crumb]) -> Vec<Crumb> {
    let home = Crumb {
        label: lang.t().home.to_owned(),
        href: Some(Page::Home.path(lang)),
    };
    std::iter::once(home)
        .chain(crumbs.iter().cloned())
        .collect()
}

/// Renders the home link then `crumbs` as a labelled navigation list; the last one is
/// the current page.
#[component]
pub fn Breadcrumb(crumbs: Vec<Crumb>) -> impl IntoView {
    let lang = use_lang();
    let crumbs = from_home(lang.get_untracked(), &crumbs);
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
