//! The form components. A reader form (`island::ReaderForm`) is a real
//! `<form method="post">` to its page, complete in the server's HTML (signed ticket,
//! hidden honeypot, the values and problems of a refused plain POST). After hydration
//! it posts the same fields with `fetch` and shows the answer in place: problems next
//! to their fields, focus on the first one, or the thank-you message.

use super::{field, FormKind, Notice, Outcome, Problem};
use crate::components::field::{described_by, FieldHint, FieldProblem};
use crate::components::layout::use_lang;
use crate::i18n::Texts;
use crate::i18n::{FormStrings, Strings};
use content::address::{Named, Page};
use content::model::FormValues;
use leptos::prelude::*;

/// What the fields of one form share.
#[derive(Clone, Copy)]
pub struct FormState {
    /// Prefix of the fields' ids (several forms can share a page).
    pub(super) prefix: &'static str,
    pub(super) outcome: RwSignal<Outcome>,
    pub(super) values: StoredValue<FormValues>,
}

impl FormState {
    fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    fn value(&self, name: &str) -> String {
        self.values
            .with_value(|values| values.get(name).unwrap_or_default().to_owned())
    }
}

/// The message for a field problem, in the reader's language.
pub fn problem_text(t: &FormStrings, problem: Problem) -> String {
    match problem {
        Problem::Required => t.error_required.to_owned(),
        Problem::TooShort { min } => Strings::fill(t.error_too_short, &[("min", min.to_string())]),
        Problem::TooLong { max } => Strings::fill(t.error_too_long, &[("max", max.to_string())]),
        Problem::InvalidEmail => t.error_email.to_owned(),
        Problem::NoList => t.error_no_list.to_owned(),
        Problem::AttachmentType => t.error_attachment_type.to_owned(),
        Problem::AttachmentSize => t.error_attachment_size.to_owned(),
        Problem::MustAgree => t.error_agree.to_owned(),
    }
}

fn notice_text(t: &FormStrings, notice: Notice) -> &'static str {
    match notice {
        Notice::TryAgain => t.try_again,
        Notice::TryLater => t.try_later,
        Notice::Unavailable => t.unavailable,
    }
}

/// The form's body: its fields, alert and thank-you, and posting in place.
#[component]
pub(super) fn FormBody(
    kind: FormKind,
    state: FormState,
    ticket: RwSignal<String>,
    sent_by_redirect: impl Fn() -> bool + Send + Sync + 'static,
    hidden: StoredValue<Vec<(&'static str, &'static str)>>,
    children: StoredValue<ChildrenFn>,
) -> impl IntoView {
    let lang = use_lang();
    let f = move || lang.get().forms();
    let pending = RwSignal::new(false);
    let action = move || format!("/{}/{}", lang.get().code(), kind.page());
    let labels = move || match kind {
        FormKind::Subscribe => (f().subscribe, f().subscribe_sent),
        FormKind::Contact => (f().send, f().contact_sent),
        FormKind::OpEd => (f().send_op_ed, f().op_ed_sent),
    };
    let sent = Memo::new(move |_| state.outcome.with(|o| o.sent) || sent_by_redirect());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        enhance::submit(ev, state, ticket, pending);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, pending);
    };
    let initial_ticket = ticket.get_untracked();
    view! {
        <div class="reader-form-wrap">
            <p class="form-sent" role="status" tabindex="-1" id=state.id("sent") hidden=move || !sent.get()>
                {move || labels().1}
            </p>
            <form
                class="reader-form"
                method="post"
                action=action
                enctype=if kind == FormKind::OpEd { "multipart/form-data" } else { "application/x-www-form-urlencoded" }
                novalidate
                hidden=move || sent.get()
                on:submit=on_submit
            >
                <input type="hidden" name=field::FORM value=kind.code()/>
                <input type="hidden" name=field::TICKET value=initial_ticket prop:value=move || ticket.get()/>
                {hidden.get_value().into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                <div class="form-trap" aria-hidden="true">
                    <label>
                        {move || f().honeypot}
                        <input type="text" name=field::HONEYPOT tabindex="-1" autocomplete="off"/>
                    </label>
                </div>
                {move || {
                    let outcome = state.outcome.get();
                    let message = match outcome.notice {
                        Some(notice) => Some(notice_text(f(), notice)),
                        None if !outcome.errors.is_empty() => Some(f().fix_errors),
                        None => None,
                    };
                    message.map(|text| view! {
                        <p class="form-alert" role="alert" id=state.id("alert") tabindex="-1">{text}</p>
                    })
                }}
                {children.with_value(|children| children())}
                <button type="submit" class="button" disabled=move || pending.get()>
                    {move || if pending.get() { f().sending } else { labels().0 }}
                </button>
            </form>
        </div>
    }
}

/// The problem message under a field, and the attributes that tie it to the input.
fn field_problem(state: FormState, name: &'static str) -> impl Fn() -> Option<String> + Copy {
    let lang = use_lang();
    move || {
        state
            .outcome
            .with(|o| o.problem(name))
            .map(|p| problem_text(lang.get().forms(), p))
    }
}

#[component]
fn ProblemText(name: &'static str) -> impl IntoView {
    let state = expect_context::<FormState>();
    let problem = field_problem(state, name);
    view! { <FieldProblem id=state.id(&format!("{name}-error")) text=Signal::derive(problem)/> }
}

/// The label of a field, with "required" for screen and eye alike.
#[component]
fn FieldLabel(
    name: &'static str,
    label: fn(&FormStrings) -> &'static str,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let lang = use_lang();
    view! {
        <label for=state.id(name)>
            {move || label(lang.get().forms())}
            {required.then(|| view! { <span class="required"> {move || format!("({})", lang.get().forms().required)}</span> })}
        </label>
    }
}

/// A one-line text field (`kind`: text, email).
#[component]
pub fn TextField(
    name: &'static str,
    label: fn(&FormStrings) -> &'static str,
    #[prop(default = "text")] kind: &'static str,
    max: usize,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let problem = field_problem(state, name);
    let lang = use_lang();
    let placeholder = move || (kind == "email").then(|| lang.get().forms().email_hint);
    view! {
        <div class="field">
            <FieldLabel name label/>
            <input
                type=kind
                id=state.id(name)
                name=name
                value=state.value(name)
                maxlength=max
                required
                autocomplete=autocomplete
                placeholder=placeholder
                dir=if kind == "email" { Some("ltr") } else { None }
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=move || problem().map(|_| state.id(&format!("{name}-error")))
            />
            <ProblemText name/>
        </div>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    name: &'static str,
    label: fn(&FormStrings) -> &'static str,
    max: usize,
    #[prop(default = 8)] rows: u32,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let problem = field_problem(state, name);
    view! {
        <div class="field">
            <FieldLabel name label/>
            <textarea
                id=state.id(name)
                name=name
                rows=rows
                maxlength=max
                required
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=move || problem().map(|_| state.id(&format!("{name}-error")))
            >{state.value(name)}</textarea>
            <ProblemText name/>
        </div>
    }
}

/// A box to tick; `value` is what is posted when ticked.
#[component]
pub fn CheckField(
    name: &'static str,
    value: &'static str,
    label: Signal<String>,
    #[prop(default = false)] checked: bool,
    /// The id suffix when several boxes share a name.
    #[prop(default = "")]
    suffix: &'static str,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let problem = field_problem(state, name);
    let id = state.id(&format!("{name}{suffix}"));
    let posted = state.values.with_value(|values| values.has(name, value));
    let was_posted = state.values.with_value(|values| !values.is_empty());
    let checked = if was_posted { posted } else { checked };
    view! {
        <div class="field field-check">
            <input
                type="checkbox"
                id=id.clone()
                name=name
                value=value
                checked=checked
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=move || problem().map(|_| state.id(&format!("{name}-error")))
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// A group of boxes sharing one problem message (the lists of a subscription).
#[component]
pub fn CheckGroup(name: &'static str, legend: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <fieldset class="field check-group">
            <legend>{legend}</legend>
            {children()}
            <ProblemText name/>
        </fieldset>
    }
}

/// A single box with its own problem message (agreement).
#[component]
pub fn AgreeField(label: Signal<String>) -> impl IntoView {
    view! {
        <CheckField name=field::AGREE value="yes" label/>
        <ProblemText name=field::AGREE/>
    }
}

/// The optional file of an op-ed.
#[component]
pub fn FileField() -> impl IntoView {
    let state = expect_context::<FormState>();
    let name = field::ATTACHMENT;
    let problem = field_problem(state, name);
    let lang = use_lang();
    let (hint_id, error_id) = (state.id("attachment-hint"), state.id("attachment-error"));
    let described = move || described_by([Some(&hint_id), problem().map(|_| error_id.as_str())]);
    view! {
        <div class="field">
            <FieldLabel name label=|f| f.attachment required=false/>
            <input
                type="file"
                id=state.id(name)
                name=name
                accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=described
            />
            <FieldHint id=state.id("attachment-hint")>{move || lang.get().forms().attachment_hint}</FieldHint>
            <ProblemText name/>
        </div>
    }
}

/// Under each form: what the data is for, and the privacy notice.
#[component]
pub fn PrivacyNote(text: fn(&FormStrings) -> &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="form-note">
            {move || text(lang.get().forms())}" "
            <a href=move || Page::Named(Named::Privacy).path(lang.get())>{move || lang.get().forms().privacy_link}</a>
        </p>
    }
}

#[cfg(feature = "hydrate")]
mod enhance {
    //! Posting a form with `fetch` (same fields, `Accept: application/json`).

    use super::{FormState, Outcome};
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    async fn post(form: &web_sys::HtmlFormElement) -> Option<Outcome> {
        let data = web_sys::FormData::new_with_form(form).ok()?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&data);
        let headers = web_sys::Headers::new().ok()?;
        headers.set("Accept", "application/json").ok()?;
        init.set_headers(&headers);
        let request = web_sys::Request::new_with_str_and_init(&form.action(), &init).ok()?;
        let response: web_sys::Response =
            JsFuture::from(web_sys::window()?.fetch_with_request(&request))
                .await
                .ok()?
                .dyn_into()
                .ok()?;
        let text = JsFuture::from(response.text().ok()?).await.ok()?;
        serde_json::from_str(&text.as_string()?).ok()
    }

    fn focus(id: &str) {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    }

    /// Sends the form in the background and shows the answer.
    pub fn submit(
        ev: leptos::ev::SubmitEvent,
        state: FormState,
        ticket: RwSignal<String>,
        pending: RwSignal<bool>,
    ) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        leptos::task::spawn_local(async move {
            let outcome = post(&form)
                .await
                .unwrap_or_else(|| Outcome::notice(super::Notice::Unavailable));
            pending.set(false);
            if let Some(fresh) = &outcome.ticket {
                ticket.set(fresh.clone());
            }
            let first_problem = outcome.errors.first().map(|e| e.field.clone());
            let sent = outcome.sent;
            state.outcome.set(outcome);
            if sent {
                form.reset();
            }
            // After the DOM shows the answer: the thank-you, the first field to fix, or
            // the alert.
            let target = if sent {
                state.id("sent")
            } else {
                match first_problem.as_deref() {
                    Some("list") => state.id("list-newsletter"),
                    Some(name) => state.id(name),
                    None => state.id("alert"),
                }
            };
            request_animation_frame(move || focus(&target));
        });
    }
}
