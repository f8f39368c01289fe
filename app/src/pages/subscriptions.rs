//! `/{lang}/newsletter` (subscribe to the newsletter and/or the press review), and the
//! pages the e-mailed links open: `/{lang}/newsletter/confirm?t=…` and
//! `/{lang}/newsletter/unsubscribe?t=…`. Those pages only show what the link is about
//! with a button: the change happens on the button's POST, so mail scanners that open
//! links change nothing.

use crate::api::forms::get_link_target;
use crate::components::layout::use_lang;
use crate::components::meta::PageMeta;
use crate::components::status::{LoadError, Loading};
use crate::forms::field;
use crate::forms::island::ReaderForm;
use crate::forms::layouts::FormLayout;
use crate::i18n::Texts;
use crate::i18n::{FormStrings, Strings};
use crate::pages::edition_page;
use content::address::{Named, Page};
use content::lang::Lang;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

crate::page_route!(
    /// The newsletter form.
    NewsletterRoute => NewsletterPage, Page::Named(Named::Newsletter)
);
crate::page_route!(
    /// The subscription confirmation.
    ConfirmRoute => ConfirmPage, Page::Named(Named::Newsletter)
);
crate::page_route!(
    /// The unsubscription page.
    UnsubscribeRoute => UnsubscribePage, Page::Named(Named::Newsletter)
);

/// The name of a list (`newsletter`, `press_review`) in `lang`.
fn list_name(lang: Lang, code: &str) -> &'static str {
    let list = content::model::List::from_code(code).unwrap_or(content::model::List::Newsletter);
    crate::i18n::list_name(lang, list)
}

/// Head tags and heading shared by the form pages.
#[component]
pub fn FormPageHead(title: String, intro: String, page: &'static str) -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <PageMeta
            title=format!("{title} — {}", lang.t().site_name)
            description=intro.clone()
            path=format!("/{}/{page}", lang.code())
        />
        <h1>{title}</h1>
        <p class="lead">{intro}</p>
    }
}

/// `/{lang}/newsletter`.
#[component]
pub fn NewsletterPage() -> impl IntoView {
    edition_page(move |lang| {
        let f = lang.forms();
        view! {
        <div class="container form-page">
            <FormPageHead title=f.subscriptions_title.to_owned() intro=f.subscriptions_intro.to_owned() page="newsletter"/>
            <ReaderForm layout=FormLayout::Subscribe/>
            <super::issues::IssueArchive/>
        </div>
    }
        .into_any()
    })
}

/// `/{lang}/newsletter/confirm`.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! { <LinkPage action="confirm"/> }
}

/// `/{lang}/newsletter/unsubscribe`.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    view! { <LinkPage action="unsubscribe"/> }
}

/// Texts of a link page: title, question, button, done, invalid.
fn link_texts(f: &FormStrings, action: &str) -> [&'static str; 5] {
    if action == "confirm" {
        [
            f.confirm_title,
            f.confirm_text,
            f.confirm_button,
            f.confirmed,
            f.confirm_invalid,
        ]
    } else {
        [
            f.unsubscribe_title,
            f.unsubscribe_text,
            f.unsubscribe_button,
            f.unsubscribed,
            f.unsubscribe_invalid,
        ]
    }
}

#[component]
fn LinkPage(action: &'static str) -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get(field::TOKEN).unwrap_or_default();
    // After the button's POST the server redirects here with `?done=<list>`.
    let done = move || query.read().get("done");
    let target = Resource::new(token, move |token| {
        get_link_target(action.to_owned(), token)
    });
    edition_page(move |lang| {
        let [title, question, button, done_text, invalid] = link_texts(lang.forms(), action);
        let body = match done() {
        Some(list) => view! {
            <p class="form-sent" role="status">
                {Strings::fill(done_text, &[("list", list_name(lang, &list).to_owned())])}
            </p>
            <p><a href=Page::Home.path(lang)>{lang.t().back_home}</a></p>
        }
        .into_any(),
        None => view! {
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    match target.await {
                        Ok(Some(found)) => view! {
                            <form method="post" class="reader-form link-form" action=format!("/{}/newsletter/{action}", lang.code())>
                                <input type="hidden" name=field::TOKEN value=token()/>
                                <p>{Strings::fill(question, &[
                                    ("list", list_name(lang, &found.list).to_owned()),
                                    ("email", found.email),
                                ])}</p>
                                <button type="submit" class="button">{button}</button>
                            </form>
                        }.into_any(),
                        Ok(None) => view! {
                            <p class="form-alert" role="alert">{invalid}</p>
                            <p><a class="button" href=Page::Named(Named::Newsletter).path(lang)>{lang.forms().subscribe}</a></p>
                        }.into_any(),
                        Err(_) => view! { <LoadError/> }.into_any(),
                    }
                })}
            </Transition>
        }
        .into_any(),
    };
        view! {
            <PageMeta
                title=format!("{title} — {}", lang.t().site_name)
                description=lang.forms().subscriptions_intro.to_owned()
                path=format!("/{}/newsletter/{action}", lang.code())
                translated=false
            />
            // Personal links: never indexed.
            <Meta name="robots" content="noindex, nofollow"/>
            <div class="container form-page">
                <h1>{title}</h1>
                {body}
            </div>
        }
        .into_any()
    })
}
