//! `/admin/media`: the media library — upload a picture with its alt text in each
//! language (a plain multipart form posted to the server), and the newest pictures
//! with their sizes, ready to be chosen as covers in the editor.

use super::{admin_fallback, use_admin_session};
use crate::api::editorial::get_media_library;
use crate::i18n::{Lang, Strings};
use crate::model::LibraryPicture;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Order of the upload problems' codes (`?error=`), as in the translated messages.
const PROBLEM_CODES: [&str; 5] = ["type", "bytes", "pixels", "broken", "empty"];

/// The library page.
#[component]
pub fn MediaPage() -> impl IntoView {
    let lang = use_admin_session().lang;
    let e = lang.editor();
    let query = use_query_map().get_untracked();
    let problem = query
        .get("error")
        .and_then(|code| PROBLEM_CODES.iter().position(|c| *c == code))
        .map(|i| e.upload_problems[i]);
    let uploaded = query.get("uploaded").is_some();
    let data = Resource::new(|| (), |_| get_media_library());
    view! {
        <Title text=format!("{} — CCME", e.media)/>
        <h1>{e.media}</h1>
        {uploaded.then(|| view! { <p class="notice notice-success" role="status">{e.uploaded}</p> })}
        {problem.map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="editor-form admin-upload">
            <fieldset>
                <label for="upload-file">{e.file}</label>
                <input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="upload-hint"/>
                <p class="field-hint" id="upload-hint">{e.file_hint}</p>
                {Lang::ALL.iter().map(|&l| {
                    let id = format!("upload-alt-{}", l.code());
                    view! {
                        <label for=id.clone()>{Strings::fill(e.alt_in, &[("lang", l.native_name().to_owned())])}</label>
                        <input id=id name=format!("alt_{}", l.code()) lang=l.code() dir=l.dir()/>
                    }
                }).collect_view()}
            </fieldset>
            <div class="editor-actions"><button type="submit" class="button">{e.upload}</button></div>
        </form>
        <Suspense fallback=admin_fallback>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(pictures) => view! { <Library pictures/> }.into_any(),
                    Err(_) => view! { <p class="notice notice-error">{lang.admin().not_allowed}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Library(pictures: Vec<LibraryPicture>) -> impl IntoView {
    let lang = use_admin_session().lang;
    let e = lang.editor();
    view! {
        <ul class="media-grid">
            {pictures.into_iter().map(|p| {
                let alt = p.alts.iter().find(|(l, _)| *l == lang).map(|(_, a)| a.clone()).unwrap_or_default();
                view! {
                    <li class="media-item" id=format!("media-{}", p.id)>
                        <img src=p.src.clone() alt=alt width=p.width height=p.height loading="lazy"/>
                        <p class="media-name" dir="auto">{p.name.clone()}</p>
                        <p class="field-hint">{format!("{} × {} · ", p.width, p.height)}{Strings::fill(e.renditions, &[("n", p.variants.to_string())])}</p>
                        <ul class="media-alts">
                            {p.alts.into_iter().filter(|(_, a)| !a.is_empty()).map(|(l, a)| view! {
                                <li lang=l.code() dir=l.dir()><span class="version-lang">{l.code().to_uppercase()}</span>" "{a}</li>
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
