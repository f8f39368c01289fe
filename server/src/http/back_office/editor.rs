//! The editor over HTTP, through the site's whole router on a real SQLite file: no
//! writing route, preview or server function answers without a session; authors
//! write and submit, editors publish; refused posts come back with what was typed.

use super::{call, get, location, log_in, post_form, send, site, Site};
use admin::stories::editor::GetEditor;
use admin::stories::GetStoryList;
use app::api::preview::GetPreview;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use content::address::encode_segment;
use leptos::server_fn::ServerFn;

/// A back-office form posted with a session cookie.
pub(crate) fn post(path: &str, fields: &[(&str, &str)], cookie: Option<&str>) -> Request<Body> {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_segment(v)))
        .collect();
    post_form(path, body.join("&"), cookie)
}

/// The story id in a `/admin/stories/{id}/{lang}?saved=…` address.
fn story_id(location: &str) -> i64 {
    location
        .trim_start_matches("/admin/stories/")
        .split('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no story id in {location}"))
}

async fn write(
    site: &Site,
    cookie: &str,
    title: &str,
    action: &str,
) -> (StatusCode, String, String) {
    let fields = [
        ("lang", "fr"),
        ("kind", "article"),
        ("title", title),
        ("summary", "Un chapeau."),
        (
            "body",
            "## Question\n\nUne **réponse**.<script>alert(1)</script>",
        ),
        ("action", action),
    ];
    let (status, headers, body) =
        send(site, post("/admin/stories/new", &fields, Some(cookie))).await;
    let to = headers
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, to, body)
}

#[tokio::test]
async fn no_writing_route_answers_without_a_session() {
    let site = site().await;
    for path in [
        "/admin/stories",
        "/admin/stories/new",
        "/admin/stories/1/fr",
        "/fr/preview/1",
        "/ar/preview/1",
    ] {
        let (status, headers, _) = send(&site, get(path, None)).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
        assert!(
            location(&headers).starts_with("/admin/login?next="),
            "{path}"
        );
    }
    for path in ["/admin/stories/new", "/admin/stories/1/fr"] {
        let (status, _, _) = send(&site, post(path, &[("title", "x")], None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    for path in [GetStoryList::PATH, GetEditor::PATH, GetPreview::PATH] {
        assert!(content::site::is_back_office_api_path(path), "{path}");
        let (status, _, _) = send(&site, call(path, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let count: i64 = content::sql::query_scalar("SELECT count(*) FROM stories")
        .fetch_one(&site.pool)
        .await
        .unwrap();
    assert_eq!(count, 0, "nothing was written");
}

#[tokio::test]
async fn authors_write_and_submit_and_editors_publish() {
    let site = site().await;
    let author = log_in(&site, "author@ccme.example").await;
    let editor = log_in(&site, "editor@ccme.example").await;

    let (status, to, _) = write(&site, &author, "Les jeunes de la diaspora", "save").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.ends_with("/fr?saved=save"), "{to}");
    let id = story_id(&to);
    let (status, headers, page) = send(&site, get(&to, Some(&author))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(page.contains("Enregistré."), "the saved notice");
    assert!(page.contains("Les jeunes de la diaspora"));
    assert!(!page.contains(".wasm"), "back-office pages load no WASM");

    // The author may not publish: refused with the reason, and what was typed kept.
    let path = format!("/admin/stories/{id}/fr");
    let fields = [
        ("title", "Titre retouché"),
        ("body", "Texte retouché"),
        ("action", "publish"),
    ];
    let (status, _, page) = send(&site, post(&path, &fields, Some(&author))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Votre rôle ne permet pas cette action"),
        "{page}"
    );
    assert!(page.contains("Titre retouché") && page.contains("Texte retouché"));
    let (status, _, _) = send(&site, get("/fr/article/les-jeunes-de-la-diaspora", None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "still a draft");

    // A draft can be previewed by the back office only.
    let preview = format!("/fr/preview/{id}");
    let (status, headers, page) = send(&site, get(&preview, Some(&author))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
    assert!(
        page.contains("<h2>Question</h2>") && !page.contains("alert(1)"),
        "{page}"
    );

    let fields = [
        ("title", "Les jeunes de la diaspora"),
        ("body", "Une **réponse**."),
        ("action", "publish"),
    ];
    let (status, headers, _) = send(&site, post(&path, &fields, Some(&editor))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{path}?saved=publish"));
    let (status, _, page) = send(&site, get("/fr/article/les-jeunes-de-la-diaspora", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Une <strong>réponse</strong>."));
}

#[tokio::test]
async fn refused_posts_say_what_to_fix_in_the_accounts_language() {
    let site = site().await;
    content::sql::query("UPDATE users SET lang = 'ar' WHERE email = 'editor@ccme.example'")
        .execute(&site.pool)
        .await
        .unwrap();
    let editor = log_in(&site, "editor@ccme.example").await;
    let (status, _, page) = write(&site, &editor, "   ", "save").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("اكتب عنوانًا."), "{page}");
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("Une **réponse**."), "the text is kept");
    let fields = [
        ("lang", "fr"),
        ("title", "Programmé trop tôt"),
        ("publish_at", "2001-01-01T10:00"),
        ("action", "schedule"),
    ];
    let (status, _, page) = send(&site, post("/admin/stories/new", &fields, Some(&editor))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("هذا التاريخ مضى"), "{page}");
    assert!(page.contains("2001-01-01T10:00"), "the time typed is kept");
    let count: i64 = content::sql::query_scalar("SELECT count(*) FROM stories")
        .fetch_one(&site.pool)
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn only_editors_moderate_and_export_subscribers() {
    use admin::moderation::{GetMessage, GetMessages, GetSubscriberCounts};
    let site = site().await;
    let author = log_in(&site, "author@ccme.example").await;
    let editor = log_in(&site, "editor@ccme.example").await;
    for path in [
        GetMessages::PATH,
        GetMessage::PATH,
        GetSubscriberCounts::PATH,
    ] {
        let (status, _, _) = send(&site, call(path, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        let asked = post_form(path, "id=1".into(), Some(&author));
        assert_eq!(send(&site, asked).await.0, StatusCode::FORBIDDEN, "{path}");
    }
    let (status, _, _) = send(&site, call(GetMessages::PATH, Some(&editor))).await;
    assert_eq!(status, StatusCode::OK);
    let csv = "/admin/subscribers/newsletter.csv";
    assert_eq!(
        send(&site, get(csv, Some(&author))).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, headers, body) = send(&site, get(csv, Some(&editor))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(body, "email,language,confirmed_at\r\n");
    let decide = post("/admin/messages/1", &[("action", "reject")], Some(&author));
    assert_eq!(send(&site, decide).await.0, StatusCode::FORBIDDEN);
    let decide = post("/admin/messages/1", &[("action", "reject")], Some(&editor));
    assert_eq!(
        send(&site, decide).await.0,
        StatusCode::NOT_FOUND,
        "no such message"
    );
}
