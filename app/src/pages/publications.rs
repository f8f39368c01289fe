//! `/{lang}/publications` (the library: collections, filters by collection, year and
//! the book's language, new releases, pagination) and `/{lang}/publications/{slug}`
//! (one book: cover, authors, details, contents, the PDF to read or download). The
//! filters are a plain GET form: shareable addresses, working without JavaScript.

use crate::api::library::{get_library, get_publication};
use crate::components::breadcrumb::Breadcrumb;
use crate::components::cards::Cover;
use crate::components::filters::FilterSelect;
use crate::components::layout::use_lang;
use crate::components::meta::PageMeta;
use crate::components::pagination::Pagination;
use crate::components::status::loaded_page;
use crate::i18n::Strings;
use crate::i18n::Texts;
use crate::pages::listing_page;
use crate::pages::{load_item, use_page_param};
use content::address::story_path;
use content::address::{encode_segment, Named, Page};
use content::lang::Lang;
use content::model::{Crumb, LibraryFilters, LibraryPage, PublicationCard, PublicationPage};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

crate::page_route!(
    /// The library.
    LibraryRoute => LibraryPage, Page::Named(Named::Publications)
);
crate::page_route!(
    /// One publication.
    PublicationRoute => PublicationDetailPage, loads PublicationPage = load_item(get_publication)
);

/// The address of a filtered listing (page 1).
fn library_url(lang: Lang, filters: &LibraryFilters) -> String {
    let mut query = Vec::new();
    if let Some(c) = &filters.collection {
        query.push(format!("collection={}", encode_segment(c)));
    }
    if let Some(y) = filters.year {
        query.push(format!("year={y}"));
    }
    if let Some(l) = filters.language {
        query.push(format!("language={}", l.code()));
    }
    let base = Page::Named(Named::Publications).path(lang);
    if query.is_empty() {
        base
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

/// "23 KB", "1.2 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `/{lang}/publications`.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        LibraryFilters {
            collection: q.get("collection").filter(|c| !c.is_empty()),
            year: q.get("year").and_then(|y| y.parse().ok()),
            language: q.get("language").and_then(|l| Lang::from_code(&l)),
        }
    };
    let page = use_page_param();
    let data = Resource::new(
        move || (lang.get(), filters(), page()),
        |(lang, filters, page)| get_library(lang, filters, page),
    );
    listing_page(
        "publications",
        |lang| (lang.library().title, lang.library().intro),
        data,
        move |library| view! { <LibraryView library filters=filters()/> }.into_any(),
    )
}

#[component]
fn LibraryView(library: LibraryPage, filters: LibraryFilters) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let l = lang.library();
    let base = library_url(lang, &filters);
    let unfiltered = filters == LibraryFilters::default();
    view! {
        <Form method="get" action=Page::Named(Named::Publications).path(lang) attr:class="library-filters">
            <FilterSelect name="collection" label=l.collection all=l.all_collections selected=filters.collection.clone()
                choices=library.collections.iter().map(|c| (c.section.slug.clone(), format!("{} ({})", c.section.name, c.count))).collect()/>
            <FilterSelect name="year" label=l.year all=lang.t().all_years selected=filters.year.map(|y| y.to_string())
                choices=library.years.iter().map(|y| (y.to_string(), y.to_string())).collect()/>
            <FilterSelect name="language" label=l.book_language all=l.any_language selected=filters.language.map(|l| l.code().to_owned())
                choices=Lang::ALL.iter().map(|l| (l.code().to_owned(), l.native_name().to_owned())).collect()/>
            <button type="submit" class="button">{l.filter}</button>
        </Form>
        {(unfiltered && library.page == 1).then(|| view! {
            <section class="new-releases">
                <h2>{l.new_releases}</h2>
                <ul class="book-grid">
                    {library.new_releases.into_iter().map(|book| view! { <li><BookCard book/></li> }).collect_view()}
                </ul>
            </section>
        })}
        <p class="count" role="status">{l.count.count(lang, library.total as usize)}</p>
        {if library.items.is_empty() {
            view! { <p class="notice">{l.none}</p> }.into_any()
        } else {
            view! {
                <ul class="book-grid">
                    {library.items.into_iter().map(|book| view! { <li><BookCard book/></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pagination base page=library.page total_pages=library.total_pages/>
    }
}

/// A book in a list: cover, title, authors, year and collection.
#[component]
fn BookCard(book: PublicationCard) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let href = story_path(lang, book.card.kind, &book.card.slug);
    view! {
        <article class="book-card">
            {book.card.cover.clone().map(|image| view! {
                <a href=href.clone() tabindex="-1" aria-hidden="true"><Cover image sizes="12rem"/></a>
            })}
            <h3><a href=href>{book.card.title.clone()}</a></h3>
            <p class="book-authors">{book.authors.clone()}</p>
            <p class="book-meta">
                {book.year.to_string()}
                {book.card.section.map(|s| format!(" · {}", s.name))}
            </p>
        </article>
    }
}

/// `/{lang}/publications/{slug}`.
#[component]
pub fn PublicationDetailPage(
    data: Resource<Result<Option<PublicationPage>, ServerFnError>>,
) -> impl IntoView {
    loaded_page(data, move |book| view! { <BookView book/> }.into_any())
}

#[component]
fn BookView(book: PublicationPage) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let l = lang.library();
    let card = book.item.card.clone();
    let collection = card.section.clone();
    let mut crumbs = vec![
        Crumb {
            label: lang.t().home.to_owned(),
            href: Some(Page::Home.path(lang)),
        },
        Crumb {
            label: l.title.to_owned(),
            href: Some(Page::Named(Named::Publications).path(lang)),
        },
    ];
    if let Some(c) = &collection {
        crumbs.push(Crumb {
            label: c.name.clone(),
            href: Some(library_url(
                lang,
                &LibraryFilters {
                    collection: Some(c.slug.clone()),
                    ..Default::default()
                },
            )),
        });
    }
    crumbs.push(Crumb {
        label: card.title.clone(),
        href: None,
    });
    let details: Vec<(&str, String)> = [
        Some((l.authors, book.item.authors.clone())),
        collection.as_ref().map(|c| (l.collection, c.name.clone())),
        Some((l.year, book.item.year.to_string())),
        Some((
            l.languages,
            book.item
                .languages
                .iter()
                .map(|l| l.native_name())
                .collect::<Vec<_>>()
                .join(", "),
        )),
        book.isbn.clone().map(|isbn| (l.isbn, isbn)),
        book.pages.map(|p| (l.pages, p.to_string())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let actions = book.pdf.map(|pdf| {
        view! {
            <p class="book-actions">
                <a class="button" href=pdf.href.clone() type="application/pdf">{l.read}</a>
                <a class="button button-secondary" href=pdf.href download>
                    {Strings::fill(l.download, &[("size", file_size(pdf.bytes))])}
                </a>
            </p>
        }
        .into_any()
    });
    let contents = (!book.contents.is_empty()).then(|| {
        view! {
            <section class="book-contents">
                <h2>{l.contents}</h2>
                <ol>{book.contents.into_iter().map(|entry| view! { <li>{entry}</li> }).collect_view()}</ol>
            </section>
        }
        .into_any()
    });
    let body = view! {
        <div class="book-body">
            <h1>{card.title.clone()}</h1>
            <dl class="book-details">
                {details.into_iter().map(|(term, value)| view! {
                    <div><dt>{term}</dt><dd dir=if term == l.isbn { Some("ltr") } else { None }>{value}</dd></div>
                }).collect_view()}
            </dl>
            <p class="lede">{card.summary.clone()}</p>
            {actions}
            {contents}
        </div>
    }
    .into_any();
    view! {
        <PageMeta
            title=format!("{} — {}", card.title, lang.t().site_name)
            description=card.summary.clone()
            path=story_path(lang, card.kind, &card.slug)
            og_type="book"
            image=card.cover.clone()
        />
        <div class="container book-page">
            <Breadcrumb crumbs/>
            <div class="book-layout">
                {card.cover.clone().map(|image| view! { <div class="book-cover"><Cover image sizes="18rem" eager=true/></div> })}
                {body}
            </div>
        </div>
    }
}
