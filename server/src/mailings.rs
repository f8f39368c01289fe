//! The server's part in sending issues of the lists (issue 20): at each turn of the mail
//! worker, scheduled issues whose time has come start (rendered in their edition's
//! words), issues being sent hand their next recipients to the mail queue, and finished
//! ones are closed. The pace is `MAIL_RATE_PER_MINUTE` list mails.

use content::mailings;
use content::Db;
use std::time::Instant;

/// What the worker needs to send issues.
#[derive(Clone)]
pub struct IssueSender {
    /// Public base URL: links in the mails.
    pub site_url: String,
    /// The site's key for the subscribers' unsubscribe links in list mail.
    pub token_key: [u8; 32],
    /// List mails a minute at most.
    pub rate_per_minute: u32,
}

impl IssueSender {
    /// Mails of one issue waiting in the queue at most: about ten seconds of sending,
    /// what a pause or an unsubscription may still let through.
    fn window(&self) -> i64 {
        (i64::from(self.rate_per_minute) / 6).max(10)
    }

    /// A fresh budget at this sender's rate.
    pub fn rate(&self) -> Rate {
        Rate {
            per_second: f64::from(self.rate_per_minute) / 60.0,
            burst: f64::from(self.rate_per_minute.max(1)) / 6.0,
            credit: 0.0,
            at: Instant::now(),
        }
    }

    /// Starts the scheduled issues that are due, hands the next recipients of every
    /// issue being sent to the queue, and closes the issues everyone got.
    pub async fn prepare(&self, pool: &Db) -> Result<(), content::DataError> {
        for id in mailings::due_to_start(pool).await? {
            self.start(pool, id).await?;
        }
        let site_url = self.site_url.clone();
        let unsubscribe = move |lang, token: &str| {
            app::forms::letters::subscription_url(&site_url, lang, "unsubscribe", token)
        };
        mailings::hand_off(pool, self.window(), unsubscribe, &self.token_key).await?;
        for id in mailings::finish_done(pool).await? {
            tracing::info!(id, "newsletter issue sent");
        }
        Ok(())
    }

    /// Starts sending issue `id` as it is now (`issue_letter::start`); returns to how
    /// many, `None` if it had already started.
    pub async fn start(&self, pool: &Db, id: i64) -> Result<Option<i64>, content::DataError> {
        let recipients = app::forms::issue_letter::start(pool, &self.site_url, id).await?;
        if let Some(count) = recipients {
            tracing::info!(id, recipients = count, "newsletter issue started");
        }
        Ok(recipients)
    }
}

/// The list mails the worker may send now: credit grows with time at the rate, up to
/// ten seconds' worth, and each mail sent spends one.
pub struct Rate {
    per_second: f64,
    burst: f64,
    credit: f64,
    at: Instant,
}

impl Rate {
    /// Whole mails allowed now.
    pub fn allowance(&mut self) -> usize {
        let now = Instant::now();
        self.credit = (self.credit + now.duration_since(self.at).as_secs_f64() * self.per_second)
            .min(self.burst);
        self.at = now;
        self.credit.max(0.0) as usize
    }

    /// Takes `sent` mails off the credit.
    pub fn spent(&mut self, sent: usize) {
        self.credit -= sent as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::Mailer;
    use content::lang::Lang;
    use content::subscriptions::List;
    use std::time::Duration;
    use tokio::sync::watch;

    #[tokio::test]
    async fn a_send_stopped_halfway_resumes_after_a_restart_and_mails_everyone_once() {
        let Some((sink, maildir)) = crate::sink::sink() else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("site.db").display());
        let pool = content::connect(&url).await.unwrap();
        let marker = format!("issue-{}", &content::subscriptions::new_token()[..12]);
        let mut expected = Vec::new();
        for n in 0..40 {
            let email = format!("{marker}-{n:02}@example.org");
            content::sql::query("INSERT INTO subscribers (email, list, lang, status) VALUES (?, 'press_review', 'fr', 'confirmed')")
                .bind(&email)
                .execute(&pool)
                .await
                .unwrap();
            expected.push(email);
        }
        // Also subscribed, but not confirmed: gets nothing.
        content::sql::query(
            "INSERT INTO subscribers (email, list, lang) VALUES (?, 'press_review', 'fr')",
        )
        .bind(format!("{marker}-pending@example.org"))
        .execute(&pool)
        .await
        .unwrap();
        let id = content::mailings::create(&pool, List::PressReview, Lang::Fr, &marker, None)
            .await
            .unwrap();
        let sender = IssueSender {
            site_url: "https://ccme.example".into(),
            token_key: [7; 32],
            rate_per_minute: 1200,
        };
        assert_eq!(sender.start(&pool, id).await.unwrap(), Some(40));
        let worker = || {
            let mut mailer = Mailer::new(
                "CCME <no-reply@ccme.example>",
                Some(&format!("smtp://{sink}")),
                dir.path().join("outbox"),
            )
            .unwrap();
            mailer.poll = Duration::from_millis(50);
            let (stop, stopped) = watch::channel(false);
            (
                stop,
                mailer.spawn_worker(pool.clone(), sender.clone(), stopped),
            )
        };
        // The server is asked to stop while the issue is going out…
        let (stop, running) = worker();
        for _ in 0..200 {
            if crate::sink::received(&maildir, &marker).len() >= 10 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        stop.send(true).unwrap();
        running.await.unwrap();
        let before = content::mailings::progress(&pool, id).await.unwrap();
        assert!(
            before.sent >= 10 && before.sent < 40,
            "stopped halfway: {before:?}"
        );
        // …and started again: it goes on where it stopped.
        let (stop, running) = worker();
        for _ in 0..300 {
            if content::mailings::get(&pool, id)
                .await
                .unwrap()
                .unwrap()
                .status
                == content::mailings::Status::Sent
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        stop.send(true).unwrap();
        running.await.unwrap();
        let after = content::mailings::progress(&pool, id).await.unwrap();
        assert_eq!((after.sent, after.waiting, after.queued), (40, 0, 0));
        // The sink has written every mail it accepted by the time it answered.
        assert_eq!(
            crate::sink::received(&maildir, &marker),
            expected,
            "each confirmed subscriber once"
        );
        let one = crate::sink::mails(&maildir, &marker).pop().unwrap();
        assert!(
            one.contains("List-Id: <press-review-fr.ccme.example>"),
            "{one}"
        );
        assert!(one.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(one.contains("Message-ID: "));
        assert!(one.contains("Date: "));
        assert!(one.contains("https://ccme.example/fr/newsletter/unsubscribe?t="));
    }
}
