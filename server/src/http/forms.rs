//! POST handlers of the reader forms, mounted on the forms' own pages
//! (`/{lang}/newsletter`, `/contact`, `/tribune`, and the e-mailed links' pages).
//! Order of checks, cheapest first: per-IP rate limit (before the body is read), body
//! size, bot screen (honeypot, signed ticket), fields, per-address limits.
//!
//! Two kinds of answer from one handler: a page posted without JavaScript gets `303`
//! to the page with `?sent=` (nothing is posted twice on reload), or the page rendered
//! again with the reader's values and the translated problems; the enhanced page asks
//! for `application/json` and gets the `Outcome` itself.

#[cfg(test)]
mod tests;

use crate::state::{AppState, Limiter};
use app::forms::attachment::Upload;
use app::forms::submit::{self, Env, Screen};
use app::forms::ticket::TicketKey;
use app::forms::validate::Fields;
use app::forms::{field, FormKind, Notice, Outcome, ReaderRefused};
use app::i18n::Texts;
use app::serving::{client_ip, render_with, PageContext};
use axum::extract::{DefaultBodyLimit, FromRef, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Json, Router};
use content::lang::Lang;
use content::model::FormValues;
use content::Db;
use leptos::prelude::*;

/// Largest body of a text-only form (the longest message is 5,000 characters).
const TEXT_FORM_BYTES: usize = 64 * 1024;
/// Largest op-ed body: the 40,000-character text and a file a little over the 5 MiB
/// limit, so an oversized file gets its translated message with the text kept.
const OP_ED_BYTES: usize = 12 * 1024 * 1024;
/// Most fields a form can post.
const MAX_FIELDS: usize = 32;

/// What the reader forms' handlers read of the server's state.
#[derive(Clone)]
pub struct FormsState {
    pub pool: Db,
    pub site_url: String,
    pub editors: String,
    pub key: TicketKey,
    pub limiter: Limiter,
    /// Take the client address from the last `X-Forwarded-For` hop (behind a proxy).
    pub trust_proxy: bool,
    pub options: LeptosOptions,
    pub context: PageContext,
}

impl FromRef<AppState> for FormsState {
    fn from_ref(state: &AppState) -> FormsState {
        FormsState {
            pool: state.pool.clone(),
            site_url: state.config.site_url.clone(),
            editors: state.config.editors_email.clone(),
            key: state.ticket_key.clone(),
            limiter: state.form_limiter.clone(),
            trust_proxy: state.config.trust_proxy,
            options: state.options.clone(),
            context: state.context.clone(),
        }
    }
}

impl FormsState {
    /// Whether the client sending `request` has used up its posts for now (counts
    /// this one).
    fn over_limit(&self, request: &Request) -> bool {
        self.limiter
            .check_key(&client_ip(request, self.trust_proxy))
            .is_err()
    }
}

/// The POST routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/newsletter", post(subscribe))
        .route("/{lang}/contact", post(contact))
        .route("/{lang}/newsletter/confirm", post(confirm))
        .route("/{lang}/newsletter/unsubscribe", post(unsubscribe))
        .layer(DefaultBodyLimit::max(TEXT_FORM_BYTES))
        .route(
            "/{lang}/tribune",
            post(op_ed).layer(DefaultBodyLimit::max(OP_ED_BYTES)),
        )
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// A submission as posted: text fields and, for op-eds, the file.
struct Posted {
    fields: Fields,
    upload: Option<Upload>,
}

/// Reads a urlencoded or multipart body. `None`: unreadable (too large, malformed).
async fn read_body(request: Request) -> Option<Posted> {
    let is_multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !is_multipart {
        let Form(pairs) = Form::<Vec<(String, String)>>::from_request(request, &())
            .await
            .ok()?;
        return (pairs.len() <= MAX_FIELDS).then_some(Posted {
            fields: Fields(pairs),
            upload: None,
        });
    }
    let mut multipart = Multipart::from_request(request, &()).await.ok()?;
    let mut posted = Posted {
        fields: Fields::default(),
        upload: None,
    };
    let mut count = 0;
    while let Some(part) = multipart.next_field().await.ok()? {
        count += 1;
        if count > MAX_FIELDS {
            return None;
        }
        let name = part.name().unwrap_or_default().to_owned();
        if name == field::ATTACHMENT {
            let file_name = part.file_name().unwrap_or_default().to_owned();
            let bytes = part.bytes().await.ok()?.to_vec();
            posted.upload = Some(Upload { file_name, bytes });
        } else {
            let value = part.text().await.ok()?;
            posted.fields.0.push((name, value));
        }
    }
    Some(posted)
}

/// Answers a submission in the form the client asked for.
async fn answer(
    state: &FormsState,
    lang: Lang,
    kind: FormKind,
    json: bool,
    outcome: Outcome,
    values: Vec<(String, String)>,
) -> Response {
    let status = match (&outcome.notice, outcome.sent) {
        (_, true) => StatusCode::OK,
        (Some(Notice::TryLater), _) => StatusCode::TOO_MANY_REQUESTS,
        (Some(Notice::Unavailable), _) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let page = format!("/{}/{}", lang.code(), kind.page());
    if json {
        return (status, Json(outcome)).into_response();
    }
    if outcome.sent {
        return Redirect::to(&format!("{page}?sent={}", kind.code())).into_response();
    }
    // What the reader typed comes back in the form; it takes a fresh ticket as it renders.
    let refused = outcome.refusal(kind, FormValues(values));
    let mut response = render(state, &page, refused).await;
    *response.status_mut() = status;
    response
}

/// Renders the page at `path` with a refused submission shown again.
async fn render(state: &FormsState, path: &str, refused: ReaderRefused) -> Response {
    let options = state.options.clone();
    let request = axum::http::Request::builder().uri(path);
    render_with(
        move || app::shell(options.clone()),
        &state.context,
        request,
        refused,
    )
    .await
}

/// The common path of the three forms.
async fn handle(state: FormsState, lang: String, kind: FormKind, request: Request) -> Response {
    let Some(lang) = Lang::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let json = wants_json(request.headers());
    if state.over_limit(&request) {
        tracing::warn!(form = kind.code(), "form rate limit reached");
        // A page posted without JavaScript gets what was typed back (the body is read
        // within its size limit); the enhanced page keeps its fields itself.
        let values = match json {
            true => Vec::new(),
            false => read_body(request)
                .await
                .map(|p| p.fields.0)
                .unwrap_or_default(),
        };
        let outcome = Outcome::notice(Notice::TryLater);
        return answer(&state, lang, kind, json, outcome, values).await;
    }
    let Some(Posted { fields, upload }) = read_body(request).await else {
        let outcome = if kind == FormKind::OpEd {
            Outcome::invalid(vec![app::forms::FieldError {
                field: field::ATTACHMENT.into(),
                problem: app::forms::Problem::AttachmentSize,
            }])
        } else {
            Outcome::notice(Notice::TryAgain)
        };
        return answer(&state, lang, kind, json, outcome, Vec::new()).await;
    };
    let outcome = match submit::screen(&fields, &state.key) {
        Screen::Bot => {
            tracing::info!(
                form = kind.code(),
                "honeypot filled: answered as sent, nothing kept"
            );
            Outcome::sent()
        }
        Screen::Retry => submit::retry(&state.key, Notice::TryAgain),
        Screen::Pass => {
            let env = Env {
                pool: &state.pool,
                site_url: &state.site_url,
                editors: &state.editors,
                lang,
            };
            match kind {
                FormKind::Subscribe => submit::subscribe(&env, &fields).await,
                FormKind::Contact => submit::contact(&env, &fields).await,
                FormKind::OpEd => submit::op_ed(&env, &fields, upload).await,
            }
        }
    };
    answer(&state, lang, kind, json, outcome, fields.0).await
}

async fn subscribe(
    State(state): State<FormsState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    handle(state, lang, FormKind::Subscribe, request).await
}

async fn contact(
    State(state): State<FormsState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    handle(state, lang, FormKind::Contact, request).await
}

async fn op_ed(
    State(state): State<FormsState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    handle(state, lang, FormKind::OpEd, request).await
}

/// The button of a confirmation link's page.
async fn confirm(
    State(state): State<FormsState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    link_action(state, lang, "confirm", request).await
}

/// The button of an unsubscribe link's page, and mail providers' one-click
/// unsubscribe (RFC 8058: a POST to the `List-Unsubscribe` address).
async fn unsubscribe(
    State(state): State<FormsState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    link_action(state, lang, "unsubscribe", request).await
}

async fn link_action(state: FormsState, lang: String, action: &str, request: Request) -> Response {
    use content::subscriptions::{self, Consent};
    let Some(lang) = Lang::from_code(&lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if state.over_limit(&request) {
        return (StatusCode::TOO_MANY_REQUESTS, lang.forms().try_later).into_response();
    }
    // From a browser the token is a form field; mail providers post to the link itself.
    let from_query = request.uri().query().and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| *name == field::TOKEN)
            .map(|(_, value)| value.to_owned())
    });
    let browser = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let posted = read_body(request).await;
    let token = posted
        .map(|p| p.fields.get(field::TOKEN, false))
        .filter(|t| !t.is_empty())
        .or(from_query)
        .unwrap_or_default();
    let consent = Consent {
        form: if browser { "link-page" } else { "one-click" },
        wording: submit::SUBSCRIBE_WORDING,
    };
    let result = if action == "confirm" {
        subscriptions::confirm(&state.pool, &token, &consent).await
    } else {
        subscriptions::unsubscribe(&state.pool, &token, &consent).await
    };
    let page = format!("/{}/newsletter/{action}", lang.code());
    match result {
        Ok(Some(done)) if browser => {
            Redirect::to(&format!("{page}?done={}", done.list.code())).into_response()
        }
        Ok(Some(_)) => (StatusCode::OK, "done").into_response(),
        // An unknown, used or expired link: its page says so.
        Ok(None) if browser => Redirect::to(&format!(
            "{page}?t={}",
            content::address::encode_segment(&token)
        ))
        .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "unknown link").into_response(),
        Err(err) => {
            tracing::error!(%err, "subscription link");
            (StatusCode::SERVICE_UNAVAILABLE, lang.forms().unavailable).into_response()
        }
    }
}
