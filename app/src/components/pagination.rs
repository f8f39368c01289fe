//! Previous/next links with "page X of Y" for long listings.

use crate::components::icons::{Icon, IconKind};
use crate::components::layout::use_lang;
use crate::i18n::Strings;
use crate::i18n::Texts;
use leptos::prelude::*;

/// Links to the neighbouring pages of `base` (`?page=N`, or `&page=N` when `base` has a
/// query already); nothing when there is one page.
#[component]
pub fn Pagination(base: String, page: u32, total_pages: u32) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let link = move |n: u32| {
        if n <= 1 {
            base.clone()
        } else {
            let joiner = if base.contains('?') { '&' } else { '?' };
            format!("{base}{joiner}page={n}")
        }
    };
    let prev = (page > 1).then(|| link(page - 1));
    let next = (page < total_pages).then(|| link(page + 1));
    (total_pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=move || t().pagination>
                {prev.map(|href| view! {
                    <a class="pagination-prev" href=href rel="prev">
                        <Icon kind=IconKind::ArrowPrev/>
                        <span>{move || t().previous_page}</span>
                    </a>
                })}
                <span class="pagination-status">
                    {move || Strings::fill(t().page_of, &[("page", page.to_string()), ("total", total_pages.to_string())])}
                </span>
                {next.map(|href| view! {
                    <a class="pagination-next" href=href rel="next">
                        <span>{move || t().next_page}</span>
                        <Icon kind=IconKind::ArrowNext/>
                    </a>
                })}
            </nav>
        }
    })
}
