//! The installable app: a web app manifest per edition and the service worker. The
//! worker's precache list is read from the build's hashed `/pkg/` files (the app's
//! module and the chunks offline reading needs; the others are kept when first used), and
//! its version is derived from that list: a new build is a new worker, which
//! the page offers to load ("new version — reload"), and old caches go on activation.

use crate::state::AppState;
use app::i18n::Texts;
use axum::extract::{FromRef, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use content::lang::Lang;
use std::sync::Arc;

/// Files every page needs besides the build's `/pkg/` files.
const APP_FILES: [&str; 6] = [
    "/favicon.svg",
    "/pwa.js",
    "/nav.js",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-512.png",
];

/// Where the built site lives, to write the service worker from.
#[derive(Clone)]
pub struct Site {
    pub root: Arc<str>,
    pub pkg_dir: Arc<str>,
}

impl FromRef<AppState> for Site {
    fn from_ref(state: &AppState) -> Site {
        Site {
            root: state.options.site_root.clone(),
            pkg_dir: state.options.site_pkg_dir.clone(),
        }
    }
}

/// The service worker's source.
pub struct ServiceWorker(String);

impl ServiceWorker {
    /// Fills `sw.js` with the precache list of the site at `site_root` (`pkg_dir` below
    /// it). Read on each request (a handful of small files), so a build deployed under a
    /// running server is a new worker at once.
    pub fn for_site(site_root: &str, pkg_dir: &str) -> Self {
        let pkg = format!("{site_root}/{pkg_dir}");
        let names: Vec<String> = std::fs::read_dir(&pkg)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter_map(|e| e.file_name().into_string().ok())
                    .collect()
            })
            .unwrap_or_default();
        let route_chunks = chunks_fetched_on_demand(&pkg, &names);
        let mut assets: Vec<String> = names
            .into_iter()
            // What pages load: not the TypeScript declarations, nor the compressed
            // copies the server picks itself (precompress.rs), nor the pages' chunks.
            .filter(|name| {
                ![".ts", ".br", ".gz", ".tmp"]
                    .iter()
                    .any(|end| name.ends_with(end))
            })
            .filter(|name| !route_chunks.contains(name))
            .map(|name| format!("/{pkg_dir}/{name}"))
            .collect();
        assets.sort();
        assets.extend(APP_FILES.iter().map(|f| f.to_string()));
        // Hashed names change with their content; the other files and the worker's own
        // code are fingerprinted by content.
        let template = include_str!("pwa/sw.js");
        let mut fingerprint = assets.join("\n").into_bytes();
        fingerprint.extend_from_slice(template.as_bytes());
        for file in APP_FILES {
            fingerprint.extend(std::fs::read(format!("{site_root}{file}")).unwrap_or_default());
        }
        let version = format!("{:016x}", fnv1a(&fingerprint));
        let list = serde_json::to_string(&assets).unwrap_or_else(|_| "[]".into());
        let langs = Lang::ALL.map(Lang::code);
        let langs = serde_json::to_string(&langs).unwrap_or_else(|_| "[]".into());
        let source = template
            .replace("'__VERSION__'", &format!("'{version}'"))
            .replace("__PRECACHE__", &list)
            .replace("__LANGS__", &langs);
        ServiceWorker(source)
    }
}

/// Lazy functions whose chunks are precached with the app's module: what a reader may
/// open with no connection besides pages already read — the search overlay (which says
/// it needs a network).
const OFFLINE_SPLITS: [&str; 1] = ["search_overlay_"];

/// The WASM chunks of a split build (`cargo leptos build --split`) that the worker does
/// not precache: a widget's chunks (the player's controls) are fetched when first used
/// and kept then (cache-first in `sw.js`), so installing the app downloads only what
/// offline reading needs. Read
/// from the build's split manifest (lazy function → chunk files); none without one.
fn chunks_fetched_on_demand(pkg: &str, names: &[String]) -> std::collections::HashSet<String> {
    use std::collections::{HashMap, HashSet};
    let Some(manifest) = names
        .iter()
        .find(|n| n.starts_with("__wasm_split_manifest") && n.ends_with(".json"))
    else {
        return HashSet::new();
    };
    let splits: HashMap<String, Vec<String>> = std::fs::read_to_string(format!("{pkg}/{manifest}"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let offline: HashSet<&String> = splits
        .iter()
        .filter(|(split, _)| OFFLINE_SPLITS.iter().any(|p| split.starts_with(p)))
        .flat_map(|(_, chunks)| chunks)
        .collect();
    splits
        .values()
        .flatten()
        .filter(|chunk| !offline.contains(chunk))
        .map(|chunk| format!("{chunk}.wasm"))
        .collect()
}

/// 64-bit FNV-1a: a stable fingerprint of the asset list (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `GET /sw.js`: never cached by the browser, so updates are seen on the next visit.
pub async fn service_worker(State(site): State<Site>) -> Response {
    let worker = ServiceWorker::for_site(&site.root, &site.pkg_dir);
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        worker.0,
    )
        .into_response()
}

/// `GET /{lang}/manifest.webmanifest`: the app as installed from that edition.
pub async fn manifest(Path(code): Path<String>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let t = lang.t();
    let icon = |src: &str, size: &str, purpose: &str| serde_json::json!({ "src": src, "sizes": size, "type": "image/png", "purpose": purpose });
    let body = serde_json::json!({
        "id": format!("/{code}/"),
        "name": t.rights,
        "short_name": "CCME",
        "description": t.tagline,
        "lang": code,
        "dir": lang.dir(),
        "start_url": format!("/{code}/?source=app"),
        "scope": format!("/{code}/"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5d4b",
        "icons": [
            icon("/icons/icon-192.png", "192x192", "any"),
            icon("/icons/icon-512.png", "512x512", "any"),
            icon("/icons/maskable-512.png", "512x512", "maskable"),
        ],
        "shortcuts": [
            { "name": t.latest_news, "url": format!("/{code}/?source=shortcut"),
              "icons": [icon("/icons/icon-192.png", "192x192", "any")] },
            { "name": t.search, "url": format!("/{code}/search"),
              "icons": [icon("/icons/icon-192.png", "192x192", "any")] },
        ],
    });
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/manifest+json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=86400"),
            ),
        ],
        body.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_lists_hashed_assets_and_changes_with_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_str().unwrap();
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join("pkg/app.abc.wasm"), b"").unwrap();
        let first = ServiceWorker::for_site(root, "pkg");
        assert!(first.0.contains("\"/pkg/app.abc.wasm\""));
        assert!(first.0.contains("\"/pwa.js\""));
        assert!(!first.0.contains("__PRECACHE__") && !first.0.contains("__VERSION__"));
        // The worker's editions are the site's languages, in menu order.
        assert!(first.0.contains(r#"const LANGS = ["fr","ar","en"];"#));
        std::fs::rename(
            dir.path().join("pkg/app.abc.wasm"),
            dir.path().join("pkg/app.def.wasm"),
        )
        .unwrap();
        let second = ServiceWorker::for_site(root, "pkg");
        assert_ne!(first.0, second.0, "a new build is a new worker");
    }

    #[test]
    fn worker_precaches_the_module_and_offline_chunks_not_every_widget() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_str().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        for name in [
            "app.abc.wasm",
            "app.abc.wasm.br",
            "app.abc.wasm.gz",
            "app.abc.js",
            "__wasm_split.def.js",
            "chunk_1.aa.wasm",
            "chunk_2.bb.wasm",
            "chunk_3.cc.wasm",
            "split_player_controls_1.dd.wasm",
            "split_search_overlay_1.ee.wasm",
        ] {
            std::fs::write(pkg.join(name), b"").unwrap();
        }
        std::fs::write(
            pkg.join("__wasm_split_manifest.ff.json"),
            r#"{"player_controls_1": ["chunk_1.aa", "chunk_2.bb", "split_player_controls_1.dd"],
                "search_overlay_1": ["chunk_1.aa", "chunk_3.cc", "split_search_overlay_1.ee"]}"#,
        )
        .unwrap();
        let worker = ServiceWorker::for_site(root, "pkg").0;
        for precached in [
            "/pkg/app.abc.wasm",
            "/pkg/app.abc.js",
            "/pkg/__wasm_split.def.js",
            "/pkg/__wasm_split_manifest.ff.json",
            "/pkg/chunk_1.aa.wasm",
            "/pkg/chunk_3.cc.wasm",
            "/pkg/split_search_overlay_1.ee.wasm",
        ] {
            assert!(
                worker.contains(&format!("\"{precached}\"")),
                "{precached} precached"
            );
        }
        for on_demand in [
            "/pkg/chunk_2.bb.wasm",
            "/pkg/split_player_controls_1.dd.wasm",
            "/pkg/app.abc.wasm.br",
            "/pkg/app.abc.wasm.gz",
        ] {
            assert!(
                !worker.contains(&format!("\"{on_demand}\"")),
                "{on_demand} not precached"
            );
        }
    }
}
