//! `/{lang}/faces`: the faces of the diaspora, a gallery of portraits sorted by name,
//! filtered by country of residence and field (a GET form: shareable, works without
//! JavaScript) and by the first letter of the name (an A–Z index in the edition's
//! alphabet). Each profile opens at `/{lang}/faces/{slug}` in the article layout.

use crate::api::faces::get_faces;
use crate::components::cards::Cover;
use crate::components::filters::FilterSelect;
use crate::components::layout::use_lang;
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::listing_page;
use content::address::{story_path, Named, Page};
use content::lang::Lang;
use content::model::{FacesFilter, FacesPage, IndexLetter, ProfileCard};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

crate::page_route!(
    /// The faces gallery.
    FacesRoute => FacesListPage, Page::Named(Named::Faces)
);

/// `/{lang}/faces`.
#[component]
pub fn FacesListPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = move || {
        let query = query.read();
        let get = |name: &str| query.get(name).filter(|v| !v.is_empty());
        FacesFilter {
            country: get("country"),
            field: get("field"),
            letter: get("letter"),
        }
    };
    let data = Resource::new(
        move || (lang.get(), filter()),
        |(lang, filter)| get_faces(lang, filter),
    );
    listing_page(
        "faces",
        |lang| (lang.faces().title, lang.faces().intro),
        data,
        move |page| view! { <FacesView page filter=filter()/> }.into_any(),
    )
}

/// The gallery's address with these filters (empty ones left out).
fn faces_href(lang: Lang, filter: &FacesFilter) -> String {
    let pairs: Vec<String> = [
        ("country", &filter.country),
        ("field", &filter.field),
        ("letter", &filter.letter),
    ]
    .into_iter()
    .filter_map(|(name, value)| {
        value
            .as_deref()
            .map(|v| format!("{name}={}", content::address::encode_segment(v)))
    })
    .collect();
    let base = Page::Named(Named::Faces).path(lang);
    if pairs.is_empty() {
        base
    } else {
        format!("{base}?{}", pairs.join("&"))
    }
}

#[component]
fn FacesView(page: FacesPage, filter: FacesFilter) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let f = lang.faces();
    let count = f.count.count(lang, page.items.len());
    let empty = page.items.is_empty();
    let letter_line = filter.letter.as_ref().map(|l| {
        format!(
            "{} · ",
            Strings::fill(f.letter_heading, &[("letter", l.clone())])
        )
    });
    let hidden_letter = filter.letter.clone();
    let (country, field) = (filter.country.clone(), filter.field.clone());
    view! {
        <Form method="get" action=Page::Named(Named::Faces).path(lang) attr:class="library-filters">
            <FilterSelect name="country" label=f.country all=f.all_countries selected=country
                choices=page.countries.iter().map(|(code, name, count)| (code.clone(), format!("{name} ({count})"))).collect()/>
            <FilterSelect name="field" label=f.field all=f.all_fields selected=field
                choices=page.fields.iter().map(|(code, count)| (code.clone(), format!("{} ({count})", f.field_name(code)))).collect()/>
            {hidden_letter.map(|letter| view! { <input type="hidden" name="letter" value=letter/> })}
            <button type="submit" class="button">{f.filter}</button>
        </Form>
        <LetterIndex letters=page.letters filter=filter.clone()/>
        <p class="count" role="status">
            {letter_line}
            {count}
        </p>
        {empty.then(|| view! { <p class="notice">{f.none}</p> })}
        <ul class="faces-grid">
            {page.items.into_iter().map(|item| view! { <li><FaceCard item/></li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The A–Z index: every letter of the edition's alphabet, linked when names file under
/// it (keeping the country and field chosen), the current one marked.
#[component]
fn LetterIndex(letters: Vec<IndexLetter>, filter: FacesFilter) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let f = lang.faces();
    let all = faces_href(
        lang,
        &FacesFilter {
            letter: None,
            ..filter.clone()
        },
    );
    let current = filter.letter.clone();
    view! {
        <nav class="az-index" aria-label=f.index>
            <ul>
                <li><a href=all aria-current=current.is_none().then_some("page")>{f.all_letters}</a></li>
                {letters.into_iter().map(|IndexLetter { letter, count }| {
                    let selected = current.as_deref() == Some(letter.as_str());
                    if count == 0 {
                        view! { <li><span class="az-empty" aria-disabled="true">{letter}</span></li> }.into_any()
                    } else {
                        let href = faces_href(lang, &FacesFilter { letter: Some(letter.clone()), ..filter.clone() });
                        view! { <li><a href=href aria-current=selected.then_some("page") title=f.count.count(lang, count as usize)>{letter}</a></li> }.into_any()
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}

#[component]
fn FaceCard(item: ProfileCard) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let href = story_path(lang, item.card.kind, &item.card.slug);
    let place = lang.join_list(&[item.city, item.country]);
    view! {
        <article class="face-card">
            {item.card.cover.clone().map(|image| view! { <a href=href.clone() tabindex="-1" aria-hidden="true"><Cover image sizes="(min-width: 60rem) 14rem, 45vw"/></a> })}
            <h2><a href=href>{item.card.title}</a></h2>
            <p class="face-meta"><span class="face-field">{lang.faces().field_name(&item.field)}</span>" · "{place}</p>
            <p class="face-summary">{item.card.summary}</p>
        </article>
    }
}
