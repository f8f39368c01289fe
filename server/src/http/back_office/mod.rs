//! The back office (the `admin` crate's pages, server functions and form posts) over
//! HTTP, through the site's whole router on a real SQLite file. Here, its doors: nothing
//! under `/admin` or `/api/admin` answers without a session, roles are checked by each
//! server function, log-in and log-out set and clear the cookie.

mod editor;
mod structure;

use crate::config::Config;
use crate::state::AppState;
use admin::accounts::GetAccounts;
use admin::dashboard::GetDashboard;
use app::forms::ticket::TicketKey;
use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use content::accounts::create_user;
use content::model::Role;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

const SITE: &str = "https://ccme.example";
const PASSWORD: &str = "a long enough passphrase";

pub(crate) struct Site {
    pub(crate) router: Router,
    pub(crate) pool: content::Db,
    /// Its purge job (with no cache in front), as the answers to writes wait for it.
    pub(crate) purger: crate::cache_purge::Purger,
    _dir: tempfile::TempDir,
}

/// The site without a copy of pages (tests change the database behind its back).
pub(crate) async fn site() -> Site {
    site_with(crate::http::page_cache::PageCache::off()).await
}

/// The site, keeping rendered pages in `pages`.
pub(crate) async fn site_with(pages: crate::http::page_cache::PageCache) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::in_folder(dir.path(), SITE);
    let pool = content::connect(&config.database_url).await.unwrap();
    let options = LeptosOptions::builder().output_name("test").build();
    let key = TicketKey::new([5; 32], 0);
    let purger = crate::cache_purge::spawn(pool.clone(), Vec::new(), pages);
    let router = crate::http::router(AppState::new(
        options,
        pool.clone(),
        &config,
        key,
        purger.clone(),
    ));
    for (email, role) in [
        ("admin@ccme.example", Role::Admin),
        ("editor@ccme.example", Role::Editor),
        ("author@ccme.example", Role::Author),
    ] {
        create_user(&pool, email, "", role, PASSWORD).await.unwrap();
    }
    Site {
        router,
        pool,
        purger,
        _dir: dir,
    }
}

pub(crate) async fn send(site: &Site, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = site.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = to_bytes(response.into_body(), 1 << 22).await.unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

pub(crate) fn get(path: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::empty()).unwrap()
}

/// A server function call as the hydrated page makes it.
pub(crate) fn call(path: &str, cookie: Option<&str>) -> Request<Body> {
    post_form(path, String::new(), cookie)
}

/// A same-site form post of `body` (URL-encoded), with a session cookie if given.
pub(crate) fn post_form(path: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, SITE)
        .header(header::HOST, "ccme.example");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body)).unwrap()
}

pub(crate) fn form(path: &str, body: &str, from: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, SITE)
        .header(header::HOST, "ccme.example")
        .header("x-forwarded-for", from)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

pub(crate) fn location(headers: &HeaderMap) -> &str {
    headers[header::LOCATION].to_str().unwrap()
}

/// Logs in and returns the `Cookie` header value of the session.
pub(crate) async fn log_in(site: &Site, email: &str) -> String {
    let body = format!("email={email}&password=a+long+enough+passphrase&next=%2Fadmin");
    let (status, headers, _) = send(site, form("/admin/login", &body, "192.0.2.1")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    for flag in [
        "__Host-ccme_session=",
        "HttpOnly",
        "SameSite=Strict",
        "Secure",
        "Path=/",
    ] {
        assert!(cookie.contains(flag), "{cookie} has {flag}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}: this host only");
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn on_an_https_site_only_a_host_only_cookie_opens_a_session_and_https_is_required() {
    let site = site().await;
    let cookie = log_in(&site, "editor@ccme.example").await;
    let (status, headers, _) = send(&site, get("/admin", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000"
    );
    // The same token under the plain name, as a sibling subdomain could set it for the
    // whole domain: not this site's cookie.
    let tossed = cookie.replace("__Host-ccme_session=", "ccme_session=");
    let (status, _, _) = send(&site, get("/admin", Some(&tossed))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "sent to the log-in page");
}

#[tokio::test]
async fn nothing_in_the_back_office_answers_without_a_session() {
    let site = site().await;
    let (status, headers, _) = send(&site, get("/admin", None)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/login?next=%2Fadmin");
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let (status, _, _) = send(&site, get("/admin/anything/else", None)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    for path in [GetDashboard::PATH, GetAccounts::PATH] {
        assert!(content::site::is_back_office_api_path(path), "{path}");
        let (status, _, body) = send(&site, call(path, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {body}");
        // A forged or expired cookie is no session either.
        let (status, _, _) = send(&site, call(path, Some("__Host-ccme_session=forged"))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let (status, _, _) = send(&site, form("/admin/logout-everywhere", "", "192.0.2.1")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Another site cannot post the log-in form (CSRF): refused before any check.
    let mut forged = form("/admin/login", "email=a%40b.c&password=x", "192.0.2.1");
    forged
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(send(&site, forged).await.0, StatusCode::FORBIDDEN);
    // The log-in page itself is open, private and not indexed.
    let (status, headers, _) = send(&site, get("/admin/login?lang=ar", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
}

#[tokio::test]
async fn roles_are_checked_by_each_server_function() {
    let site = site().await;
    for (email, may_list_accounts) in [
        ("author@ccme.example", false),
        ("editor@ccme.example", false),
        ("admin@ccme.example", true),
    ] {
        let cookie = log_in(&site, email).await;
        let (status, _, body) = send(&site, call(GetDashboard::PATH, Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK, "{email}: {body}");
        assert!(body.contains(email), "{body}");
        let (status, _, body) = send(&site, call(GetAccounts::PATH, Some(&cookie))).await;
        if may_list_accounts {
            assert_eq!(status, StatusCode::OK, "{body}");
            assert!(body.contains("author@ccme.example"));
        } else {
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{email} lists accounts: {body}"
            );
        }
        let (status, headers, page) = send(&site, get("/admin", Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CACHE_CONTROL], "no-store");
        assert!(
            page.contains("admin-role"),
            "the dashboard is rendered on the server"
        );
    }
}

#[tokio::test]
async fn log_in_and_out_set_and_clear_the_session() {
    let site = site().await;
    let (_, headers, _) = send(
        &site,
        form(
            "/admin/login",
            "email=admin%40ccme.example&password=nope+nope+nope&next=%2Fadmin&lang=ar",
            "192.0.2.2",
        ),
    )
    .await;
    assert_eq!(
        location(&headers),
        "/admin/login?error=refused&next=%2Fadmin&lang=ar"
    );
    assert!(headers.get(header::SET_COOKIE).is_none());
    // After log-in, only back-office addresses: never another site.
    let body =
        "email=admin%40ccme.example&password=a+long+enough+passphrase&next=%2F%2Fevil.example";
    let (_, headers, _) = send(&site, form("/admin/login", body, "192.0.2.2")).await;
    assert_eq!(location(&headers), "/admin");

    let cookie = log_in(&site, "admin@ccme.example").await;
    let (status, headers, _) = send(&site, {
        let mut request = form("/admin/logout", "", "192.0.2.2");
        request
            .headers_mut()
            .insert(header::COOKIE, cookie.parse().unwrap());
        request
    })
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/login?done=out");
    assert!(headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    let (status, _, _) = send(&site, get("/admin", Some(&cookie))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the old token opens nothing");

    // Log out everywhere closes the other devices' sessions too.
    let (phone, laptop) = (
        log_in(&site, "editor@ccme.example").await,
        log_in(&site, "editor@ccme.example").await,
    );
    let (status, headers, _) = send(&site, {
        let mut request = form("/admin/logout-everywhere", "", "192.0.2.2");
        request
            .headers_mut()
            .insert(header::COOKIE, phone.parse().unwrap());
        request
    })
    .await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::SEE_OTHER, "/admin/login?done=everywhere")
    );
    let (status, _, _) = send(&site, call(GetDashboard::PATH, Some(&laptop))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let open: i64 = content::sql::query_scalar("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'editor@ccme.example'")
        .fetch_one(&site.pool)
        .await
        .unwrap();
    assert_eq!(open, 0);
}

#[tokio::test]
async fn log_in_guesses_slow_down_their_address_and_never_lock_the_owner_out() {
    let site = site().await;
    let wrong = "email=admin%40ccme.example&password=wrong+wrong+wrong";
    let right = "email=admin%40ccme.example&password=a+long+enough+passphrase";
    // Five failures from one address, fewer than its rate limit: then that address
    // must wait, and is told so with the answer of any refusal, even for the right
    // password.
    let mut errors = Vec::new();
    for _ in 0..content::accounts::FREE_GUESSES {
        let (_, headers, _) = send(&site, form("/admin/login", wrong, "198.51.100.8")).await;
        errors.push(location(&headers).to_owned());
    }
    let (_, headers, _) = send(&site, form("/admin/login", right, "198.51.100.8")).await;
    errors.push(location(&headers).to_owned());
    assert!(
        errors.iter().all(|e| e.contains("error=refused")),
        "{errors:?}"
    );
    // The administrator, from anywhere else, logs in at once.
    let (_, headers, _) = send(&site, form("/admin/login", right, "2001:db8:77::1")).await;
    assert_eq!(location(&headers), "/admin");
}

#[tokio::test]
async fn log_in_attempts_are_rate_limited_per_address() {
    let site = site().await;
    let body = "email=admin%40ccme.example&password=wrong+wrong+wrong";
    // One attempt over the limit from one address, all sent at once: the limiter
    // counts them as they arrive, before any password is hashed, so a slow machine
    // (hashing one attempt takes a while in a debug build) cannot refill the bucket
    // between them.
    let attempts = (0..admin::doors::LOGIN_ATTEMPTS_PER_MINUTE + 1)
        .map(|_| send(&site, form("/admin/login", body, "198.51.100.9")));
    let answers = futures_util::future::join_all(attempts).await;
    let limited = answers
        .iter()
        .filter(|(_, headers, _)| location(headers).contains("error=limited"))
        .count();
    assert_eq!(
        limited,
        1,
        "{:?}",
        answers
            .iter()
            .map(|(_, h, _)| location(h))
            .collect::<Vec<_>>()
    );
    // Another address is not slowed down by this one.
    let (_, headers, _) = send(
        &site,
        form(
            "/admin/login",
            "email=editor%40ccme.example&password=a+long+enough+passphrase",
            "198.51.100.10",
        ),
    )
    .await;
    assert_eq!(location(&headers), "/admin");
}

#[tokio::test]
async fn log_in_attempts_from_many_addresses_meet_the_sites_quota() {
    let site = site().await;
    let body = "email=nobody%40ccme.example&password=wrong+wrong+wrong";
    // One attempt each from many addresses, all at once: the site's own quota (three
    // seconds' worth at once) refuses what is beyond it, before any password is hashed.
    let burst = 3 * admin::doors::LOGIN_ATTEMPTS_PER_SECOND_OVERALL;
    let attempts =
        (0..burst + 10).map(|n| send(&site, form("/admin/login", body, &format!("203.0.113.{n}"))));
    let answers = futures_util::future::join_all(attempts).await;
    let limited = answers
        .iter()
        .filter(|(_, headers, _)| location(headers).contains("error=limited"))
        .count();
    assert!((1..=10).contains(&limited), "{limited} limited");
}
