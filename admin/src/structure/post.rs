//! POST handlers of the administration screens: accounts (create, change role,
//! disable/enable, unlock, close sessions), one's own password, sections and menu
//! items (save, delete, move). The data layer checks the role (administrators; any
//! account for its own password). Done → `303` back with `?done=`; refused → the page
//! rendered again with what was typed and the translated problems (422).

use crate::doors::session_token;
use crate::routes::{page_again, signed_in, AdminServices};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};
use content::accounts::{self, AccountChange, AccountInput, Problems};
use content::lang::Lang;
use content::model::{AdminRefused, FormValues, Role, SessionUser, NOT_SAVED, WHOLE_FORM};
use content::structure::menu_items::{self, MenuInput};
use content::structure::sections::{self, NameInput, SectionInput};
use content::structure::{self, List};
use content::DataResult;

/// The administration screens' POST routes.
pub fn routes() -> Router<AdminServices> {
    Router::new()
        .route("/admin/accounts", post(create_account))
        .route("/admin/accounts/{id}", post(change_account))
        .route("/admin/password", post(change_password))
        .route("/admin/sections/{id}", post(section))
        .route("/admin/menus/{id}", post(menu_item))
}

/// A posted form: its fields in order, as typed.
pub(crate) type Fields = Vec<(String, String)>;

pub(crate) fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// `new` or an id.
fn target_id(segment: &str) -> Result<Option<i64>, StatusCode> {
    match segment {
        "new" => Ok(None),
        id => id.parse().map(Some).map_err(|_| StatusCode::NOT_FOUND),
    }
}

/// What a handler's data call gave, turned into the answer: done → `303` to
/// `done_to`; refused → the page holding the form rendered again (422); error → 500.
/// `form`: the form's action, which is also its page's path but for one's password
/// (on the dashboard).
pub(crate) async fn answer<T>(
    state: &AdminServices,
    user: SessionUser,
    form: &str,
    fields: Fields,
    outcome: DataResult<Result<T, Problems>>,
    done_to: impl FnOnce(T) -> String,
) -> Response {
    // A storage that refuses writes: the page again with what was typed, and why.
    let outcome = match outcome {
        Err(err) if err.refuses_writes() => {
            tracing::error!(%err, form, "administration");
            Ok(Err(vec![(WHOLE_FORM.to_owned(), NOT_SAVED.to_owned())]))
        }
        outcome => outcome,
    };
    match outcome {
        Ok(Ok(value)) => Redirect::to(&done_to(value)).into_response(),
        Ok(Err(problems)) => {
            // Passwords are never rendered back.
            let values = FormValues(fields).without(&["password", "current"]);
            let refused = AdminRefused::from_problems(form, values, problems);
            let status = match refused.notice.as_deref() {
                Some("not_allowed" | "editors_only") => StatusCode::FORBIDDEN,
                Some("not_found") => StatusCode::NOT_FOUND,
                Some(NOT_SAVED) => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let page = if form == "/admin/password" {
                "/admin"
            } else {
                form
            };
            let mut response = page_again(state, page, user, refused).await;
            *response.status_mut() = status;
            if status == StatusCode::SERVICE_UNAVAILABLE {
                return crate::unsaved::with_retry_after(response);
            }
            response
        }
        Err(err) => {
            tracing::error!(%err, form, "administration");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn create_account(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Form(fields): Form<Fields>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let input = AccountInput {
        email: field(&fields, "email").into(),
        name: field(&fields, "name").into(),
        role: field(&fields, "role").into(),
        lang: field(&fields, "lang").into(),
        password: field(&fields, "password").into(),
    };
    let outcome = accounts::create_account(&state.pool, &user, &input).await;
    let done = |_| "/admin/accounts?done=saved".to_owned();
    answer(&state, user, "/admin/accounts", fields, outcome, done).await
}

async fn change_account(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let change = match field(&fields, "action") {
        "role" => Role::from_code(field(&fields, "role")).map(AccountChange::Role),
        "disable" => Some(AccountChange::Disable),
        "enable" => Some(AccountChange::Enable),
        "unlock" => Some(AccountChange::Unlock),
        "sessions" => Some(AccountChange::CloseSessions),
        _ => None,
    };
    let Some(change) = change else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let outcome = accounts::change_account(&state.pool, &user, id, change)
        .await
        .map(|r| r.and_then(|found| found.then_some(()).ok_or_else(not_found)));
    let done = |_| "/admin/accounts?done=changed".to_owned();
    answer(
        &state,
        user,
        "/admin/accounts",
        Fields::new(),
        outcome,
        done,
    )
    .await
}

fn not_found() -> Problems {
    vec![(WHOLE_FORM.into(), "not_found".into())]
}

async fn change_password(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let token = session_token(&headers, state.secure_cookies).unwrap_or_default();
    let outcome = accounts::change_own_password(
        &state.pool,
        user.id,
        field(&fields, "current"),
        field(&fields, "password"),
        &token,
    )
    .await;
    let done = |_| "/admin?password=changed".to_owned();
    answer(&state, user, "/admin/password", fields, outcome, done).await
}

/// The names typed for each language (`name_fr`, `slug_ar`…).
fn section_input(fields: &Fields) -> SectionInput {
    SectionInput {
        parent: field(fields, "parent").into(),
        names: Lang::ALL
            .into_iter()
            .map(|lang| {
                let typed =
                    |what: &str| field(fields, &format!("{what}_{}", lang.code())).to_owned();
                NameInput {
                    lang: Some(lang),
                    name: typed("name"),
                    slug: typed("slug"),
                    description: typed("description"),
                }
            })
            .collect(),
    }
}

/// The menu item typed.
fn menu_input(fields: &Fields) -> MenuInput {
    MenuInput {
        menu: field(fields, "menu").into(),
        parent: field(fields, "parent").into(),
        target: field(fields, "target").into(),
        section: field(fields, "section").into(),
        story: field(fields, "story").into(),
        path: field(fields, "path").into(),
        labels: Lang::ALL
            .into_iter()
            .map(|l| (l, field(fields, &format!("label_{}", l.code())).to_owned()))
            .collect(),
    }
}

async fn section(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Path(segment): Path<String>,
    Form(fields): Form<Fields>,
) -> Response {
    list_item(state, user, List::Sections, segment, fields).await
}

async fn menu_item(
    State(state): State<AdminServices>,
    user: Option<Extension<SessionUser>>,
    Path(segment): Path<String>,
    Form(fields): Form<Fields>,
) -> Response {
    list_item(state, user, List::MenuItems, segment, fields).await
}

/// A post about item `segment` (`new` or an id) of a list: `action` save (the
/// default), delete, up or down. Refused saves and deletions show the item's form
/// again; refused moves, the list.
async fn list_item(
    state: AdminServices,
    user: Option<Extension<SessionUser>>,
    list: List,
    segment: String,
    fields: Fields,
) -> Response {
    let user = match signed_in(user, Role::Author) {
        Ok(user) => user,
        Err(status) => return status.into_response(),
    };
    let id = match target_id(&segment) {
        Ok(id) => id,
        Err(status) => return status.into_response(),
    };
    let base = match list {
        List::Sections => "/admin/sections",
        List::MenuItems => "/admin/menus",
    };
    let form = format!("{base}/{segment}");
    let pool = &state.pool;
    let done = |code| format!("{base}?done={code}");
    let (outcome, page) = match (field(&fields, "action"), id) {
        ("delete", Some(id)) => {
            let deleted = structure::delete(pool, &user, list, id).await;
            (deleted.map(|r| r.map(|_| "deleted")), form)
        }
        (action @ ("up" | "down"), Some(id)) => {
            let moved = structure::move_item(pool, &user, list, id, action == "up").await;
            (moved.map(|r| r.map(|_| "moved")), base.to_owned())
        }
        _ => {
            let saved = match list {
                List::Sections => sections::save(pool, &user, id, &section_input(&fields)).await,
                List::MenuItems => menu_items::save(pool, &user, id, &menu_input(&fields)).await,
            };
            (saved.map(|r| r.map(|_| "saved")), form)
        }
    };
    answer(&state, user, &page, fields, outcome, done).await
}
