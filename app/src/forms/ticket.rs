//! Form tickets: every form carries the time it was shown, signed with the site's key
//! (HMAC-SHA-256). A form sent sooner than a person could fill it, or with a forged or
//! very old ticket, is refused with a neutral "send again" (and a fresh ticket), so a
//! person loses nothing and a bot learns nothing.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::{SystemTime, UNIX_EPOCH};

/// A person needs at least this long to fill in even the one-field subscription form.
pub const DEFAULT_MIN_SECONDS: u64 = 2;
/// A page left open this long (or kept offline) gets a fresh ticket on the first try.
pub const MAX_AGE_SECONDS: u64 = 24 * 3600;

/// A ticket is `<seconds since 1970>.<HMAC-SHA-256 in hex>` ([`TicketKey::issue_at`]):
/// ten digits of seconds (until the year 2286), 64 hex digits of signature.
const SECONDS_DIGITS: usize = 10;
const SIGNATURE_DIGITS: usize = 64;

/// The parts of a rendered page between its tickets, in order: what stays the same when
/// the same page is shown a second later (the server's `ETag` hashes them).
pub fn parts_between_tickets(page: &[u8]) -> Vec<&[u8]> {
    let is_ticket = |dot: usize| {
        page[dot - SECONDS_DIGITS..dot]
            .iter()
            .all(u8::is_ascii_digit)
            && page[dot + 1..dot + 1 + SIGNATURE_DIGITS]
                .iter()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    };
    let mut parts = Vec::new();
    let mut kept_from = 0;
    let mut at = SECONDS_DIGITS;
    while at + 1 + SIGNATURE_DIGITS <= page.len() {
        if page[at] == b'.' && at - SECONDS_DIGITS >= kept_from && is_ticket(at) {
            parts.push(&page[kept_from..at - SECONDS_DIGITS]);
            kept_from = at + 1 + SIGNATURE_DIGITS;
            at = kept_from + SECONDS_DIGITS;
        } else {
            at += 1;
        }
    }
    parts.push(&page[kept_from.min(page.len())..]);
    parts
}

/// Signs and checks tickets; provided as context on the server.
#[derive(Clone)]
pub struct TicketKey {
    key: [u8; 32],
    /// Minimum seconds between showing a form and receiving it.
    pub min_seconds: u64,
}

/// What a posted ticket says.
#[derive(Debug, PartialEq, Eq)]
pub enum TicketCheck {
    Valid,
    /// Sent sooner than a person could.
    TooFast,
    /// Missing, forged, from the future or too old.
    Invalid,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

impl TicketKey {
    /// A key from 32 secret bytes (kept in `site_secrets`).
    pub fn new(key: [u8; 32], min_seconds: u64) -> TicketKey {
        TicketKey { key, min_seconds }
    }

    fn sign(&self, issued: u64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(issued.to_string().as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// A ticket issued now.
    pub fn issue(&self) -> String {
        self.issue_at(now())
    }

    /// A ticket issued at `issued` (seconds since 1970).
    pub fn issue_at(&self, issued: u64) -> String {
        format!("{issued}.{}", self.sign(issued))
    }

    /// Checks a posted ticket against the clock.
    pub fn check(&self, ticket: &str) -> TicketCheck {
        self.check_at(ticket, now())
    }

    /// Checks a posted ticket as if the time were `now`.
    pub fn check_at(&self, ticket: &str, now: u64) -> TicketCheck {
        let Some((issued, signature)) = ticket.split_once('.') else {
            return TicketCheck::Invalid;
        };
        let Ok(issued) = issued.parse::<u64>() else {
            return TicketCheck::Invalid;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(issued.to_string().as_bytes());
        let Some(bytes) = decode_hex(signature) else {
            return TicketCheck::Invalid;
        };
        if mac.verify_slice(&bytes).is_err() || issued > now + 5 || now - issued > MAX_AGE_SECONDS {
            return TicketCheck::Invalid;
        }
        if now.saturating_sub(issued) < self.min_seconds {
            return TicketCheck::TooFast;
        }
        TicketCheck::Valid
    }
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_need_time_and_the_key() {
        let key = TicketKey::new([7; 32], 2);
        let ticket = key.issue_at(1_000);
        assert_eq!(key.check_at(&ticket, 1_000), TicketCheck::TooFast);
        assert_eq!(key.check_at(&ticket, 1_001), TicketCheck::TooFast);
        assert_eq!(key.check_at(&ticket, 1_002), TicketCheck::Valid);
        assert_eq!(
            key.check_at(&ticket, 1_000 + MAX_AGE_SECONDS + 1),
            TicketCheck::Invalid
        );
        let other = TicketKey::new([8; 32], 2);
        assert_eq!(other.check_at(&ticket, 1_010), TicketCheck::Invalid);
        let forged = format!("900.{}", ticket.split_once('.').unwrap().1);
        assert_eq!(key.check_at(&forged, 1_010), TicketCheck::Invalid);
        for junk in [
            "",
            ".",
            "abc",
            "1000.",
            "1000.zz",
            "99999999999999999999.00",
        ] {
            assert_eq!(key.check_at(junk, 1_010), TicketCheck::Invalid, "{junk}");
        }
        assert_eq!(
            key.check_at(&key.issue_at(2_000), 1_010),
            TicketCheck::Invalid,
            "from the future"
        );
    }

    #[test]
    fn a_page_shown_a_second_later_has_the_same_parts_between_its_tickets() {
        let key = TicketKey::new([7; 32], 2);
        let page = |issued: u64| {
            let ticket = key.issue_at(issued);
            format!(
                "<input name=\"ticket\" value=\"{ticket}\">3.14 <p>x</p>{{\"ticket\":\"{ticket}\"}}"
            )
        };
        let (first, second) = (page(1_796_345_134), page(1_796_345_135));
        assert_ne!(first, second);
        let parts = parts_between_tickets(first.as_bytes());
        assert_eq!(parts, parts_between_tickets(second.as_bytes()));
        assert_eq!(parts.len(), 3, "two tickets left out, the rest kept");
        assert_eq!(
            parts.concat(),
            br#"<input name="ticket" value="">3.14 <p>x</p>{"ticket":""}"#
        );
    }
}
