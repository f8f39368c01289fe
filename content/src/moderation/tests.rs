use super::*;
use crate::model::Role;
use crate::reader_messages::{insert, NewMessage};
use crate::test_db;

/// Words a reply the plainest way, carrying every field `decide` hands over so the
/// test sees them in the queued mail (the real wording is the app's letters, tested
/// there).
fn reply_letter(to: ReplyTo<'_>) -> crate::mail_queue::Mail {
    crate::mail_queue::Mail {
        to_addr: to.email.to_owned(),
        subject: format!("Re: {}", to.subject),
        text_body: to.text.to_owned(),
        html_body: format!("<p lang=\"{}\">{}</p>", to.lang.code(), to.text),
        unsubscribe_url: None,
        reply_to: Some("redaction@ccme.ma".to_owned()),
        attachment_of: None,
    }
}

async fn editor(pool: &Db) -> SessionUser {
    let id = accounts::create_user(
        pool,
        "editor@ccme.ma",
        "",
        Role::Editor,
        "correct horse battery",
    )
    .await
    .unwrap();
    SessionUser {
        id,
        email: "editor@ccme.ma".into(),
        name: String::new(),
        role: Role::Editor,
        lang: Lang::Fr,
    }
}

fn message<'a>(kind: &'a str, subject: &'a str, body: &'a str) -> NewMessage<'a> {
    NewMessage {
        kind,
        lang: Lang::Ar,
        name: "Amina",
        email: "amina@example.org",
        subject,
        body,
        country: Some("Belgique"),
        attachment: None,
        wording: "test",
    }
}

#[tokio::test]
async fn messages_are_read_answered_accepted_or_rejected_and_audited() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let user = editor(pool).await;
    let contact = insert(pool, &message("contact", "سؤال", "مرحبا"))
        .await
        .unwrap();
    let op_ed = insert(
        pool,
        &message(
            "op_ed",
            "الهجرة والذاكرة",
            "فقرة أولى.\n\n<script>x()</script> فقرة ثانية.",
        ),
    )
    .await
    .unwrap();
    let new = queue(pool, Some("new")).await.unwrap();
    assert_eq!(new.len(), 2);

    let opened = open_message(pool, &user, contact).await.unwrap().unwrap();
    assert_eq!(opened.status, "read", "opening a new message marks it read");
    assert_eq!(queue(pool, Some("read")).await.unwrap().len(), 1);

    let reply = Decision::Reply("شكرا لرسالتك.\n\nفريق التحرير".into());
    assert_eq!(
        decide(pool, &user, contact, &reply, reply_letter)
            .await
            .unwrap(),
        Some(None),
        "a reply makes no draft"
    );
    let (to, subject, reply_to, html): (String, String, Option<String>, String) =
        crate::sql::query_as("SELECT to_addr, subject, reply_to, html_body FROM mail_queue")
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(
        (to.as_str(), subject.as_str()),
        ("amina@example.org", "Re: سؤال")
    );
    assert_eq!(reply_to.as_deref(), Some("redaction@ccme.ma"));
    assert_eq!(html, "<p lang=\"ar\">شكرا لرسالتك.\n\nفريق التحرير</p>");

    assert_eq!(
        decide(pool, &user, contact, &Decision::Accept, reply_letter)
            .await
            .unwrap(),
        None,
        "only op-eds become articles"
    );
    let (story, draft_lang) = decide(pool, &user, op_ed, &Decision::Accept, reply_letter)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(draft_lang, Lang::Ar, "the draft is in the op-ed's language");
    let (status, body, signature, lang): (String, String, String, String) = crate::sql::query_as(
        "SELECT status, body_html, signature, lang FROM story_translations WHERE story_id = ?",
    )
    .bind(story)
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(
        (status.as_str(), signature.as_str(), lang.as_str()),
        ("draft", "Amina", "ar")
    );
    assert!(
        body.contains("&lt;script&gt;") && !body.contains("<script"),
        "{body}"
    );
    let detail = open_message(pool, &user, op_ed).await.unwrap().unwrap();
    assert_eq!(
        (detail.status.as_str(), detail.story_id),
        ("accepted", Some(story))
    );
    assert_eq!(
        decide(pool, &user, 999, &Decision::Reject, reply_letter)
            .await
            .unwrap(),
        None
    );

    let actions: Vec<String> = crate::sql::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'message.%' ORDER BY id",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert_eq!(actions, ["message.read", "message.reply", "message.accept"]);
}

#[tokio::test]
async fn subscriber_lists_are_counted_and_exported_safely() {
    let db = test_db::empty().await;
    let pool = &db.pool;
    let user = editor(pool).await;
    for (email, status) in [
        ("b@example.org", "confirmed"),
        ("=cmd@example.org", "confirmed"),
        ("c@example.org", "pending"),
    ] {
        crate::sql::query(
            "INSERT INTO subscribers (email, list, lang, status, confirmed_at) VALUES (?, 'newsletter', 'fr', ?, '2026-01-01T00:00:00Z')",
        )
        .bind(email)
        .bind(status)
        .execute(pool)
        .await
        .unwrap();
    }
    let counts = subscriber_counts(pool).await.unwrap();
    let confirmed = counts.iter().find(|c| c.status == "confirmed").unwrap();
    assert_eq!(confirmed.count, 2);
    let csv = subscribers_csv(pool, &user, "newsletter").await.unwrap();
    assert_eq!(
        csv,
        "email,language,confirmed_at\r\n'=cmd@example.org,fr,2026-01-01T00:00:00Z\r\nb@example.org,fr,2026-01-01T00:00:00Z\r\n"
    );
    assert_eq!(csv_cell("a,\"b\""), "\"a,\"\"b\"\"\"");
    let exported: i64 = crate::sql::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'subscribers.export'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(exported, 1);
}
