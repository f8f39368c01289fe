//! Sending the queued e-mails (`content::mail_queue`) with lettre: over SMTP when
//! `SMTP_URL` is set (`smtp://host:25`, `smtp://user:pass@host:587?tls=required`,
//! `smtps://…:465`), else as `.eml` files in `MAIL_OUTBOX` (development and tests). A
//! background task sends what is due every few seconds; requests only enqueue.

use crate::dkim::Dkim;
use content::mail_queue::{self, Mail};
use content::Db;
use futures_util::stream::{self, StreamExt};
use lettre::message::header::ContentType;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How often the queue is looked at (`MAIL_POLL_MS`, default 2 s; the browser tests
/// use less so that they wait less for mails).
fn poll_interval() -> Duration {
    let millis = std::env::var("MAIL_POLL_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    Duration::from_millis(millis)
}

/// Mails sent at the same time. One SMTP exchange is mostly waiting (a connection per
/// mail; lettre's writes meet the mail server's delayed acknowledgements, about 40 ms
/// a mail on loopback): one at a time, a worker sent 18 mails a second to a local
/// server (`bench/mailing`).
pub const SENDS_AT_ONCE: usize = 8;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

/// The sender with its transport.
#[derive(Clone)]
pub struct Mailer {
    pub from: Mailbox,
    pub transport: Transport,
    /// How often the worker looks at the queue (`MAIL_POLL_MS`).
    pub poll: Duration,
    /// Signs every mail when DKIM is configured ([`Mailer::signing`]).
    pub dkim: Option<Arc<Dkim>>,
}

impl Mailer {
    /// SMTP when `smtp_url` is given, else files in `outbox` (created if needed).
    pub fn new(from: &str, smtp_url: Option<&str>, outbox: PathBuf) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("MAIL_FROM {from:?}: {e}"))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| format!("SMTP_URL: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&outbox)
                    .map_err(|e| format!("MAIL_OUTBOX {}: {e}", outbox.display()))?;
                Transport::Outbox(AsyncFileTransport::new(outbox))
            }
        };
        Ok(Mailer {
            from,
            transport,
            poll: poll_interval(),
            dkim: None,
        })
    }

    /// Signs every mail with DKIM when `selector` and `key_file` are set
    /// (`DKIM_SELECTOR`, `DKIM_PRIVATE_KEY`), for `domain` or else the sender's.
    pub fn signing(
        mut self,
        selector: Option<&str>,
        key_file: Option<&Path>,
        domain: Option<&str>,
    ) -> Result<Mailer, String> {
        let domain = domain.unwrap_or(self.from.email.domain()).to_owned();
        self.dkim = Dkim::from_settings(selector, key_file, &domain)?.map(Arc::new);
        Ok(self)
    }

    /// Sends one mail now, with the file of a reader message when it has one, and for
    /// an issue of a list its `List-Id` (`newsletter-fr`, before the sender's domain).
    pub async fn send(
        &self,
        mail: &Mail,
        attachment: Option<FileAttachment>,
        list_id: Option<&str>,
    ) -> Result<(), NotSent> {
        let mut message =
            message(&self.from, mail, attachment, list_id).map_err(|error| NotSent {
                error,
                permanent: true,
            })?;
        if let Some(dkim) = &self.dkim {
            dkim.sign(&mut message, list_id.is_some());
        }
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| NotSent {
                permanent: e.is_permanent(),
                error: e.to_string(),
            }),
            Transport::Outbox(files) => {
                files.send(message).await.map(|_| ()).map_err(|e| NotSent {
                    error: e.to_string(),
                    permanent: false,
                })
            }
        }
    }

    /// Sends everything due, the site's own mails first; of the lists' mails at most
    /// `list_allowance` (the sending rate). [`SENDS_AT_ONCE`] go out together: each SMTP
    /// exchange mostly waits on the network. None starts once `stop` turns true, and
    /// those under way are recorded first, so a server asked to stop never quits halfway
    /// through recording a mail. Returns how many of each kind were sent: (site's, lists').
    pub async fn send_due(
        &self,
        pool: &Db,
        list_allowance: usize,
        stop: &watch::Receiver<bool>,
    ) -> Result<(usize, usize), content::DataError> {
        let mut lists_allowed = 0;
        let batch: Vec<_> = mail_queue::due(pool, 50)
            .await?
            .into_iter()
            .filter(|queued| {
                let is_list = queued.list_id.is_some();
                if is_list && lists_allowed >= list_allowance {
                    return false;
                }
                lists_allowed += usize::from(is_list);
                true
            })
            .collect();
        let outcomes: Vec<Result<Option<bool>, content::DataError>> = stream::iter(batch)
            .map(|queued| async move {
                if *stop.borrow() {
                    return Ok(None);
                }
                let attachment = match queued.mail.attachment_of {
                    Some(id) => content::reader_messages::attachment(pool, id).await?,
                    None => None,
                };
                match self.send(&queued.mail, attachment, queued.list_id.as_deref()).await {
                    Ok(()) => {
                        mail_queue::mark_sent(pool, queued.id).await?;
                        Ok(Some(queued.list_id.is_some()))
                    }
                    Err(NotSent { error, permanent }) => {
                        let error = mail_queue::without_addresses(&error);
                        tracing::warn!(id = queued.id, attempts = queued.attempts + 1, permanent, %error, "mail not sent");
                        mail_queue::mark_failed(pool, queued.id, &error, permanent).await?;
                        Ok(None)
                    }
                }
            })
            .buffer_unordered(SENDS_AT_ONCE)
            .collect()
            .await;
        let (mut own, mut lists) = (0, 0);
        for outcome in outcomes {
            match outcome? {
                Some(true) => lists += 1,
                Some(false) => own += 1,
                None => {}
            }
        }
        Ok((own, lists))
    }

    /// The background sender, for the life of the server: starts scheduled issues,
    /// hands issues to the queue and sends what is due at `rate_per_minute` list mails.
    /// Turning `stop` true ends it after the mail being sent is recorded (await the
    /// handle before the process exits).
    pub fn spawn_worker(
        self,
        pool: Db,
        issues: crate::mailings::IssueSender,
        stop: watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        let poll = self.poll;
        tokio::spawn(async move {
            let mut rate = issues.rate();
            let mut issue_failures = crate::jobs::FailureLog::default();
            let mut queue_failures = crate::jobs::FailureLog::default();
            loop {
                if *stop.borrow() {
                    break;
                }
                // One server at a time hands issues over and sends (jobs.rs).
                crate::jobs::in_turn(&pool, "mail", async {
                    issue_failures.outcome("newsletter issues", issues.prepare(&pool).await);
                    let sent = self.send_due(&pool, rate.allowance(), &stop).await;
                    if let Some((_, lists)) = queue_failures.outcome("mail queue", sent) {
                        rate.spent(lists);
                    }
                })
                .await;
                let mut stop = stop.clone();
                tokio::select! {
                    () = tokio::time::sleep(poll) => {}
                    _ = stop.changed() => {}
                }
            }
        })
    }
}

/// Why a mail was not sent: the mail server's answer, and whether it is final (an
/// SMTP 5xx, an address that cannot be written) or worth another try.
#[derive(Debug)]
pub struct NotSent {
    pub error: String,
    pub permanent: bool,
}

/// A file sent with a mail: name, content type, bytes.
pub type FileAttachment = (String, String, Vec<u8>);

/// A queued mail as a MIME message: plain text and HTML alternatives, for list mail
/// the one-click unsubscribe headers (RFC 8058), `Reply-To` and a file when given.
pub fn message(
    from: &Mailbox,
    mail: &Mail,
    attachment: Option<FileAttachment>,
    list_id: Option<&str>,
) -> Result<Message, String> {
    let to: Mailbox = mail
        .to_addr
        .parse()
        .map_err(|e| format!("address {:?}: {e}", mail.to_addr))?;
    // One Message-ID per mail, in the sender's domain: mail servers and filters expect
    // it, and a retried mail keeps none of the failed try's.
    let message_id = format!(
        "<{}@{}>",
        &content::subscriptions::new_token()[..32],
        from.email.domain()
    );
    let mut builder = Message::builder()
        .message_id(Some(message_id))
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone());
    if let Some(reply_to) = mail
        .reply_to
        .as_deref()
        .and_then(|r| r.parse::<Mailbox>().ok())
    {
        builder = builder.reply_to(reply_to);
    }
    if let Some(url) = &mail.unsubscribe_url {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    if let Some(list) = list_id {
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Id"),
            format!("<{list}.{}>", from.email.domain()),
        ));
    }
    let body = MultiPart::alternative_plain_html(mail.text_body.clone(), mail.html_body.clone());
    let body = match attachment {
        Some((name, content_type, bytes)) => {
            let content_type = ContentType::parse(&content_type).map_err(|e| e.to_string())?;
            MultiPart::mixed()
                .multipart(body)
                .singlepart(Attachment::new(name).body(bytes, content_type))
        }
        None => body,
    };
    builder.multipart(body).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn queued_mail_lands_in_the_outbox_with_unsubscribe_headers() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("site.db").display());
        let pool = content::connect(&url).await.unwrap();
        let outbox = dir.path().join("outbox");
        let mailer = Mailer::new("CCME <no-reply@ccme.example>", None, outbox.clone()).unwrap();
        let mail = Mail {
            to_addr: "lectrice@example.org".into(),
            subject: "تأكيد الاشتراك".into(),
            text_body: "Confirmez : https://ccme.example/fr/subscribe/confirm?t=abc".into(),
            html_body: "<p>Confirmez</p>".into(),
            unsubscribe_url: Some("https://ccme.example/fr/unsubscribe?t=xyz".into()),
            reply_to: None,
            attachment_of: None,
        };
        content::mail_queue::enqueue(&pool, &mail).await.unwrap();
        let (_stop, running) = watch::channel(false);
        assert_eq!(mailer.send_due(&pool, 0, &running).await.unwrap(), (1, 0));
        assert_eq!(
            mailer.send_due(&pool, 0, &running).await.unwrap(),
            (0, 0),
            "sent once"
        );
        let files: Vec<_> = std::fs::read_dir(&outbox).unwrap().flatten().collect();
        assert_eq!(files.len(), 1);
        let eml = std::fs::read_to_string(files[0].path()).unwrap();
        assert!(eml.contains("To: lectrice@example.org"), "{eml}");
        assert!(eml.contains("List-Unsubscribe: <https://ccme.example/fr/unsubscribe?t=xyz>"));
        assert!(eml.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(eml.contains("multipart/alternative"));
        // A mail server that refuses: the mail stays queued for a retry.
        let refused = Mailer::new(
            "CCME <no-reply@ccme.example>",
            Some("smtp://127.0.0.1:9"),
            outbox,
        )
        .unwrap();
        content::mail_queue::enqueue(&pool, &mail).await.unwrap();
        assert_eq!(refused.send_due(&pool, 0, &running).await.unwrap(), (0, 0));
        let (attempts, error): (i64, Option<String>) = content::sql::query_as(
            "SELECT attempts, last_error FROM mail_queue WHERE sent_at IS NULL",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        assert_eq!(attempts, 1);
        assert!(error.is_some());
    }

    /// The SMTP path against a real server: `scripts/test` starts an aiosmtpd sink that
    /// writes what it receives to a Maildir (SMTP_SINK, SMTP_SINK_MAILDIR).
    #[tokio::test]
    async fn smtp_path_delivers_to_a_real_mail_server() {
        let Some((sink, maildir)) = crate::sink::sink() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("site.db").display());
        let pool = content::connect(&url).await.unwrap();
        let mailer = Mailer::new(
            "CCME <no-reply@ccme.example>",
            Some(&format!("smtp://{sink}")),
            dir.path().join("outbox"),
        )
        .unwrap();
        // Short enough not to be folded over two header lines.
        let subject = format!(
            "Confirmation {}",
            &content::subscriptions::new_token()[..12]
        );
        let mail = Mail {
            to_addr: "reader@example.org".into(),
            subject: subject.clone(),
            text_body: "Bonjour — مرحبا".into(),
            html_body: "<p>Bonjour — مرحبا</p>".into(),
            unsubscribe_url: Some("https://ccme.example/fr/unsubscribe?t=1".into()),
            reply_to: None,
            attachment_of: None,
        };
        content::mail_queue::enqueue(&pool, &mail).await.unwrap();
        let (_stop, running) = watch::channel(false);
        assert_eq!(
            mailer.send_due(&pool, 0, &running).await.unwrap(),
            (1, 0),
            "delivered over SMTP"
        );
        // The sink has written the mail by the time it accepted it.
        let received = crate::sink::mails(&maildir, &subject).pop();
        let received = received.expect("the sink received the mail");
        assert!(received.contains("To: reader@example.org"));
        assert!(received.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }

    /// With DKIM set, a list's mail reaches the mail server signed: dkimpy (another
    /// implementation) verifies it as received against the published key, and finds it
    /// broken once the subject or the unsubscribe address is changed.
    #[tokio::test]
    async fn signed_list_mail_verifies_and_a_changed_header_does_not() {
        let Some((sink, maildir)) = crate::sink::sink() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let (key, public) = (dir.path().join("dkim.pem"), dir.path().join("dkim.pub"));
        let openssl = |args: &[&str]| {
            let status = std::process::Command::new("openssl").args(args).status();
            assert!(status.expect("openssl runs").success(), "openssl {args:?}");
        };
        let (key_file, public_file) = (key.to_str().unwrap(), public.to_str().unwrap());
        openssl(&["genrsa", "-traditional", "-out", key_file, "2048"]);
        openssl(&["rsa", "-in", key_file, "-pubout", "-out", public_file]);
        let mailer = Mailer::new(
            "CCME <no-reply@ccme.example>",
            Some(&format!("smtp://{sink}")),
            dir.path().join("outbox"),
        )
        .unwrap()
        .signing(Some("s2026"), Some(&key), None)
        .unwrap();
        let subject = format!("Revue {}", &content::subscriptions::new_token()[..12]);
        let mail = Mail {
            to_addr: "lectrice@example.org".into(),
            subject: subject.clone(),
            text_body: "La revue — المراجعة".into(),
            html_body: "<p>La revue — المراجعة</p>".into(),
            unsubscribe_url: Some("https://ccme.example/fr/newsletter/unsubscribe?t=1".into()),
            reply_to: None,
            attachment_of: None,
        };
        mailer
            .send(&mail, None, Some("press-review-fr"))
            .await
            .unwrap();
        let received = crate::sink::mails(&maildir, &subject).pop();
        let received = received.expect("the sink received the mail");
        assert!(received.contains("d=ccme.example") && received.contains("s=s2026"));
        let verifies = |text: &str| {
            let file = dir.path().join("received.eml");
            std::fs::write(&file, text).unwrap();
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sink/dkim_verify.py");
            std::process::Command::new("python3")
                .arg(script)
                .args([file.as_os_str(), public.as_os_str()])
                .args(["s2026", "ccme.example"])
                .status()
                .expect("python3 runs")
                .success()
        };
        assert!(verifies(&received), "the mail as received verifies");
        assert!(!verifies(&received.replace(&subject, "Revue falsifiée")));
        assert!(!verifies(
            &received.replace("unsubscribe?t=1", "unsubscribe?t=2")
        ));
    }
}
