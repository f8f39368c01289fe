//! `/admin/media`: the media library — upload a picture, a PDF or a sound with its
//! alt text (description) in each language (a plain multipart form posted to the
//! server); the newest pictures with their sizes, ready to be chosen as covers, and the
//! newest documents and sounds, ready to be attached to publications and episodes; each
//! item's own page below.

pub mod item;
pub mod post;

use crate::fields::PostNotice;
use crate::i18n::AdminTexts;
use crate::session::{admin_fallback, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::Strings;
use content::lang::Lang;
use content::model::{text_in, LibraryFile, LibraryPicture, MediaLibrary};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The media library's newest pictures, documents and sounds.
#[server(prefix = "/api/admin", endpoint = "media", output = JsonReply)]
pub async fn get_media_library() -> Result<content::model::MediaLibrary, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Author)?;
    let pool = pool()?;
    Ok(content::model::MediaLibrary {
        pictures: content::media_library::recent_images(&pool, 120)
            .await
            .map_err(internal)?,
        files: content::media_files::recent_files(&pool, None, user.lang, 120)
            .await
            .map_err(internal)?,
    })
}

/// Order of the upload problems' codes (`?error=`), as in the translated messages.
const PROBLEM_CODES: [&str; 6] = ["type", "bytes", "pixels", "broken", "empty", "storage"];

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
    let uploaded = match (query.get("uploaded"), query.get("kind").as_deref()) {
        (Some(_), Some("file")) => Some(e.uploaded_file),
        (Some(_), _) => Some(e.uploaded),
        _ => None,
    };
    let data = Resource::new(|| (), |_| get_media_library());
    view! {
        <Title text=format!("{} — CCME", e.media)/>
        <h1>{e.media}</h1>
        {uploaded.map(|done| view! { <p class="notice notice-success" role="status">{done}</p> })}
        <PostNotice posted=None/>
        {problem.map(|p| view! { <p class="notice notice-error" role="alert">{p}</p> })}
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="editor-form admin-upload">
            <fieldset>
                <label for="upload-file">{e.file}</label>
                <input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf,audio/*" aria-describedby="upload-hint"/>
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
                    Ok(MediaLibrary { pictures, files }) => view! { <Library pictures/> <Files files/> }.into_any(),
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
                let alt = text_in(&p.alts, lang);
                view! {
                    <li class="media-item" id=format!("media-{}", p.id)>
                        <img src=p.src.clone() alt=alt width=p.width height=p.height loading="lazy"/>
                        <p class="media-name" dir="auto">{p.name.clone()}</p>
                        <p><a href=format!("/admin/media/{}", p.id) class="media-edit">{e.edit_media_link}</a></p>
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

/// A size in bytes as people read it (kB under a megabyte, else MB with one decimal).
pub(super) fn readable_size(bytes: i64) -> String {
    if bytes < 1_000_000 {
        format!("{} kB", (bytes + 999) / 1000)
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

#[component]
fn Files(files: Vec<LibraryFile>) -> impl IntoView {
    let e = use_admin_session().lang.editor();
    view! {
        <h2 id="documents">{e.documents}</h2>
        {files.is_empty().then(|| view! { <p class="notice">{e.no_documents}</p> })}
        <ul class="admin-stories media-files" aria-labelledby="documents">
            {files.into_iter().map(|file| {
                let kind = if file.kind == "pdf" { e.file_kinds[0] } else { e.file_kinds[1] };
                view! {
                    <li class="admin-story media-file" id=format!("media-{}", file.id)>
                        <a class="admin-story-title" href=file.src.clone() dir="auto">{file.label.clone()}</a>
                        <span class="admin-story-meta">
                            {format!("#{} · {kind} · {} · ", file.id, readable_size(file.bytes))}
                            <span dir="auto">{file.name.clone()}</span>
                            " · "<a href=format!("/admin/media/{}", file.id) class="media-edit">{e.edit_media_link}</a>
                        </span>
                        {(file.kind == "audio").then(|| view! {
                            <audio controls preload="none" src=file.src.clone() aria-label=file.label.clone()></audio>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
