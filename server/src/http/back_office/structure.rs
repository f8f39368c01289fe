//! The administration screens over HTTP, through the site's whole router on a real
//! SQLite file: no route answers without a session or to another role than
//! administrator; accounts, sections and menu items saved from plain forms show on
//! the public site at once; refused posts come back with what was typed (never a
//! password) and the translated problem.

use super::editor::post;
use super::{call, get, location, log_in, send, site};
use admin::audit::GetAuditLog;
use admin::structure::sections::GetStructure;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;

const ROUTES: [&str; 5] = [
    "/admin/accounts",
    "/admin/accounts/1",
    "/admin/sections/new",
    "/admin/menus/new",
    "/admin/password",
];

#[tokio::test]
async fn only_administrators_change_the_structure_and_accounts() {
    let site = site().await;
    for route in ROUTES {
        let (status, _, _) = send(&site, post(route, &[("action", "save")], None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{route}");
    }
    let editor = log_in(&site, "editor@ccme.example").await;
    for path in [GetStructure::PATH, GetAuditLog::PATH] {
        let (status, _, _) = send(&site, call(path, None)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        let (status, _, _) = send(&site, call(path, Some(&editor))).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
    let section = [("name_fr", "Rubrique pirate"), ("action", "save")];
    let (status, _, page) = send(&site, post("/admin/sections/new", &section, Some(&editor))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Réservé aux administrateurs."), "{page}");
    let account = [
        ("email", "x@ccme.example"),
        ("role", "admin"),
        ("password", "a long enough passphrase"),
    ];
    let (status, _, _) = send(&site, post("/admin/accounts", &account, Some(&editor))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, page) = send(&site, get("/admin/accounts", Some(&editor))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        page.contains("Réservé aux administrateurs."),
        "no account listed to editors"
    );
    assert!(!page.contains("author@ccme.example"));
}

#[tokio::test]
async fn an_administrator_adds_a_section_a_menu_item_and_an_account() {
    let site = site().await;
    let admin = log_in(&site, "admin@ccme.example").await;
    let section = [
        ("parent", ""),
        ("name_fr", "Jeunesse"),
        ("name_ar", "الشباب"),
        ("name_en", "Youth"),
        ("description_fr", "Les jeunes de la diaspora."),
        ("action", "save"),
    ];
    let (status, headers, _) =
        send(&site, post("/admin/sections/new", &section, Some(&admin))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/sections?done=saved");
    let (status, _, page) = send(&site, get("/ar/section/الشباب", None)).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("الشباب"));

    // The same names again: refused, the names typed shown again with the problem.
    let (status, _, page) = send(&site, post("/admin/sections/new", &section, Some(&admin))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("value=\"Les jeunes de la diaspora.\""),
        "{page}"
    );
    assert!(page.contains("Une autre rubrique de cette langue a déjà cette adresse."));

    let id: i64 = content::sql::query_scalar("SELECT id FROM sections WHERE key = 'jeunesse'")
        .fetch_one(&site.pool)
        .await
        .unwrap();
    let item = [
        ("menu", "main"),
        ("parent", ""),
        ("target", "section"),
        ("section", &id.to_string()),
        ("label_en", "Young diaspora"),
        ("action", "save"),
    ];
    let (status, headers, _) = send(&site, post("/admin/menus/new", &item, Some(&admin))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{headers:?}");
    assert_eq!(location(&headers), "/admin/menus?done=saved");
    let (_, _, home) = send(&site, get("/en/", None)).await;
    assert!(home.contains(">Young diaspora<"), "the header follows");
    let (_, _, home) = send(&site, get("/fr/", None)).await;
    assert!(
        home.contains("href=\"/fr/section/jeunesse\""),
        "named after the section in French"
    );

    // An account: a wrong field keeps the others (never the password).
    let mut account = vec![
        ("email", "not an address"),
        ("name", "Nadia"),
        ("role", "editor"),
        ("lang", "ar"),
        ("password", "a long enough passphrase"),
    ];
    let (status, _, page) = send(&site, post("/admin/accounts", &account, Some(&admin))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("value=\"Nadia\""));
    assert!(
        !page.contains("a long enough passphrase"),
        "passwords are not sent back"
    );
    assert!(page.contains("Ce n’est pas une adresse électronique valide."));
    account[0].1 = "nadia@ccme.example";
    let (status, headers, _) = send(&site, post("/admin/accounts", &account, Some(&admin))).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::SEE_OTHER, "/admin/accounts?done=saved")
    );
    let nadia = log_in(&site, "nadia@ccme.example").await;
    let (status, _, page) = send(&site, get("/admin", Some(&nadia))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("dir=\"rtl\""),
        "her back office speaks Arabic"
    );

    // Nobody disables their own account.
    let me: i64 =
        content::sql::query_scalar("SELECT id FROM users WHERE email = 'admin@ccme.example'")
            .fetch_one(&site.pool)
            .await
            .unwrap();
    let path = format!("/admin/accounts/{me}");
    let (status, _, page) = send(&site, post(&path, &[("action", "disable")], Some(&admin))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Vous ne pouvez pas changer votre propre rôle"));
}

#[tokio::test]
async fn changing_ones_password_asks_for_the_current_one() {
    let site = site().await;
    let author = log_in(&site, "author@ccme.example").await;
    let wrong = [
        ("current", "not the password"),
        ("password", "another long passphrase"),
    ];
    let (status, _, page) = send(&site, post("/admin/password", &wrong, Some(&author))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Le mot de passe actuel n’est pas le bon."),
        "{page}"
    );
    let right = [
        ("current", "a long enough passphrase"),
        ("password", "another long passphrase"),
    ];
    let (status, headers, _) = send(&site, post("/admin/password", &right, Some(&author))).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::SEE_OTHER, "/admin?password=changed")
    );
    let (status, _, _) = send(&site, get("/admin", Some(&author))).await;
    assert_eq!(status, StatusCode::OK, "this session stays open");
}

#[tokio::test]
async fn media_items_are_described_by_any_account_and_deleted_by_editors_when_unused() {
    use admin::media::item::GetMediaItem;
    let site = site().await;
    let id: i64 = content::sql::query_scalar(
        "INSERT INTO media (kind, path, mime) VALUES ('image', 'uploads/a.png', 'image/png') RETURNING id",
    )
    .fetch_one(&site.pool)
    .await
    .unwrap();
    let route = format!("/admin/media/{id}");
    let delete = [("action", "delete")];
    let (status, _, _) = send(&site, post(&route, &delete, None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = send(&site, call(GetMediaItem::PATH, None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let author = log_in(&site, "author@ccme.example").await;
    let describe = [
        ("alt_fr", "Une affiche"),
        ("alt_ar", "ملصق"),
        ("action", "save"),
    ];
    let (status, headers, _) = send(&site, post(&route, &describe, Some(&author))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{route}?done=saved"));
    let (status, _, page) = send(&site, post(&route, &delete, Some(&author))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        page.contains("Réservé aux éditeurs et aux administrateurs."),
        "{page}"
    );

    let editor = log_in(&site, "editor@ccme.example").await;
    let story: i64 =
        content::sql::query_scalar("INSERT INTO stories (kind) VALUES ('article') RETURNING id")
            .fetch_one(&site.pool)
            .await
            .unwrap();
    content::sql::query(
        "INSERT INTO story_translations (story_id, lang, kind, slug, title, cover_media_id)
         VALUES (?, 'fr', 'article', 'affiche', 'L’affiche du forum', ?)",
    )
    .bind(story)
    .bind(id)
    .execute(&site.pool)
    .await
    .unwrap();
    let (status, _, page) = send(&site, post(&route, &delete, Some(&editor))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Ce média est utilisé"), "{page}");
    assert!(
        page.contains("L’affiche du forum"),
        "the page lists the story using it"
    );
    assert!(page.contains("ملصق"), "with the stored descriptions");

    content::sql::query("DELETE FROM stories WHERE id = ?")
        .bind(story)
        .execute(&site.pool)
        .await
        .unwrap();
    let (status, headers, _) = send(&site, post(&route, &delete, Some(&editor))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), "/admin/media?done=deleted");
    let (status, _, page) = send(&site, get(&route, Some(&editor))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Cet élément n’existe plus."), "{page}");
}
