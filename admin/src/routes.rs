//! The back office's HTTP side beside its Leptos router: what its handlers share
//! ([`AdminServices`], which the server fills from its own state), the routes of its
//! form posts (log-in and log-out, the editor and uploads, moderation, accounts,
//! sections, menus, media), and the page a refused post is answered with.

use crate::doors::{self, LoginLimiter};
use crate::{mailings, media, moderation, stories, structure};
use app::serving::{render_with, PageContext};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Router;
use content::model::{AdminLang, Role, SessionUser};
use content::Db;
use leptos::prelude::LeptosOptions;
use std::path::PathBuf;

/// What the back office's handlers read of the server: each group takes its part with
/// axum's `FromRef`.
#[derive(Clone)]
pub struct AdminServices {
    pub pool: Db,
    /// The site's Leptos options, for pages rendered again after a refused post.
    pub options: LeptosOptions,
    /// What every page renders with (see [`PageContext`]).
    pub context: PageContext,
    /// Where the media library's files are.
    pub media_dir: PathBuf,
    /// Where readers' answers to an editor's reply go.
    pub editors_email: String,
    /// Public base URL of the site: links in the issues of the lists.
    pub site_url: String,
    pub login_limiter: LoginLimiter,
    /// Whether `X-Forwarded-For` names the client (the site's own proxy in front).
    pub trust_proxy: bool,
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub secure_cookies: bool,
}

/// Every POST route of the back office, on `services`: the server merges it into the
/// site's router (whatever its state `S`), behind [`doors::guard`].
pub fn router<S: Clone + Send + Sync + 'static>(services: AdminServices) -> Router<S> {
    Router::new()
        .merge(doors::routes())
        .merge(stories::post::routes())
        .merge(media::post::routes())
        .merge(moderation::post::routes())
        .merge(mailings::post::routes())
        .merge(structure::post::routes())
        .with_state(services)
}

/// Renders the back-office page at `path` for `user` with a refused post (`refused`)
/// shown again.
pub async fn page_again<T: Clone + Send + Sync + 'static>(
    services: &AdminServices,
    path: &str,
    user: SessionUser,
    refused: T,
) -> Response {
    let options = services.options.clone();
    let lang = AdminLang(user.lang);
    let request = axum::http::Request::builder()
        .uri(path)
        .extension(user)
        .extension(lang);
    render_with(
        move || crate::shell(options.clone()),
        &services.context,
        request,
        refused,
    )
    .await
}

/// The account of a back-office POST if its role allows `needed`: else 401 without a
/// session (the guard already refuses those), 403 with too small a role.
pub fn signed_in(
    user: Option<axum::Extension<SessionUser>>,
    needed: Role,
) -> Result<SessionUser, StatusCode> {
    match user {
        Some(axum::Extension(user)) if user.role.allows(needed) => Ok(user),
        Some(_) => Err(StatusCode::FORBIDDEN),
        None => Err(StatusCode::UNAUTHORIZED),
    }
}
