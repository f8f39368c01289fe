//! The forms over HTTP on a real SQLite file: JSON answers of the enhanced page, the
//! plain-POST answers (303, or the page rendered again), the bot screen, the per-IP
//! limit, op-ed uploads and the e-mailed links (button and RFC 8058 one-click).

use crate::config::Config;
use crate::http::forms::routes;
use crate::http::page_cache::PageCache;
use crate::state::AppState;
use app::forms::ticket::TicketKey;
use app::forms::Outcome;
use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use content::mail_queue;
use leptos::prelude::*;
use tower::ServiceExt;

struct Forms {
    router: Router,
    pool: content::Db,
    key: TicketKey,
    _dir: tempfile::TempDir,
}

async fn forms(per_minute: u32) -> Forms {
    // Rendering a page spawns tasks on Leptos's executor, which listing routes sets up.
    crate::http::list_routes();
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        form_rate_per_minute: per_minute,
        ..Config::in_folder(dir.path(), "https://ccme.example")
    };
    let pool = content::connect(&config.database_url).await.unwrap();
    let key = TicketKey::new([3; 32], 0);
    let options = LeptosOptions::builder().output_name("test").build();
    let router = routes().with_state(AppState::new(
        options,
        pool.clone(),
        &config,
        key.clone(),
        crate::cache_purge::spawn(pool.clone(), Vec::new(), PageCache::off()),
    ));
    Forms {
        router,
        pool,
        key,
        _dir: dir,
    }
}

/// Posts a urlencoded form; `json` asks for the enhanced page's answer.
async fn post(
    forms: &Forms,
    path: &str,
    fields: &[(&str, &str)],
    json: bool,
) -> (StatusCode, String, Option<String>) {
    let ticket = forms.key.issue();
    let mut pairs: Vec<(&str, &str)> = vec![("ticket", &ticket)];
    pairs.extend_from_slice(fields);
    let body = serde_urlencoded_pairs(&pairs);
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(
            header::ACCEPT,
            if json {
                "application/json"
            } else {
                "text/html"
            },
        )
        .header("x-forwarded-for", "192.0.2.7")
        .body(Body::from(body))
        .unwrap();
    send(forms, request).await
}

async fn send(forms: &Forms, request: Request<Body>) -> (StatusCode, String, Option<String>) {
    let response = forms.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (
        status,
        String::from_utf8_lossy(&body).into_owned(),
        location,
    )
}

fn serde_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                content::address::encode_segment(k),
                content::address::encode_segment(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

async fn queued(pool: &content::Db) -> Vec<mail_queue::QueuedMail> {
    mail_queue::due(pool, 100).await.unwrap()
}

#[tokio::test]
async fn subscriptions_answer_alike_and_links_need_a_post() {
    let forms = forms(100).await;
    let subscribe = |email: &'static str, extra: &'static [(&'static str, &'static str)]| {
        let mut fields = vec![
            ("form", "subscribe"),
            ("email", email),
            ("list", "newsletter"),
        ];
        fields.extend_from_slice(extra);
        fields
    };
    // Invalid address: the problem, as JSON, for the enhanced page.
    let (status, body, _) = post(&forms, "/ar/newsletter", &subscribe("x@", &[]), true).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let outcome: Outcome = serde_json::from_str(&body).unwrap();
    assert_eq!(
        outcome.problem("email"),
        Some(app::forms::Problem::InvalidEmail)
    );
    // New address, then the same again once confirmed: the same answer both times.
    let fields = subscribe("Lectrice@Example.org", &[("list", "press_review")]);
    let (status, body, _) = post(&forms, "/ar/newsletter", &fields, true).await;
    assert_eq!(
        (status, body.contains("\"sent\":true")),
        (StatusCode::OK, true)
    );
    let mails = queued(&forms.pool).await;
    assert_eq!(mails.len(), 2, "one confirmation per list");
    let mail = &mails[0].mail;
    assert_eq!(mail.to_addr, "lectrice@example.org");
    assert!(mail.html_body.contains("dir=\"rtl\""));
    let confirm = mail
        .text_body
        .split_whitespace()
        .find(|w| w.contains("/newsletter/confirm?t="))
        .unwrap()
        .trim_start_matches("https://ccme.example")
        .to_owned();
    let token = confirm.split("t=").nth(1).unwrap().to_owned();
    // The link's page confirms only on its button's POST.
    let (status, _, location) =
        post(&forms, "/ar/newsletter/confirm", &[("t", &token)], false).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location.as_deref(),
        Some("/ar/newsletter/confirm?done=newsletter")
    );
    let (status, _, location) =
        post(&forms, "/ar/newsletter/confirm", &[("t", &token)], false).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "a used link leads back to its page"
    );
    assert!(location.unwrap().contains("?t="));
    let (_, again, _) = post(&forms, "/ar/newsletter", &fields, true).await;
    assert_eq!(again, body, "no address probing");
    // Mail providers' one-click unsubscribe: a POST to the List-Unsubscribe address.
    let unsubscribe = mail.unsubscribe_url.clone().unwrap();
    let path = unsubscribe.trim_start_matches("https://ccme.example");
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("List-Unsubscribe=One-Click"))
        .unwrap();
    assert_eq!(send(&forms, request).await.0, StatusCode::OK);
    let status = content::subscriptions::status(
        &forms.pool,
        "lectrice@example.org",
        content::subscriptions::List::Newsletter,
    )
    .await
    .unwrap();
    assert_eq!(status.as_deref(), Some("unsubscribed"));
}

#[tokio::test]
async fn bots_are_answered_without_being_told_why() {
    let forms = forms(2).await;
    let fields = [
        ("form", "subscribe"),
        ("email", "bot@example.org"),
        ("list", "newsletter"),
        ("website", "http://spam"),
    ];
    let (status, body, _) = post(&forms, "/en/newsletter", &fields, true).await;
    assert_eq!(
        (status, body.contains("\"sent\":true")),
        (StatusCode::OK, true)
    );
    assert!(
        queued(&forms.pool).await.is_empty(),
        "the honeypot sends nothing"
    );
    // A forged ticket: "send again", with a fresh ticket.
    let request = Request::post("/en/newsletter")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("x-forwarded-for", "192.0.2.7")
        .body(Body::from(
            "ticket=1.00&email=a%40example.org&list=newsletter",
        ))
        .unwrap();
    let (status, body, _) = send(&forms, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let outcome: Outcome = serde_json::from_str(&body).unwrap();
    assert_eq!(outcome.notice, Some(app::forms::Notice::TryAgain));
    assert!(outcome.ticket.is_some());
    // Past the per-IP budget (2 a minute): 429 and a neutral message.
    let (status, body, _) = post(&forms, "/en/contact", &[("form", "contact")], true).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body.contains("TryLater"));
}

#[tokio::test]
async fn plain_posts_get_the_page_again_or_a_redirect() {
    let forms = forms(100).await;
    let mut fields = vec![
        ("form", "contact"),
        ("name", "أمينة"),
        ("email", "amina@example.org"),
        ("subject", "سؤال"),
        ("message", "قصير"),
    ];
    let (status, html, _) = post(&forms, "/ar/contact", &fields, false).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("dir=\"rtl\""), "the Arabic page");
    assert!(
        html.contains("المرجو كتابة 10 حرفا على الأقل"),
        "translated problem"
    );
    assert!(html.contains("value=\"أمينة\""), "what was typed is kept");
    assert!(html.contains(">قصير</textarea>"));
    fields[4].1 = "رسالة طويلة بما يكفي للإرسال";
    let (status, _, location) = post(&forms, "/ar/contact", &fields, false).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/ar/contact?sent=contact"));
    let mails = queued(&forms.pool).await;
    let to: Vec<&str> = mails.iter().map(|m| m.mail.to_addr.as_str()).collect();
    assert_eq!(to, ["redaction@ccme.example", "amina@example.org"]);
    assert_eq!(mails[0].mail.reply_to.as_deref(), Some("amina@example.org"));
    assert!(
        !mails[1].mail.text_body.contains("رسالة طويلة"),
        "no reader text to the reader's address"
    );
}

fn multipart(ticket: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    let text = "Texte de la tribune. ".repeat(20);
    for (name, value) in [
        ("form", "op-ed"),
        ("ticket", ticket),
        ("name", "Youssef"),
        ("email", "youssef@example.org"),
        ("country", "Belgique"),
        ("title", "Une tribune"),
        ("text", text.as_str()),
        ("agree", "yes"),
    ] {
        body.extend_from_slice(
            format!("--XX\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(b"--XX\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"t.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
    body.extend_from_slice(file);
    body.extend_from_slice(b"\r\n--XX--\r\n");
    body
}

#[tokio::test]
async fn op_eds_carry_their_file_to_the_editors() {
    let forms = forms(100).await;
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";
    let upload = |file: &[u8]| {
        Request::post("/fr/tribune")
            .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XX")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(multipart(&forms.key.issue(), file)))
            .unwrap()
    };
    let (status, body, _) = send(&forms, upload(b"<html>not a pdf</html>")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("AttachmentType"));
    let mut big = pdf.to_vec();
    big.resize(app::forms::limit::ATTACHMENT_BYTES + 10, b' ');
    let (_, body, _) = send(&forms, upload(&big)).await;
    assert!(body.contains("AttachmentSize"));
    let (status, body, _) = send(&forms, upload(pdf)).await;
    assert_eq!(
        (status, body.contains("\"sent\":true")),
        (StatusCode::OK, true),
        "{body}"
    );
    let mails = queued(&forms.pool).await;
    let notification = &mails[0].mail;
    let id = notification
        .attachment_of
        .expect("the file goes with the notification");
    let (name, kind, bytes) = content::reader_messages::attachment(&forms.pool, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (name.as_str(), kind.as_str(), bytes.as_slice()),
        ("t.pdf", "application/pdf", &pdf[..])
    );
    // The mail as sent: the PDF attached next to the text and HTML.
    let from = "CCME <no-reply@ccme.example>".parse().unwrap();
    let message =
        crate::mail::message(&from, notification, Some((name, kind, bytes)), None).unwrap();
    let raw = String::from_utf8_lossy(&message.formatted()).into_owned();
    assert!(
        raw.contains("multipart/mixed") && raw.contains("filename=\"t.pdf\""),
        "{raw}"
    );
    assert!(raw.contains("Reply-To: youssef@example.org"));
}
