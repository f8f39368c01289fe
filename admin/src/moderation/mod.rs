//! `/admin/messages` and `/admin/messages/{id}`: the queue of reader messages (contact
//! and op-eds) for editors — filter by status, read one, answer it by e-mail, accept an
//! op-ed as a draft article, reject; and `/admin/subscribers`: the lists' counts and
//! the CSV export. Plain forms, posted to `post.rs`.

pub mod post;

use crate::i18n::AdminTexts;
use crate::i18n::ModerationStrings;
use crate::session::{by_route_id, loaded, use_admin_session};
use app::api::reply::JsonReply;
use app::i18n::format_date;
use content::lang::Lang;
use content::model::{MessageDetail, MessageSummary, SubscriberCount};
use content::moderation::MESSAGE_STATUSES;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The reader-message queue (editors and administrators), `status` only when given.
#[server(prefix = "/api/admin", endpoint = "messages", output = JsonReply)]
pub async fn get_messages(
    status: Option<String>,
) -> Result<Vec<content::model::MessageSummary>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    app::api::access::require(content::model::Role::Editor)?;
    content::moderation::queue(&pool()?, status.as_deref())
        .await
        .map_err(internal)
}

/// One reader message in full (opening a new one marks it read).
#[server(prefix = "/api/admin", endpoint = "message", output = JsonReply)]
pub async fn get_message(id: i64) -> Result<Option<content::model::MessageDetail>, ServerFnError> {
    use app::api::server_only::{internal, pool};
    let user = app::api::access::require(content::model::Role::Editor)?;
    content::moderation::open_message(&pool()?, &user, id)
        .await
        .map_err(internal)
}

/// Subscribers per list, language and status.
#[server(prefix = "/api/admin", endpoint = "subscribers", output = JsonReply)]
pub async fn get_subscriber_counts() -> Result<Vec<content::model::SubscriberCount>, ServerFnError>
{
    use app::api::server_only::{internal, pool};
    app::api::access::require(content::model::Role::Editor)?;
    content::moderation::subscriber_counts(&pool()?)
        .await
        .map_err(internal)
}

fn status_name(m: &ModerationStrings, status: &str) -> &'static str {
    MESSAGE_STATUSES
        .iter()
        .position(|s| *s == status)
        .map_or("", |i| m.statuses[i])
}

fn kind_name(m: &ModerationStrings, kind: &str) -> &'static str {
    if kind == "op_ed" {
        m.kinds[1]
    } else {
        m.kinds[0]
    }
}

/// The queue.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let m = use_admin_session().lang.moderation();
    let status = use_query_map()
        .get_untracked()
        .get("status")
        .filter(|s| !s.is_empty());
    let current = status.clone();
    let data = Resource::new(move || status.clone(), get_messages);
    view! {
        <Title text=format!("{} — CCME", m.messages)/>
        <h1>{m.messages}</h1>
        <nav class="admin-tabs" aria-label=m.messages>
            <a href="/admin/messages" aria-current=current.is_none().then_some("page")>{m.all}</a>
            {MESSAGE_STATUSES.iter().enumerate().map(|(i, s)| view! {
                <a href=format!("/admin/messages?status={s}") aria-current=(current.as_deref() == Some(*s)).then_some("page")>{m.statuses[i]}</a>
            }).collect_view()}
        </nav>
        {loaded(data, m.editors_only, |list: Vec<MessageSummary>| view! { <Queue list/> })}
    }
}

#[component]
fn Queue(list: Vec<MessageSummary>) -> impl IntoView {
    let lang = use_admin_session().lang;
    let m = lang.moderation();
    if list.is_empty() {
        return view! { <p class="notice">{m.empty}</p> }.into_any();
    }
    view! {
        <ul class="admin-stories">
            {list.into_iter().map(|msg| {
                let written = Lang::from_code(&msg.lang).unwrap_or_default();
                view! {
                    <li class="admin-story" class:message-new=msg.status == "new">
                        <a class="admin-story-title" href=format!("/admin/messages/{}", msg.id) lang=written.code() dir="auto">{msg.subject.clone()}</a>
                        <span class="admin-story-meta">
                            {kind_name(m, &msg.kind)}" · "<span dir="auto">{msg.name.clone()}</span>" · "{format_date(lang, &msg.created_at)}
                            {msg.has_attachment.then(|| view! { " · "{m.attachment} })}
                        </span>
                        <span class=format!("version-badge message-{}", msg.status)>{status_name(m, &msg.status)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One message.
#[component]
pub fn MessagePage() -> impl IntoView {
    let data = by_route_id(get_message);
    let refused = use_admin_session().lang.moderation().editors_only;
    loaded(data, refused, |found: Option<MessageDetail>| {
        match found {
        Some(message) => view! { <MessageView message/> }.into_any(),
        None => view! { <p class="notice notice-error">{use_admin_session().lang.editor().not_found}</p> }.into_any(),
    }
    })
}

#[component]
fn MessageView(message: MessageDetail) -> impl IntoView {
    let lang = use_admin_session().lang;
    let m = lang.moderation();
    let query = use_query_map().get_untracked();
    let done = match query.get("done").as_deref() {
        Some("reply") => Some(m.replied),
        Some("reject") => Some(m.rejected),
        _ => None,
    };
    let empty_reply = query.get("error").is_some();
    let written = Lang::from_code(&message.lang).unwrap_or_default();
    let id = message.id;
    view! {
        <Title text=format!("{} — CCME", message.subject)/>
        <div class="admin-heading">
            <h1 lang=written.code() dir="auto">{message.subject.clone()}</h1>
            <a href="/admin/messages">{m.back}</a>
        </div>
        {done.map(|d| view! { <p class="notice notice-success" role="status">{d}</p> })}
        {empty_reply.then(|| view! { <p class="notice notice-error" role="alert">{m.reply_empty}</p> })}
        <dl class="message-facts">
            <dt>{m.from}</dt><dd><span dir="auto">{message.name.clone()}</span>" — "<a href=format!("mailto:{}", message.email) dir="ltr">{message.email.clone()}</a></dd>
            {message.country.clone().map(|c| view! { <dt>{m.country}</dt><dd dir="auto">{c}</dd> })}
            <dt>{m.received}</dt><dd>{format_date(lang, &message.created_at)}" · "{kind_name(m, &message.kind)}" · "<span class="message-status">{status_name(m, &message.status)}</span></dd>
            {message.attachment_name.clone().map(|name| view! {
                <dt>{m.attachment}</dt><dd><a href=format!("/admin/messages/{id}/attachment") dir="auto">{name}</a></dd>
            })}
        </dl>
        <div class="message-body" lang=written.code() dir=written.dir()>{message.body.clone()}</div>
        {message.story_id.map(|story| view! {
            <p><a class="button" href=format!("/admin/stories/{story}/{}", written.code())>{m.open_draft}</a></p>
        })}
        <form method="post" action=format!("/admin/messages/{id}") class="editor-form">
            <fieldset>
                <label for="reply-text">{m.reply}</label>
                <textarea id="reply-text" name="reply" rows="6" lang=written.code() dir=written.dir() aria-describedby="reply-hint"></textarea>
                <p class="field-hint" id="reply-hint">{m.reply_hint}</p>
            </fieldset>
            <div class="editor-actions">
                <button type="submit" name="action" value="reply" class="button">{m.send_reply}</button>
                {(message.kind == "op_ed" && message.story_id.is_none()).then(|| view! {
                    <button type="submit" name="action" value="accept" class="button button-secondary">{m.accept}</button>
                })}
                <button type="submit" name="action" value="reject" class="button button-secondary">{m.reject}</button>
            </div>
        </form>
    }
}

/// The subscriber lists.
#[component]
pub fn SubscribersPage() -> impl IntoView {
    let m = use_admin_session().lang.moderation();
    let data = Resource::new(|| (), |_| get_subscriber_counts());
    view! {
        <Title text=format!("{} — CCME", m.subscribers)/>
        <h1>{m.subscribers}</h1>
        {loaded(data, m.editors_only, |counts: Vec<SubscriberCount>| view! { <Counts counts/> })}
    }
}

#[component]
fn Counts(counts: Vec<SubscriberCount>) -> impl IntoView {
    let m = use_admin_session().lang.moderation();
    let count = move |list: &str, lang: Lang, status: &str| -> i64 {
        counts
            .iter()
            .filter(|c| c.list == list && c.lang == lang.code() && c.status == status)
            .map(|c| c.count)
            .sum()
    };
    ["newsletter", "press_review"].into_iter().enumerate().map(|(i, list)| view! {
        <section class="admin-card" id=format!("list-{list}")>
            <h2>{m.lists[i]}</h2>
            <table class="subscriber-counts">
                <thead><tr><th scope="col">{m.language}</th>
                    {m.subscriber_statuses.iter().map(|s| view! { <th scope="col">{*s}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {Lang::ALL.iter().map(|&l| view! {
                        <tr><th scope="row">{l.native_name()}</th>
                            {["pending", "confirmed", "unsubscribed"].iter().map(|s| view! { <td>{count(list, l, s)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p><a class="button button-secondary" href=format!("/admin/subscribers/{list}.csv") download="">{m.export}</a></p>
            <p class="field-hint">{m.export_hint}</p>
        </section>
    }).collect_view()
}
