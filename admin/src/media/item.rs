//! `/admin/media/{id}`: one item of the media library — the picture, PDF or sound, its
//! description in each language (written beside each other, each in its direction) to
//! correct or complete after the upload, the stories that use it, and for editors a
//! delete button once nothing does. A plain form, posted to `post.rs`.

use crate::fields::{posted_for, PostNotice, TextField};
use crate::i18n::AdminTexts;
use crate::media::readable_size;
use crate::session::{loaded, use_admin_session};
use crate::structure::sections::id_param;
use app::api::reply::JsonReply;
use app::i18n::Strings;
use content::model::{text_in, MediaItem, Role};
use leptos::prelude::*;
use leptos_meta::Title;

/// One library item with its descriptions and what uses it (its edit page).
#[server(prefix = "/api/admin", endpoint = "media_item", output = JsonReply)]
pub async fn get_media_item(id: i64) -> Result<Option<content::model::MediaItem>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    app::api::access::require(content::model::Role::Author)?;
    content::media_edit::media_item(&pool()?, id)
        .await
        .map_err(internal)
}

/// The page.
#[component]
pub fn MediaItemPage() -> impl IntoView {
    let session = use_admin_session();
    let (e, s) = (session.lang.editor(), session.lang.structure());
    let id = id_param().unwrap_or(0);
    let data = Resource::new(move || id, get_media_item);
    view! {
        <Title text=format!("{} — CCME", e.edit_media)/>
        <h1>{e.edit_media}</h1>
        <p><a href="/admin/media">{e.media}</a></p>
        {loaded(data, session.lang.admin().not_allowed, move |item| match item {
            Some(item) => view! { <ItemForm item/> }.into_any(),
            None => view! { <p class="notice notice-error">{s.problem("not_found").to_owned()}</p> }.into_any(),
        })}
    }
}

/// What the file is: the picture itself, or a link to the document with a player.
#[component]
fn Preview(item: MediaItem) -> impl IntoView {
    let lang = use_admin_session().lang;
    let e = lang.editor();
    let alt = text_in(&item.descriptions, lang);
    let facts = match item.kind.as_str() {
        "image" => format!(
            "{} × {} · {} · {}",
            item.width,
            item.height,
            readable_size(item.bytes),
            Strings::fill(e.renditions, &[("n", item.renditions.to_string())])
        ),
        _ => readable_size(item.bytes),
    };
    view! {
        <div class="media-preview">
            {match item.kind.as_str() {
                "image" => view! {
                    <img src=item.src.clone() alt=alt width=item.width height=item.height/>
                }.into_any(),
                "audio" => view! {
                    <audio controls preload="none" src=item.src.clone()></audio>
                }.into_any(),
                _ => view! { <a href=item.src.clone()>{item.src.clone()}</a> }.into_any(),
            }}
            <p class="media-name" dir="auto">{item.name.clone()}</p>
            <p class="field-hint">{facts}</p>
        </div>
    }
}

/// The descriptions form, what uses the item, and the delete button.
#[component]
fn ItemForm(item: MediaItem) -> impl IntoView {
    let session = use_admin_session();
    let (e, s) = (session.lang.editor(), session.lang.structure());
    let action = format!("/admin/media/{}", item.id);
    let posted = posted_for(&action);
    let unused = item.uses.is_empty() && item.other_uses == 0;
    let may_delete = session
        .user
        .as_ref()
        .is_some_and(|u| u.role.allows(Role::Editor));
    let descriptions = item.descriptions.clone();
    let uses = item.uses.clone();
    let other_uses = item.other_uses;
    view! {
        <PostNotice posted=posted.clone()/>
        <Preview item/>
        <form method="post" action=action class="editor-form">
            <h2>{e.describe}</h2>
            <div class="structure-langs">
                {descriptions.into_iter().map(|(lang, text)| view! {
                    <fieldset class="structure-lang" lang=lang.code() dir=lang.dir()>
                        <legend>{lang.native_name()}</legend>
                        <TextField name=format!("alt_{}", lang.code())
                            label=Strings::fill(e.alt_in, &[("lang", lang.native_name().to_owned())])
                            value=text lang posted=posted.clone()/>
                    </fieldset>
                }).collect_view()}
            </div>
            <div class="editor-actions">
                <button type="submit" name="action" value="save" class="button">{s.save}</button>
                {(may_delete && unused).then(|| view! {
                    <button type="submit" name="action" value="delete" class="button button-secondary">{s.delete}</button>
                })}
            </div>
        </form>
        <h2 id="media-uses">{e.used_by}</h2>
        {unused.then(|| view! { <p class="notice">{e.used_by_none}</p> })}
        <ul class="admin-stories" aria-labelledby="media-uses">
            {uses.into_iter().map(|used| view! {
                <li class="admin-story">
                    <a class="admin-story-title" href=format!("/admin/stories/{}/{}", used.story_id, used.lang.code())
                        lang=used.lang.code() dir=used.lang.dir()>{used.title}</a>
                    <span class="admin-story-meta"><span class="version-lang">{used.lang.code().to_uppercase()}</span></span>
                </li>
            }).collect_view()}
        </ul>
        {(other_uses > 0).then(|| view! { <p class="notice">{e.used_by_programme}</p> })}
        {(!unused && may_delete).then(|| view! { <p class="field-hint">{e.delete_when_unused}</p> })}
    }
}
