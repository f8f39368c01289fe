//! Site header: brand, social links, language switcher and the two-level main menu,
//! which collapses behind a toggle on phones (a plain jump link without JavaScript).

use crate::components::icons::{Icon, IconKind};
use crate::components::layout::{page_alternates, use_lang, NavResource};
use crate::components::search_overlay::{open_on_slash_key, search_overlay, SearchOpen};
use crate::i18n::Texts;
use content::address::{Named, Page};
use content::lang::Lang;
use content::model::{Alternate, MenuItem};
use content::site::SOCIAL_ACCOUNTS;
use leptos::prelude::*;

/// The header of every page.
#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <header class="site-header">
            <div class="topbar">
                <div class="container topbar-inner">
                    <SocialLinks/>
                    <LanguageSwitcher/>
                </div>
            </div>
            <div class="container masthead">
                <a class="brand" href=move || Page::Home.path(lang.get())>
                    <span class="brand-mark" aria-hidden="true">"CCME"</span>
                    <span class="brand-text">
                        <span class="brand-name">{move || t().site_name}</span>
                        <span class="brand-tagline">{move || t().tagline}</span>
                    </span>
                </a>
                {move || view! { <SearchLauncher lang=lang.get()/> }}
                <MenuToggle lang=lang.get_untracked()/>
            </div>
            <nav id="site-nav" class="site-nav" aria-label=move || t().main_menu>
                <div class="container">
                    <MenuClose lang=lang.get_untracked()/>
                    <MainMenu/>
                </div>
            </nav>
        </header>
    }
}

/// The phone menu's button: without JavaScript a jump to the menu; /nav.js makes it a
/// toggle (plain JavaScript: no WASM for a class and an `aria-expanded`).
#[component]
fn MenuToggle(lang: Lang) -> impl IntoView {
    let t = lang.t();
    view! {
        <a class="menu-toggle" href="#site-nav" aria-controls="site-nav" aria-expanded="false" aria-label=t.open_menu>
            <Icon kind=IconKind::Menu/>
            <span>{t.menu}</span>
        </a>
    }
}

/// The phone menu's close button (a jump to the top without JavaScript; /nav.js closes
/// the menu with it).
#[component]
fn MenuClose(lang: Lang) -> impl IntoView {
    let t = lang.t();
    view! {
        <a class="menu-close" href="#">
            <Icon kind=IconKind::Close/>
            <span>{t.close_menu}</span>
        </a>
    }
}

/// The search link, which opens the overlay once hydrated.
#[island]
fn SearchLauncher(lang: Lang) -> impl IntoView {
    crate::components::layout::provide_island_lang(lang);
    let lang = use_lang();
    let t = move || lang.get().t();
    let search_open = RwSignal::new(false);
    provide_context(SearchOpen(search_open));
    open_on_slash_key(search_open);
    let search_button = NodeRef::<leptos::html::A>::new();
    let search_wanted = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || search_open.get()
    });
    view! {
        <a
            class="search-link"
            href=move || Page::Named(Named::Search).path(lang.get())
            node_ref=search_button
            aria-haspopup="dialog"
            on:click=move |ev| {
                ev.prevent_default();
                search_open.set(true);
            }
        >
            <Icon kind=IconKind::Search/>
            <span>{move || t().search}</span>
        </a>
        {move || search_wanted.get().then(|| view! {
            <Suspense fallback=|| ()>
                {Suspend::new(async move { search_overlay(search_button).await })}
            </Suspense>
        })}
    }
}

#[component]
fn MainMenu() -> impl IntoView {
    let nav = expect_context::<NavResource>().0;
    view! {
        <Transition fallback=|| view! { <ul class="menu"></ul> }>
            {move || Suspend::new(async move {
                let items = nav.await.map(|n| n.main).unwrap_or_default();
                view! { <ul class="menu">{items.into_iter().map(menu_entry).collect_view()}</ul> }
            })}
        </Transition>
    }
}

fn menu_link(item: &MenuItem) -> AnyView {
    match &item.href {
        Some(href) => view! { <a href=href.clone()>{item.label.clone()}</a> }.into_any(),
        None => view! { <span>{item.label.clone()}</span> }.into_any(),
    }
}

fn menu_entry(item: MenuItem) -> impl IntoView {
    let has_children = !item.children.is_empty();
    view! {
        <li class:has-sub=has_children>
            {menu_link(&item)}
            {has_children.then(|| view! {
                <ul class="submenu">
                    {item.children.iter().map(|c| view! { <li>{menu_link(c)}</li> }).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// Links to the institution's social accounts.
#[component]
pub fn SocialLinks() -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="social" aria-label=move || lang.get().t().follow_us>
            {SOCIAL_ACCOUNTS.iter().map(|account| view! {
                <li>
                    <a href=account.href rel="noopener" target="_blank" aria-label=account.name title=account.name>
                        <Icon kind=IconKind::from(account.network)/>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Français · العربية · English, each leading to this page in that language (or the
/// nearest page that exists there).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let links = move |list: Vec<Alternate>| {
        list.into_iter()
            .map(|alt| {
                let current = alt.lang == lang.get_untracked();
                view! {
                    <li>
                        <a
                            href=alt.href
                            hreflang=alt.lang.code()
                            lang=alt.lang.code()
                            aria-current=current.then_some("true")
                            class:untranslated=!alt.exact
                            data-lang=alt.lang.code()
                        >
                            {alt.lang.native_name()}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="lang-switch" aria-label=move || lang.get().t().languages>
            <Transition fallback=move || view! { <ul>{links(content::alternates::front_pages())}</ul> }>
                {move || {
                    let alternates = page_alternates();
                    Suspend::new(async move { view! { <ul>{links(alternates.await)}</ul> } })
                }}
            </Transition>
        </nav>
    }
}
