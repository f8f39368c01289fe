//! `/{lang}/`: featured story, latest news and a block per main section.

use crate::api::stories::get_home;
use crate::components::cards::{Card, CardList, CardStyle};
use crate::components::layout::{use_lang, use_lang_known};
use crate::components::meta::{JsonLd, PageMeta};
use crate::components::status::{LoadError, Loading, NotFound};
use crate::i18n::Texts;
use crate::pages::UntranslatedNotice;
use content::address::Page;
use leptos::prelude::*;

crate::page_route!(
    /// The home page of an edition.
    HomeRoute => HomePage, Page::Home
);

/// The home page of an edition.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let known = use_lang_known();
    let home = Resource::new(move || lang.get(), get_home);
    move || {
        if !known.get() {
            return view! { <NotFound/> }.into_any();
        }
        let t = lang.get().t();
        view! {
            <PageMeta
                title=format!("{} — {}", t.site_name, t.tagline)
                description=t.description.to_owned()
                path=Page::Home.path(lang.get())
                feed=Some(Page::Home.path(lang.get()))
            />
            <h1 class="visually-hidden">{format!("{} — {}", t.site_name, t.tagline)}</h1>
            <div class="container">
                <UntranslatedNotice home=true/>
                <Transition fallback=Loading>
                    {move || Suspend::new(async move {
                        let Ok(home) = home.await else { return view! { <LoadError/> }.into_any() };
                        view! {
                            <JsonLd blocks=home.structured_data/>
                            <div class="home-top">
                                {home.featured.map(|card| view! {
                                    <section class="home-featured" aria-label=t.featured>
                                        <Card card style=CardStyle::Lead/>
                                    </section>
                                })}
                                <section class="home-latest">
                                    <h2 class="block-title">{t.latest_news}</h2>
                                    <CardList cards=home.latest style=CardStyle::Thumb class="card-list card-list-thumbs"/>
                                </section>
                            </div>
                            {home.blocks.into_iter().map(|block| {
                                let href = Page::section(&block.section.slug).path(lang.get_untracked());
                                view! {
                                    <section class="home-block">
                                        <div class="block-head">
                                            <h2 class="block-title"><a href=href.clone()>{block.section.name.clone()}</a></h2>
                                            <a class="see-all" href=href>{t.see_all}</a>
                                        </div>
                                        <CardList cards=block.stories style=CardStyle::Standard class="card-grid"/>
                                    </section>
                                }
                            }).collect_view()}
                        }.into_any()
                    })}
                </Transition>
            </div>
        }
        .into_any()
    }
}
