//! `/admin/stories/new` and `/admin/stories/{id}/{lang}`: the editor of one language
//! version, beside another version for reference (in its own direction: an Arabic
//! version is written right to left whatever the back office's language). A plain
//! form posted to the server, which saves and comes back here with `?saved=`, or
//! renders this page again with what was typed and what to fix ([`EditorRefused`]).

use crate::i18n::AdminTexts;
use crate::i18n::EditorStrings;
use crate::session::{admin_fallback, use_admin_session};
use crate::stories::details::detail_fields;
use crate::stories::{kind_name, VersionBadge};
use app::api::reply::JsonReply;
use app::components::field::FieldProblem;
use app::i18n::Strings;
use content::editorial::details::of_kind;
use content::editorial::save::new_kind;
use content::lang::Lang;
use content::model::{
    EditorAction, EditorPage, EditorProblem, EditorRefused, ReferenceVersion, Refused, StoryKind,
    StoryStatus,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The editor of version `lang` of story `story` (`None`: a new story), with the
/// version `reference` beside it when there is one. `None`: no such story.
#[server(prefix = "/api/admin", endpoint = "editor", output = JsonReply)]
pub async fn get_editor(
    story: Option<i64>,
    lang: Lang,
    reference: Option<Lang>,
) -> Result<Option<EditorPage>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Author)?;
    content::editorial::page::editor_page(&pool()?, &user, story, lang, reference)
        .await
        .map_err(internal)
}

/// A new story (`?lang=` its first language, `?kind=` its kind: an article unless
/// `page`, `interview`, `profile`, `publication` or `episode`).
#[component]
pub fn NewStoryPage() -> impl IntoView {
    let session = use_admin_session();
    let query = use_query_map().get_untracked();
    let lang = query
        .get("lang")
        .and_then(|l| Lang::from_code(&l))
        .unwrap_or(session.lang);
    let kind = new_kind(&query.get("kind").unwrap_or_default());
    view! { <EditorScreen story=None lang kind/> }
}

/// A version of an existing story (`?ref=` the version shown beside it).
#[component]
pub fn EditStoryPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let story = params.get("id").and_then(|id| id.parse().ok());
    let lang = params.get("lang").and_then(|l| Lang::from_code(&l));
    match (story, lang) {
        (Some(story), Some(lang)) => {
            view! { <EditorScreen story=Some(story) lang kind=StoryKind::Article/> }.into_any()
        }
        _ => view! { <NotFoundNotice/> }.into_any(),
    }
}

#[component]
fn NotFoundNotice() -> impl IntoView {
    let e = use_admin_session().lang.editor();
    view! { <p class="notice notice-error">{e.not_found}</p> }
}

#[component]
fn EditorScreen(story: Option<i64>, lang: Lang, kind: StoryKind) -> impl IntoView {
    let reference = use_query_map()
        .get_untracked()
        .get("ref")
        .and_then(|l| Lang::from_code(&l));
    let data = Resource::new(
        move || (story, lang, reference),
        |(s, l, r)| get_editor(s, l, r),
    );
    view! {
        <Suspense fallback=admin_fallback>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(mut page)) => {
                        if page.story_id.is_none() {
                            page.kind = kind;
                        }
                        view! { <EditorForm page/> }.into_any()
                    }
                    Ok(None) => view! { <NotFoundNotice/> }.into_any(),
                    Err(_) => view! { <p class="notice notice-error">{use_admin_session().lang.admin().not_allowed}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `YYYY-MM-DDTHH:MM` of a stored UTC time, for a `datetime-local` field.
fn minutes(iso: &str) -> String {
    iso.chars().take(16).collect()
}

/// A stored UTC time as people read it: `2026-12-01 09:30 UTC`.
fn readable(iso: &str) -> String {
    format!("{} UTC", minutes(iso).replace('T', " "))
}

/// The buttons this account sees for a version in `status`.
fn actions_for(page: &EditorPage) -> Vec<EditorAction> {
    let status = page.status;
    let live = matches!(
        status,
        Some(StoryStatus::Published) | Some(StoryStatus::Scheduled)
    );
    EditorAction::ALL
        .into_iter()
        .filter(|action| match action {
            EditorAction::Save => page.can_edit,
            EditorAction::Submit => {
                page.can_edit && matches!(status, None | Some(StoryStatus::Draft))
            }
            EditorAction::Publish => page.can_publish && status != Some(StoryStatus::Published),
            EditorAction::Schedule => page.can_publish && status != Some(StoryStatus::Published),
            EditorAction::Unpublish => page.can_publish && live,
            EditorAction::Archive => {
                page.can_publish && status.is_some() && status != Some(StoryStatus::Archived)
            }
        })
        .collect()
}

#[component]
fn EditorForm(page: EditorPage) -> impl IntoView {
    let admin_lang = use_admin_session().lang;
    let e = admin_lang.editor();
    let lang = page.lang;
    let action = match page.story_id {
        Some(id) => format!("/admin/stories/{id}/{}", lang.code()),
        None => "/admin/stories/new".to_owned(),
    };
    let posted = use_context::<EditorRefused>().filter(|refused| refused.is_for(&action));
    let saved = use_query_map()
        .get_untracked()
        .get("saved")
        .and_then(|a| EditorAction::from_code(&a));
    let (fields, section_id, cover_id, publish_at, utc) = match &posted {
        Some(Refused { values: draft, .. }) => (
            draft.fields.clone(),
            draft.section_id,
            draft.cover_id,
            draft.publish_at.clone(),
            None,
        ),
        None => (
            page.fields.clone(),
            page.section_id,
            page.cover_id,
            page.published_at
                .as_deref()
                .map(minutes)
                .unwrap_or_default(),
            page.published_at.clone(),
        ),
    };
    let heading = if page.fields.title.is_empty() {
        match page.kind {
            StoryKind::Page => e.new_page.to_owned(),
            StoryKind::Article => e.new_article.to_owned(),
            kind => format!("{} {}", e.new_of_kind, kind_name(e, kind)),
        }
    } else {
        page.fields.title.clone()
    };
    let field = FieldProblems {
        e,
        refused: posted.clone(),
    };
    let actions = actions_for(&page);
    view! {
        <Title text=format!("{heading} — CCME")/>
        <div class="admin-heading">
            <h1 lang=lang.code() dir="auto">{heading}</h1>
            <a href="/admin/stories">{e.back_to_list}</a>
        </div>
        <p class="editor-state">
            {kind_name(e, page.kind)}" · "{Strings::fill(e.editing, &[("lang", lang.native_name().to_owned())])}" · "
            <strong class="editor-status">{page.status.map_or(e.missing, |s| e.statuses[s.index()])}</strong>
            {(page.status == Some(StoryStatus::Scheduled)).then(|| page.published_at.as_deref().map(|at| view! {
                " · "{Strings::fill(e.scheduled_for, &[("date", readable(at))])}
            }))}
            {page.updated_at.as_deref().map(|at| view! { " · "{e.last_saved}" "{readable(at)} })}
        </p>
        {page.story_id.map(|id| view! {
            <nav class="admin-versions" aria-label=e.versions>
                {page.versions.iter().cloned().map(|version| view! { <VersionBadge id version/> }).collect_view()}
                {page.status.is_some().then(|| view! {
                    <a class="button button-secondary" href=format!("/{}/preview/{id}", lang.code()) target="_blank">{e.preview}</a>
                })}
                {page.public_path.clone().map(|href| view! { <a href=href target="_blank">{e.view_on_site}</a> })}
            </nav>
        })}
        {saved.map(|a| view! { <p class="notice notice-success" role="status">{e.done[a.index()]}</p> })}
        {posted.is_some().then(|| view! { <p class="notice notice-error" role="alert">{e.refused}</p> })}
        {field.note("action")}
        {(!page.can_edit).then(|| view! { <p class="notice">{e.read_only}</p> })}
        <div class="editor-columns" class:with-reference=page.reference.is_some()>
            <form method="post" action=action class="editor-form" novalidate>
                <input type="hidden" name="tz_offset" value="0"/>
                <input type="hidden" name="lang" value=lang.code()/>
                <input type="hidden" name="kind" value=page.kind.code()/>
                <fieldset disabled=!page.can_edit lang=lang.code() dir=lang.dir()>
                    <label for="editor-section">{e.section}</label>
                    <select id="editor-section" name="section" dir=admin_lang.dir() aria-invalid=field.invalid("section")>
                        <option value="">{e.no_section}</option>
                        {page.sections.iter().map(|s| view! {
                            <option value=s.id selected=section_id == Some(s.id)>{s.name.clone()}</option>
                        }).collect_view()}
                    </select>
                    {field.note("section")}
                    <label for="editor-title">{e.title}</label>
                    <input id="editor-title" name="title" value=fields.title aria-invalid=field.invalid("title") aria-describedby="title-problem"/>
                    {field.note("title")}
                    <label for="editor-slug">{e.slug}</label>
                    <input id="editor-slug" name="slug" value=fields.slug dir="auto" aria-describedby="slug-hint slug-problem" aria-invalid=field.invalid("slug")/>
                    <p class="field-hint" id="slug-hint">{e.slug_hint}</p>
                    {field.note("slug")}
                    <label for="editor-summary">{e.summary}</label>
                    <textarea id="editor-summary" name="summary" rows="3" aria-invalid=field.invalid("summary")>{fields.summary}</textarea>
                    {field.note("summary")}
                    <label for="editor-body">{e.body}</label>
                    <textarea id="editor-body" name="body" rows="18" aria-describedby="body-hint" aria-invalid=field.invalid("body")>{fields.body}</textarea>
                    <p class="field-hint" id="body-hint" dir="ltr">{e.body_hint}</p>
                    {field.note("body")}
                    <label for="editor-cover">{e.cover}</label>
                    <select id="editor-cover" name="cover" dir="auto">
                        <option value="">{e.no_cover}</option>
                        {page.images.iter().map(|image| view! {
                            <option value=image.id selected=cover_id == Some(image.id)>{image.option_text()}</option>
                        }).collect_view()}
                    </select>
                    {cover_id.and_then(|id| page.images.iter().find(|i| i.id == id)).map(|image| view! {
                        <img class="editor-cover-preview" src=image.src.clone() alt="" height="120"/>
                    })}
                    <label for="editor-signature">{e.signature}</label>
                    <input id="editor-signature" name="signature" value=fields.signature/>
                    <label for="editor-source">{e.source}</label>
                    <input id="editor-source" name="source" value=fields.source/>
                    <label for="editor-tags">{e.tags}</label>
                    <input id="editor-tags" name="tags" value=fields.tags aria-describedby="tags-hint tags-problem" aria-invalid=field.invalid("tags")/>
                    <p class="field-hint" id="tags-hint">{e.tags_hint}</p>
                    {field.note("tags")}
                    {page.attachment_kind.clone().map(|kind| {
                        let audio = kind == "audio";
                        view! {
                            <label for="editor-attachment">{e.attachment[usize::from(audio)]}</label>
                            <select id="editor-attachment" name="attachment" dir="auto">
                                <option value="">{e.no_attachment}</option>
                                {page.attachments.iter().map(|file| view! {
                                    <option value=file.id selected=fields.attachment == file.id.to_string()>{file.option_text()}</option>
                                }).collect_view()}
                            </select>
                            {audio.then(|| view! {
                                <label for="editor-duration">{e.duration}</label>
                                <input id="editor-duration" name="duration" value=fields.duration.clone() dir="ltr" inputmode="numeric"
                                    aria-describedby="duration-hint duration-problem" aria-invalid=field.invalid("duration")/>
                                <p class="field-hint" id="duration-hint">{e.duration_hint}</p>
                                {field.note("duration")}
                            })}
                        }
                        .into_any()
                    })}
                    {of_kind(page.kind).map(|spec| detail_fields(spec, &fields.details, &page.programmes, &page.images, lang, &field))}
                    {page.can_publish.then(|| view! {
                        <label for="editor-when">{e.publish_at}</label>
                        <input id="editor-when" name="publish_at" type="datetime-local" step="1" value=publish_at.clone()
                            data-utc=utc.clone() aria-describedby="when-hint" aria-invalid=field.invalid("publish_at")/>
                        <p class="field-hint" id="when-hint">{e.publish_at_hint}" "<noscript>{e.publish_at_utc}</noscript></p>
                        {field.note("publish_at")}
                    })}
                </fieldset>
                <div class="editor-actions">
                    {actions.into_iter().map(|a| view! {
                        <button type="submit" name="action" value=a.code()
                            class=if a == EditorAction::Save { "button" } else { "button button-secondary" }>
                            {e.actions[a.index()]}
                        </button>
                    }).collect_view()}
                </div>
            </form>
            <Reference reference=page.reference.clone()/>
        </div>
    }
}

/// The problems of a refused post, shown beside their fields.
#[derive(Clone)]
pub(super) struct FieldProblems {
    pub(super) e: &'static EditorStrings,
    refused: Option<EditorRefused>,
}

impl FieldProblems {
    fn problem_of(&self, field: &str) -> Option<EditorProblem> {
        self.refused.as_ref().and_then(|r| r.problem(field))
    }

    pub(super) fn invalid(&self, field: &str) -> Option<&'static str> {
        self.problem_of(field).map(|_| "true")
    }

    pub(super) fn note(&self, field: &str) -> impl IntoView {
        let text = self
            .problem_of(field)
            .map(|problem| self.e.problems[problem as usize].to_owned());
        view! { <FieldProblem id=format!("{field}-problem") text alert=true/> }
    }
}

/// The other version beside the editor, as readers get it.
#[component]
fn Reference(reference: Option<ReferenceVersion>) -> impl IntoView {
    let e = use_admin_session().lang.editor();
    match reference {
        None => view! { <aside class="editor-reference empty"><p>{e.no_reference}</p></aside> }.into_any(),
        Some(r) => view! {
            // Scrolls on its own: focusable so keyboard users can scroll it too.
            <aside class="editor-reference" aria-labelledby="reference-heading" tabindex="0">
                <h2 id="reference-heading">{Strings::fill(e.for_reference, &[("lang", r.lang.native_name().to_owned())])}</h2>
                <div lang=r.lang.code() dir=r.lang.dir()>
                    <h3>{r.title}</h3>
                    {(!r.summary.is_empty()).then(|| view! { <p class="lede">{r.summary.clone()}</p> })}
                    <div class="article-body" inner_html=r.body_html></div>
                </div>
            </aside>
        }
        .into_any(),
    }
}
