//! The back office's doors: log in, log out (here or everywhere), and the guard in
//! front of every `/admin` page and `/api/admin` server function. A session is a random
//! token in an HttpOnly, SameSite=Strict cookie (Secure on HTTPS sites); the database
//! keeps only its hash. Admin answers are never cached nor indexed.

use crate::routes::AdminServices;
use app::serving::{client_ip, cookie, lang_in_query, preferred_lang};
use axum::extract::{FromRef, FromRequest, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};
use content::accounts::{self, LogIn};
use content::lang::Lang;
use content::model::{AdminLang, SessionUser};
use content::Db;
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use serde::Deserialize;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// Name of the session cookie on a site served over plain HTTP (development, tests).
pub const SESSION_COOKIE: &str = "ccme_session";
/// Name of the session cookie on an HTTPS site: with the `__Host-` prefix, browsers keep
/// it only if this very host set it, `Secure`, for the whole site, so a sibling
/// subdomain cannot plant one of its own (a session it chose) for this site.
pub const SECURE_SESSION_COOKIE: &str = "__Host-ccme_session";

/// The session cookie's name on a site served over HTTPS (`secure`) or not.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
/// Log-in attempts a minute one address may make (then "try again in a minute").
pub const LOGIN_ATTEMPTS_PER_MINUTE: u32 = 10;
/// Log-in attempts a second from everyone together, in bursts of three seconds' worth:
/// guesses spread over many addresses stay slow too. A newsroom's editors log in a few
/// times a day each.
pub const LOGIN_ATTEMPTS_PER_SECOND_OVERALL: u32 = 10;

/// The log-in form's two quotas: one per address (IPv6 by /64), one for the site.
#[derive(Clone)]
pub struct LoginLimiter {
    /// Per address; the server prunes it with its other limiters.
    pub per_address: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    overall: Arc<DefaultDirectRateLimiter>,
}

impl Default for LoginLimiter {
    fn default() -> LoginLimiter {
        let per_minute = NonZeroU32::new(LOGIN_ATTEMPTS_PER_MINUTE).expect("not zero");
        let per_second = NonZeroU32::new(LOGIN_ATTEMPTS_PER_SECOND_OVERALL).expect("not zero");
        let burst = per_second.saturating_mul(NonZeroU32::new(3).expect("not zero"));
        LoginLimiter {
            per_address: Arc::new(DefaultKeyedRateLimiter::keyed(Quota::per_minute(
                per_minute,
            ))),
            overall: Arc::new(DefaultDirectRateLimiter::direct(
                Quota::per_second(per_second).allow_burst(burst),
            )),
        }
    }
}

impl LoginLimiter {
    /// Whether one more attempt from `client` is within both quotas (an attempt over
    /// its address's quota does not use the site's).
    pub fn admits(&self, client: IpAddr) -> bool {
        self.per_address.check_key(&client).is_ok() && self.overall.check().is_ok()
    }
}

/// What the log-in and log-out handlers read of the server's state.
#[derive(Clone)]
pub struct DoorState {
    pub pool: Db,
    pub limiter: LoginLimiter,
    pub trust_proxy: bool,
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub secure_cookies: bool,
}

impl FromRef<AdminServices> for DoorState {
    fn from_ref(services: &AdminServices) -> DoorState {
        DoorState {
            pool: services.pool.clone(),
            limiter: services.login_limiter.clone(),
            trust_proxy: services.trust_proxy,
            secure_cookies: services.secure_cookies,
        }
    }
}

/// `POST /admin/login`, `/admin/logout`, `/admin/logout-everywhere`.
pub fn routes() -> Router<AdminServices> {
    Router::new()
        .route("/admin/login", post(log_in))
        .route("/admin/logout", post(log_out))
        .route("/admin/logout-everywhere", post(log_out_everywhere))
}

#[derive(Deserialize)]
struct Credentials {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    lang: String,
}

/// Where to go after logging in: a back-office address, never another site.
fn safe_next(next: &str) -> &str {
    if content::site::is_back_office_path(next) && !next.contains("//") && !next.contains('\\') {
        next
    } else {
        "/admin"
    }
}

async fn log_in(State(state): State<DoorState>, request: Request) -> Response {
    let client = client_ip(&request, state.trust_proxy);
    let over_limit = !state.limiter.admits(client);
    let Ok(Form(form)) = Form::<Credentials>::from_request(request, &()).await else {
        return Redirect::to("/admin/login?error=refused").into_response();
    };
    let back = |error: &str| {
        let lang = Lang::from_code(&form.lang).map(|l| format!("&lang={}", l.code()));
        let next = content::address::encode_segment(safe_next(&form.next));
        Redirect::to(&format!(
            "/admin/login?error={error}&next={next}{}",
            lang.unwrap_or_default()
        ))
        .into_response()
    };
    if over_limit {
        return back("limited");
    }
    // The session speaks the language of the log-in page.
    let lang = Lang::from_code(&form.lang);
    let origin = client.to_string();
    match accounts::log_in(&state.pool, &form.email, &form.password, &origin, lang).await {
        Ok(LogIn::Accepted { token, .. }) => {
            let cookie =
                session_cookie(&token, accounts::SESSION_HOURS * 3600, state.secure_cookies);
            let mut response = Redirect::to(safe_next(&form.next)).into_response();
            response.headers_mut().append(header::SET_COOKIE, cookie);
            response
        }
        Ok(LogIn::Refused) => back("refused"),
        // The storage refuses writes: no session can be kept, and saying "wrong
        // password" to the owner would be a lie.
        Err(err) if err.refuses_writes() => {
            tracing::error!(%err, "log-in");
            back("unsaved")
        }
        Err(err) => {
            tracing::error!(%err, "log-in");
            back("refused")
        }
    }
}

async fn log_out(State(state): State<DoorState>, headers: HeaderMap) -> Response {
    if let Some(token) = session_token(&headers, state.secure_cookies) {
        if let Err(err) = accounts::log_out(&state.pool, &token).await {
            tracing::error!(%err, "log-out");
        }
    }
    signed_out("out", state.secure_cookies)
}

async fn log_out_everywhere(State(state): State<DoorState>, headers: HeaderMap) -> Response {
    let user = match session_token(&headers, state.secure_cookies) {
        Some(token) => accounts::session_user(&state.pool, &token)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let Some(user) = user else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    if let Err(err) = accounts::log_out_everywhere(&state.pool, user.id).await {
        tracing::error!(%err, "log-out everywhere");
    }
    signed_out("everywhere", state.secure_cookies)
}

/// Back to the log-in page with the cookie cleared.
fn signed_out(done: &str, secure: bool) -> Response {
    let mut response = Redirect::to(&format!("/admin/login?done={done}")).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, session_cookie("", 0, secure));
    response
}

fn session_cookie(token: &str, max_age: i64, secure: bool) -> HeaderValue {
    let name = session_cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("cookie of plain characters")
}

/// The session token the browser sent, if any (only under the name of this site's
/// kind: on an HTTPS site, a cookie without the `__Host-` prefix is not ours).
pub fn session_token(headers: &HeaderMap, secure: bool) -> Option<String> {
    cookie(headers, session_cookie_name(secure)).filter(|t| !t.is_empty())
}

/// The back office's language before anyone is known: `?lang=` (the log-in page's
/// language links), else what the public site would choose.
fn visitor_lang(request: &Request) -> Lang {
    lang_in_query(request).unwrap_or_else(|| preferred_lang(request.headers()))
}

/// In front of everything: on `/admin…`, previews and `/api/admin…`, finds who holds the session
/// (for the pages and server functions, as a request extension) and refuses anyone
/// without one — pages send them to the log-in page, server functions answer 401.
/// Roles are then checked by each server function. Admin answers are `no-store`.
pub async fn guard(State(doors): State<DoorState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let admin_page =
        content::site::is_back_office_path(&path) || content::site::is_preview_path(&path);
    let admin_api = content::site::is_back_office_api_path(&path);
    if !admin_page && !admin_api && !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let user: Option<SessionUser> = match session_token(request.headers(), doors.secure_cookies) {
        Some(token) => accounts::session_user(&doors.pool, &token)
            .await
            .unwrap_or_else(|err| {
                tracing::error!(%err, "session lookup");
                None
            }),
        None => None,
    };
    let lang = user
        .as_ref()
        .map_or_else(|| visitor_lang(&request), |u| u.lang);
    request.extensions_mut().insert(AdminLang(lang));
    let open_door = path == "/admin/login" || path.starts_with("/admin/logout");
    match user {
        Some(user) => {
            request.extensions_mut().insert(user);
        }
        None if open_door || !(admin_page || admin_api) => {}
        None if admin_page && request.method() == Method::GET => {
            let next = content::address::encode_segment(&path);
            return private(Redirect::to(&format!("/admin/login?next={next}")).into_response());
        }
        None => return private(StatusCode::UNAUTHORIZED.into_response()),
    }
    let response = next.run(request).await;
    if admin_page || admin_api {
        private(response)
    } else {
        response
    }
}

/// Never cached (by the browser, a proxy or the service worker), never indexed.
fn private(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}
