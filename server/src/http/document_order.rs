//! Keeps every page a well-formed HTML document, and gives it its script policy
//! (`script_policy`: the hashes of the inline scripts it ends up with). Leptos's server
//! rendering of a whole
//! page (`SsrMode::Async`) sends the document and *then* the `<script>`s that hand the
//! page's loaded data to the browser app, after `</html>`: browsers cope, but the HTML
//! checker (rightly) reports a stray element after the document, and the issue asks for
//! none of the project's own. The whole page is already rendered before its first byte
//! leaves (that is what the async mode means), so moving those scripts to the end of
//! `<body>` costs no streaming; hydration, which starts after the document is parsed,
//! finds the same data.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The largest page this layer holds in memory to reorder (none of the site's pages comes
/// near it); a larger or broken-off body is answered with a 500, since reading it has
/// already consumed it.
const LARGEST_PAGE: usize = 8 * 1024 * 1024;

/// Middleware: moves whatever follows `</html>` in an HTML response to just before
/// `</body>`. Other responses pass untouched.
pub async fn scripts_inside_body(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if !is_html || response.headers().contains_key(header::CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, LARGEST_PAGE).await {
        Ok(bytes) => bytes,
        // Too large or broken off: what was read cannot be sent back as a whole page;
        // say so rather than send half of one.
        Err(_) => {
            parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            parts.headers.remove(header::CONTENT_LENGTH);
            return Response::from_parts(parts, Body::empty());
        }
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let Ok(page) = std::str::from_utf8(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let reordered = reorder(page);
    let sent = reordered.as_deref().unwrap_or(page);
    if let Ok(policy) = HeaderValue::from_str(&super::script_policy::for_page(sent)) {
        parts
            .headers
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    match reordered {
        Some(page) => Response::from_parts(parts, Body::from(page)),
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The page with what trails its `</html>` moved before its last `</body>`, or `None`
/// when nothing trails it (or it has no such tags).
fn reorder(page: &str) -> Option<String> {
    let html_end = page.rfind("</html>")?;
    let trailing = &page[html_end + "</html>".len()..];
    if trailing.trim().is_empty() {
        return None;
    }
    let body_end = page[..html_end].rfind("</body>")?;
    let mut out = String::with_capacity(page.len());
    out.push_str(&page[..body_end]);
    out.push_str(trailing);
    out.push_str(&page[body_end..html_end + "</html>".len()]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::reorder;

    #[test]
    fn data_scripts_after_the_document_move_to_the_end_of_the_body() {
        let page = "<!DOCTYPE html><html><head></head><body><main>x</main></body></html>\
                    <script>a()</script><script>b()</script>";
        assert_eq!(
            reorder(page).as_deref(),
            Some(
                "<!DOCTYPE html><html><head></head><body><main>x</main>\
                 <script>a()</script><script>b()</script></body></html>"
            )
        );
    }

    #[test]
    fn a_page_that_ends_with_its_document_is_left_alone() {
        assert_eq!(reorder("<html><body>x</body></html>\n"), None);
        assert_eq!(reorder("<p>a fragment</p>"), None);
    }
}
