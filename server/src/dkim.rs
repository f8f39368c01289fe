//! DKIM signing of the site's mails (RFC 6376), by lettre (its `dkim` feature). With
//! `DKIM_SELECTOR` and `DKIM_PRIVATE_KEY` set, every mail leaves signed for the sender's
//! domain (or `DKIM_DOMAIN`): receiving servers can tell it comes from the site, and
//! DMARC passes even through a relay that does not sign. The public key is published in
//! DNS at `<selector>._domainkey.<domain>` (README, "Sending the lists").

use lettre::message::dkim::{
    DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
    DkimSigningKey,
};
use lettre::message::header::HeaderName;
use lettre::Message;
use std::path::Path;

/// Headers signed on every mail: who, to whom, what, when, and the mail's id.
const SIGNED: [&str; 5] = ["From", "To", "Subject", "Date", "Message-ID"];

/// Headers also signed on list mail: mailbox providers honour one-click unsubscribing
/// only when the signature covers its headers (RFC 8058, section 4).
const SIGNED_LIST: [&str; 3] = ["List-Id", "List-Unsubscribe", "List-Unsubscribe-Post"];

/// The site's signing settings: one for its own mails, one for list mail (their signed
/// headers differ: lettre signs the headers it is told to, present or not).
pub struct Dkim {
    own: DkimConfig,
    lists: DkimConfig,
}

impl Dkim {
    /// The signer the settings ask for: `None` when neither `selector` nor `key_file` is
    /// set; an error naming the setting when only one is, or when the key does not read
    /// (the server then refuses to start rather than send unsigned mail).
    pub fn from_settings(
        selector: Option<&str>,
        key_file: Option<&Path>,
        domain: &str,
    ) -> Result<Option<Dkim>, String> {
        let (selector, key_file) = match (selector, key_file) {
            (None, None) => return Ok(None),
            (Some(selector), Some(key_file)) => (selector, key_file),
            _ => return Err("DKIM_SELECTOR and DKIM_PRIVATE_KEY go together".into()),
        };
        let text = std::fs::read_to_string(key_file)
            .map_err(|e| format!("DKIM_PRIVATE_KEY {}: {e}", key_file.display()))?;
        let config = |headers: &[&'static str]| -> Result<DkimConfig, String> {
            Ok(DkimConfig::new(
                selector.to_owned(),
                domain.to_owned(),
                signing_key(&text)?,
                headers
                    .iter()
                    .map(|name| HeaderName::new_from_ascii_str(name))
                    .collect(),
                // Relaxed: relays that re-fold a header or re-wrap the body's
                // whitespace do not break the signature.
                DkimCanonicalization {
                    header: DkimCanonicalizationType::Relaxed,
                    body: DkimCanonicalizationType::Relaxed,
                },
            ))
        };
        Ok(Some(Dkim {
            own: config(&SIGNED)?,
            lists: config(&[SIGNED.as_slice(), SIGNED_LIST.as_slice()].concat())?,
        }))
    }

    /// Adds the `DKIM-Signature` header to `message`, a list's mail when `list`.
    pub fn sign(&self, message: &mut Message, list: bool) {
        message.sign(if list { &self.lists } else { &self.own });
    }
}

/// An RSA key in PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), or an Ed25519 key as the base64
/// of its 32 bytes: the two forms lettre reads.
fn signing_key(text: &str) -> Result<DkimSigningKey, String> {
    let (key, algorithm) = if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
        (text, DkimSigningAlgorithm::Rsa)
    } else if text.contains("-----BEGIN") {
        return Err("DKIM_PRIVATE_KEY: an RSA key must be in PKCS#1 form \
             (BEGIN RSA PRIVATE KEY): convert it with `openssl rsa -traditional`"
            .into());
    } else {
        (text.trim(), DkimSigningAlgorithm::Ed25519)
    };
    DkimSigningKey::new(key, algorithm).map_err(|e| format!("DKIM_PRIVATE_KEY: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_set_or_unreadable_settings_are_refused_with_the_setting_named() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Dkim::from_settings(None, None, "ccme.example")
            .unwrap()
            .is_none());
        let half = Dkim::from_settings(Some("s1"), None, "ccme.example").err();
        assert!(half.unwrap().contains("DKIM_PRIVATE_KEY"));
        let pkcs8 = dir.path().join("pkcs8.pem");
        std::fs::write(&pkcs8, "-----BEGIN PRIVATE KEY-----\nMII=\n").unwrap();
        let refused = Dkim::from_settings(Some("s1"), Some(&pkcs8), "ccme.example").err();
        assert!(refused.unwrap().contains("openssl rsa -traditional"));
        let missing = dir.path().join("none.pem");
        let refused = Dkim::from_settings(Some("s1"), Some(&missing), "ccme.example").err();
        assert!(refused.unwrap().contains("none.pem"));
        let short = dir.path().join("short.key");
        std::fs::write(&short, "c2hvcnQ=").unwrap();
        assert!(Dkim::from_settings(Some("s1"), Some(&short), "ccme.example").is_err());
    }
}
