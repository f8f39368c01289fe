//! How server functions send their replies: JSON, read back from text.
//!
//! Leptos hands a page's loaded data to the browser as text and reads it with
//! `serde_json::from_str`; its own JSON codec for server functions reads replies from
//! bytes (`from_slice`). Each model type's JSON reader was therefore compiled twice into
//! the reader's WASM, once per source: about a tenth of its code (issue 15's profile).
//! Replies read from text share the readers of the page data.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::{de::DeserializeOwned, Serialize};

/// JSON in, read as UTF-8 text; the wire format is the same as Leptos's `Json`.
pub struct JsonText;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(value: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(value).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes)
            .map_err(|_| <serde_json::Error as serde::de::Error>::custom("reply is not UTF-8"))?;
        serde_json::from_str(text)
    }
}

/// The input codec of the server functions that give readers what every reader gets (a
/// page's data): a GET with the arguments in the address, which the caches in front may
/// share like the page itself (issue 17): `#[server(input = GetUrl, output = JsonReply)]`.
/// Anything personal or changing (a form's ticket, a link's token, the back office)
/// stays a POST, the default, which no cache keeps.
pub use leptos::server_fn::codec::GetUrl;

/// The output codec of every server function: `#[server(output = JsonReply)]`.
pub type JsonReply = Post<JsonText>;

#[cfg(test)]
mod tests {
    use super::JsonText;
    use leptos::server_fn::{Bytes, Decodes, Encodes};

    #[test]
    fn a_reply_reads_back_what_was_sent() {
        let sent = vec![(String::from("Maroc — المغرب"), 3_u32)];
        let bytes = <JsonText as Encodes<_>>::encode(&sent).unwrap();
        let read: Vec<(String, u32)> = JsonText::decode(bytes).unwrap();
        assert_eq!(read, sent);
    }

    #[test]
    fn a_reply_that_is_not_text_is_an_error_not_a_panic() {
        let read: Result<String, _> = JsonText::decode(Bytes::from_static(b"\"\xff\""));
        assert!(read.is_err());
    }
}
