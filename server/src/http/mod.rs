//! HTTP wiring: the Leptos app, static files, media, the `/` language redirect and the
//! layers every response goes through (compression, security and cache headers).

use crate::state::AppState;
use syndication::Syndication;

#[cfg(test)]
mod back_office;
pub mod caching;
pub mod connections;
pub mod costly;
pub mod csrf;
pub mod document_order;
pub mod feeds;
pub mod forms;
pub mod media;
pub mod page_cache;
pub mod podcast_feed;
pub mod precompress;
pub mod pwa;
pub mod script_policy;
pub mod share_image;
pub mod sitemaps;
pub mod syndication;
use admin::routes::AdminServices;
use app::serving::preferred_lang;
use app::{shell, App};
use axum::extract::{FromRef, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use content::address::Page;
use content::Db;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::LazyLock;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The pages of the reader app and of the back office, as Leptos lists them for Axum.
struct RouteLists {
    reader: Vec<AxumRouteListing>,
    back_office: Vec<AxumRouteListing>,
}

/// Listed once per process, before the first router exists. Listing renders each app
/// once with resource loading switched off for the *whole process* (Leptos's
/// `SuppressResourceLoad` is a global flag): a page rendered meanwhile, on another
/// thread, would wait forever for its data (leptos-rs/leptos#4773). The server builds
/// one router, but the Rust tests build one per test on parallel threads, and about one
/// run in ten hung that way. Every router waits here until the listing is done, and
/// nothing lists again after it, so no page is ever rendered during a listing.
static ROUTE_LISTS: LazyLock<RouteLists> = LazyLock::new(|| RouteLists {
    reader: generate_route_list(App),
    // The back office is an app of its own (the `admin` crate), never hydrated.
    back_office: generate_route_list(admin::AdminApp),
});

/// Sets up what rendering needs once per process: the route lists and, with them,
/// Leptos's executor (tests that build part of the router call this first).
#[cfg(test)]
pub(crate) fn list_routes() {
    LazyLock::force(&ROUTE_LISTS);
}

/// Builds the whole site's router on the server's one state.
pub fn router(state: AppState) -> Router {
    let routes = ROUTE_LISTS.reader.clone();
    let options = state.options.clone();
    let site_root = options.site_root.to_string();
    let pkg_dir = format!("{site_root}/{}", options.site_pkg_dir);
    let provide_context = {
        let context = state.context.clone();
        move || context()
    };
    let app_shell = {
        let options = options.clone();
        move || shell(options.clone())
    };
    // The back office's pages are rendered by its own document, and its server
    // functions were registered with the reader app's routes (one list for the server).
    let back_office_pages = ROUTE_LISTS.back_office.clone();
    let back_office_shell = {
        let options = options.clone();
        move || admin::shell(options.clone())
    };
    let back_office_page =
        leptos_axum::render_app_async_with_context(provide_context.clone(), back_office_shell);

    let immutable = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    let day = SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    let static_files = Router::new()
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(immutable)
                // The brotli or gzip copy written at start (precompress.rs), by the
                // reader's Accept-Encoding; the file itself otherwise.
                .service(
                    ServeDir::new(pkg_dir)
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
        )
        .nest_service("/media", media::media_files(&state.config.media_dir))
        .nest_service(
            "/icons",
            tower::ServiceBuilder::new()
                .layer(day.clone())
                .service(ServeDir::new(format!("{site_root}/icons"))),
        )
        .route_service(
            "/favicon.svg",
            tower::ServiceBuilder::new()
                .layer(day.clone())
                .service(ServeFile::new(format!("{site_root}/favicon.svg"))),
        )
        // The share card of pages without a picture (og:image).
        .route_service(
            "/og-default.png",
            tower::ServiceBuilder::new()
                .layer(day)
                .service(ServeFile::new(format!("{site_root}/og-default.png"))),
        )
        // Not hashed: the browser revalidates them on every load.
        .route_service("/pwa.js", revalidated(format!("{site_root}/pwa.js")))
        .route_service("/nav.js", revalidated(format!("{site_root}/nav.js")))
        .route_service("/admin.js", revalidated(format!("{site_root}/admin.js")));
    let app_files = Router::new()
        .route("/sw.js", get(pwa::service_worker))
        .route("/{lang}/manifest.webmanifest", get(pwa::manifest));
    let share_images = Router::new().route("/og/{*path}", get(share_image::rendition));

    Router::new()
        .route("/", get(choose_language))
        .leptos_routes_with_context(&state, routes, provide_context.clone(), app_shell.clone())
        .leptos_routes_with_handler(back_office_pages, back_office_page.clone())
        .merge(static_files)
        .merge(app_files)
        .merge(syndication_routes())
        .merge(share_images)
        .merge(forms::routes())
        .merge(admin::routes::router(AdminServices::from_ref(&state)))
        // Any other address: the translated 404 page, fully rendered on the server (by
        // the back office under `/admin`, in the reader app's frame, without hydration).
        .fallback({
            let reader_page =
                leptos_axum::render_app_async_with_context(provide_context, app_shell);
            move |request: Request| {
                if content::site::is_back_office_path(request.uri().path()) {
                    back_office_page(request)
                } else {
                    reader_page(request)
                }
            }
        })
        .layer(middleware::from_fn_with_state(
            state.pool.clone(),
            legacy_redirect,
        ))
        // Inside the server's copy of pages: only what it does not answer is counted.
        .layer(middleware::from_fn_with_state(
            state.costly_reads.clone(),
            costly::bounded,
        ))
        .layer(middleware::from_fn_with_state(
            admin::doors::DoorState::from_ref(&admin::routes::AdminServices::from_ref(&state)),
            admin::doors::guard,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            purged_before_answering,
        ))
        .layer(middleware::from_fn_with_state(
            state.pool.clone(),
            own_writes_from_primary,
        ))
        .layer(middleware::from_fn_with_state(
            csrf::SiteOrigin::of(&state.config.site_url),
            csrf::same_origin_only,
        ))
        .layer(middleware::from_fn(document_order::scripts_inside_body))
        // Who may keep each answer, and its ETag, on the body as written...
        .layer(middleware::from_fn(caching::cache_headers))
        .layer(CompressionLayer::new().compress_when(compressible()))
        // ...which names the encoding once compressed.
        .layer(middleware::map_response(caching::encoding_in_tag))
        // The pages rendered for anyone, kept as sent (page_cache.rs).
        .layer(middleware::from_fn_with_state(
            state.purger.pages.clone(),
            page_cache::layer,
        ))
        .layer(middleware::map_response(add_security_headers))
        .layer(tower::util::option_layer(https_only(
            state.config.is_https(),
        )))
        .with_state(state)
}

/// On a site served over HTTPS, browsers are told to use nothing else for a year
/// (`Strict-Transport-Security`; not for subdomains, which may be other services).
fn https_only(is_https: bool) -> Option<SetResponseHeaderLayer<HeaderValue>> {
    is_https.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        )
    })
}

/// A script served as it is on disk, which the browser checks again on every load.
fn revalidated(file: String) -> tower_http::set_header::SetResponseHeader<ServeFile, HeaderValue> {
    tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(ServeFile::new(file))
}

/// What gets gzip/brotli: text, not files that are compressed already or read in byte
/// ranges (a compressed range would not be the bytes asked for).
fn compressible() -> impl tower_http::compression::Predicate {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    DefaultPredicate::new()
        .and(NotForContentType::const_new("application/pdf"))
        .and(NotForContentType::const_new("audio/"))
        .and(NotForContentType::const_new("video/"))
}

/// Feeds, sitemaps and robots.txt: machine-read addresses with their own state.
pub fn syndication_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Syndication: FromRef<S>,
{
    Router::new()
        .route("/{lang}/feed.xml", get(feeds::edition_rss))
        .route("/{lang}/atom.xml", get(feeds::edition_atom))
        .route("/{lang}/section/{slug}/feed.xml", get(feeds::section_rss))
        .route("/{lang}/section/{slug}/atom.xml", get(feeds::section_atom))
        .route(
            "/{lang}/podcasts/{programme}/feed.xml",
            get(crate::http::podcast_feed::programme_feed),
        )
        .route("/sitemap.xml", get(sitemaps::index))
        .route("/sitemaps/{file}", get(sitemaps::file))
        .route("/robots.txt", get(sitemaps::robots))
}

/// `/` sends the reader to their edition: the `lang` cookie (the last edition read,
/// which the page's script writes, `public/pwa.js`), then the browser's
/// `Accept-Language`, else French. Its answer differs by visitor: never stored
/// (`caching::policy`).
async fn choose_language(headers: HeaderMap) -> Redirect {
    Redirect::to(&Page::Home.path(preferred_lang(&headers)))
}

/// A back-office write (any method but GET and HEAD under `/admin`: a save, a
/// publication, an upload, an import) is answered once the caches in front forgot what
/// it changed, so that the editor told "published" reads the new version through them
/// (at most a second's wait: `cache_purge::Purger::after_write`). Readers' posts change
/// nothing a cache keeps, and pay no look at the purge queue.
async fn purged_before_answering(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let write = !matches!(*request.method(), Method::GET | Method::HEAD)
        && content::site::is_back_office_path(request.uri().path());
    let response = next.run(request).await;
    if write {
        state.purger.after_write(&state.pool).await;
    }
    response
}

/// On a site with read replicas, the answer to any write (a form post, a save in the
/// back office) sets a short-lived cookie that sends this browser's reads to the
/// primary database for a few seconds: what it just did shows at once, wherever the
/// replicas are (`content::sql::replicas`). Without replicas nothing is added.
async fn own_writes_from_primary(State(pool): State<Db>, request: Request, next: Next) -> Response {
    let write = !matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = next.run(request).await;
    if write && pool.replica_count() > 0 && response.status().as_u16() < 400 {
        if let Ok(cookie) = HeaderValue::from_str(&content::sql::replicas::wrote_cookie()) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    response
}

/// Old addresses keep working: a WordPress permalink, `/?p=ID`, `/?page_id=ID` or
/// `/category/…` that the site would answer 404 is sent on with `301` to its new page
/// (see `content::redirects`). Only misses pay the lookup.
pub async fn legacy_redirect(State(pool): State<Db>, request: Request, next: Next) -> Response {
    use content::redirects;
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let uri = request.uri().clone();
    let by_id = uri
        .query()
        .filter(|_| uri.path() == "/")
        .and_then(redirects::post_query);
    // `/?p=ID` is looked up first (`/` itself always answers); other addresses only
    // when the site has nothing there.
    let (old, request, response) = match by_id {
        Some(id) => (Some(id), Some(request), None),
        None => {
            let response = next.clone().run(request).await;
            if response.status() != StatusCode::NOT_FOUND {
                return response;
            }
            (redirects::normalize(uri.path()), None, Some(response))
        }
    };
    if let Some(old) = old {
        match redirects::resolve(&pool, &old).await {
            Ok(Some(target)) => {
                return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, target)])
                    .into_response();
            }
            Ok(None) => {}
            Err(err) => tracing::error!(%err, "redirect lookup"),
        }
    }
    match (response, request) {
        (Some(response), _) => response,
        (None, Some(request)) => next.run(request).await,
        (None, None) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Strict default headers on every response.
const SECURITY_HEADERS: [(&str, &str); 4] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    (
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    ),
];

/// The headers every answer carries; a page has its own script policy already
/// (`document_order`), anything else gets the one without inline scripts, except a
/// `304`: a browser's cache replaces the headers of the page it keeps by those of the
/// `304`, and the page's own policy (with its scripts' hashes) must stay.
async fn add_security_headers(mut response: Response) -> Response {
    let not_modified = response.status() == StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    if !not_modified {
        headers
            .entry(header::CONTENT_SECURITY_POLICY)
            .or_insert_with(|| HeaderValue::from_static(script_policy::without_inline_scripts()));
    }
    response
}
