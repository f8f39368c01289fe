//! Post content as WordPress stores it, turned into plain HTML before sanitising:
//! shortcodes expanded (`[caption]`, `[gallery]`, `[audio]`, `[video]`, `[embed]`) or
//! dropped when unknown (never shown raw), classic-editor text given its paragraphs
//! (what WordPress's `wpautop` does on display), block-editor comments left to the
//! sanitiser (which removes comments), and links to the old uploads folder pointed at
//! `/media/wp/`.

use crate::lang::Lang;
use std::collections::{BTreeMap, HashMap};

/// An attachment as content refers to it.
#[derive(Debug, Clone)]
pub struct MediaRef {
    pub url: String,
    pub alt: String,
    pub mime: String,
}

/// What converting one post's content needs to know of the rest of the export.
pub struct ContentContext<'a> {
    pub post_id: i64,
    pub attachments: &'a HashMap<i64, MediaRef>,
    /// Image attachments by parent post, for `[gallery]` without `ids`.
    pub children: &'a HashMap<i64, Vec<i64>>,
    /// Old uploads folders (`https://site/wp-content/uploads/`), longest first.
    pub upload_bases: &'a [String],
    pub lang: Lang,
}

/// The HTML of a post, ready for the sanitiser; unknown shortcodes are counted in `dropped`.
pub fn to_html(raw: &str, ctx: &ContentContext, dropped: &mut BTreeMap<String, u32>) -> String {
    let expanded = shortcodes(raw, ctx, dropped, 0);
    let paragraphs = if raw.contains("<!-- wp:") {
        expanded
    } else {
        autop(&expanded)
    };
    local_uploads(&paragraphs, ctx.upload_bases)
}

/// Where an attachment URL lives under the media folder (`wp/2011/07/x.jpg`), if it is
/// in one of the old uploads folders.
pub fn media_path(url: &str, upload_bases: &[String]) -> Option<String> {
    let url = url.split(['?', '#']).next()?;
    upload_bases
        .iter()
        .find_map(|base| url.strip_prefix(base.as_str()))
        .filter(|rest| !rest.is_empty() && !rest.contains(".."))
        .map(|rest| format!("wp/{rest}"))
}

/// The uploads folder of an attachment URL: everything before its `/YYYY/MM/` part
/// (WordPress's layout), else before the file name.
pub fn upload_base(url: &str) -> Option<String> {
    let bytes = url.as_bytes();
    for (i, _) in url.match_indices('/') {
        let rest = &bytes[i + 1..];
        let is_year_month = rest.len() > 8
            && rest[..4].iter().all(u8::is_ascii_digit)
            && rest[4] == b'/'
            && rest[5..7].iter().all(u8::is_ascii_digit)
            && rest[7] == b'/';
        if is_year_month && i > url.find("://").map_or(0, |p| p + 3) {
            return Some(url[..=i].to_owned());
        }
    }
    url.rfind('/').map(|i| url[..=i].to_owned())
}

fn local_uploads(html: &str, bases: &[String]) -> String {
    let mut out = html.to_owned();
    for base in bases {
        if out.contains(base.as_str()) {
            out = out.replace(base.as_str(), "/media/wp/");
        }
    }
    out
}

/// A parsed `[name attr="v" …]`.
struct Shortcode<'s> {
    name: &'s str,
    attrs: Vec<(String, String)>,
    /// Positional values (`[audio https://…]`).
    bare: Vec<String>,
    /// Length of the opening tag.
    len: usize,
    self_closing: bool,
}

impl Shortcode<'_> {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses a shortcode opening at the start of `s` (which begins with `[`).
fn open_tag(s: &str) -> Option<Shortcode<'_>> {
    let body = &s[1..];
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(body.len());
    let name = &body[..name_len];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut rest = &body[name_len..];
    if !(rest.starts_with(']') || rest.starts_with(' ') || rest.starts_with('/')) {
        return None;
    }
    let mut attrs = Vec::new();
    let mut bare = Vec::new();
    let mut consumed = 1 + name_len;
    loop {
        let trimmed = rest.trim_start();
        consumed += rest.len() - trimmed.len();
        rest = trimmed;
        if let Some(after) = rest.strip_prefix("/]") {
            let _ = after;
            return Some(Shortcode {
                name,
                attrs,
                bare,
                len: consumed + 2,
                self_closing: true,
            });
        }
        if rest.starts_with(']') {
            return Some(Shortcode {
                name,
                attrs,
                bare,
                len: consumed + 1,
                self_closing: false,
            });
        }
        if rest.is_empty() || rest.starts_with('[') || rest.starts_with('\n') && rest.len() > 2000 {
            return None;
        }
        // key="value" | key='value' | key=value | "value" | value
        let key_len = rest.find(['=', ' ', ']', '"', '\'']).unwrap_or(rest.len());
        let (key, after_key) = rest.split_at(key_len);
        let (value, used) = if let Some(after_eq) = after_key.strip_prefix('=') {
            let (v, n) = value_at(after_eq)?;
            (Some(v), key_len + 1 + n)
        } else if key.is_empty() {
            let (v, n) = value_at(rest)?;
            bare.push(v);
            (None, n)
        } else {
            bare.push(key.to_owned());
            (None, key_len)
        };
        if let Some(v) = value {
            attrs.push((key.to_owned(), v));
        }
        if used == 0 {
            return None;
        }
        consumed += used;
        rest = &rest[used..];
    }
}

/// A quoted or bare attribute value at the start of `s`, and the bytes it used.
fn value_at(s: &str) -> Option<(String, usize)> {
    let quote = s.chars().next()?;
    if quote == '"' || quote == '\'' || quote == '\u{201D}' || quote == '\u{2033}' {
        let inner = &s[quote.len_utf8()..];
        let end = inner.find(quote)?;
        Some((inner[..end].to_owned(), quote.len_utf8() * 2 + end))
    } else {
        let end = s.find([' ', ']']).unwrap_or(s.len());
        let end = if s[..end].ends_with('/') && s[end..].starts_with(']') {
            end - 1
        } else {
            end
        };
        Some((s[..end].to_owned(), end))
    }
}

const HANDLED: [&str; 6] = [
    "caption",
    "wp_caption",
    "gallery",
    "audio",
    "video",
    "embed",
];

/// Expands every shortcode of `s`.
fn shortcodes(
    s: &str,
    ctx: &ContentContext,
    dropped: &mut BTreeMap<String, u32>,
    depth: u8,
) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('[') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // [[name]] is WordPress's way to print a shortcode literally.
        if rest.starts_with("[[") {
            if let Some(end) = rest.find("]]") {
                out.push_str(&rest[1..end + 1]);
                rest = &rest[end + 2..];
                continue;
            }
        }
        let Some(tag) = open_tag(rest).filter(|_| depth < 8) else {
            out.push('[');
            rest = &rest[1..];
            continue;
        };
        let after = &rest[tag.len..];
        let closing = format!("[/{}]", tag.name);
        let (inner, remaining) = match (tag.self_closing, after.find(&closing)) {
            (false, Some(end)) => (Some(&after[..end]), &after[end + closing.len()..]),
            _ => (None, after),
        };
        let name = tag.name.to_ascii_lowercase();
        if HANDLED.contains(&name.as_str()) {
            let inner = inner.map(|i| shortcodes(i, ctx, dropped, depth + 1));
            out.push_str(&render(&name, &tag, inner.as_deref(), ctx));
        } else {
            *dropped.entry(name).or_default() += 1;
            // An unknown enclosing shortcode keeps the author's text inside it.
            if let Some(inner) = inner {
                out.push_str(&shortcodes(inner, ctx, dropped, depth + 1));
            }
        }
        rest = remaining;
    }
    out.push_str(rest);
    out
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The HTML of one known shortcode.
fn render(name: &str, tag: &Shortcode, inner: Option<&str>, ctx: &ContentContext) -> String {
    match name {
        "caption" | "wp_caption" => {
            let inner = inner.unwrap_or("").trim();
            // The picture (an <img>, maybe inside a link) comes first, then the caption text.
            let split = if inner.starts_with("<a") {
                inner.find("</a>").map(|i| i + 4)
            } else {
                inner.find('>').map(|i| i + 1)
            }
            .unwrap_or(0);
            let (picture, text) = inner.split_at(split);
            let text = tag
                .attr("caption")
                .map(str::to_owned)
                .unwrap_or_else(|| text.trim().to_owned());
            format!("<figure>{picture}<figcaption>{text}</figcaption></figure>")
        }
        "gallery" => {
            let ids: Vec<i64> = match tag.attr("ids").or(tag.attr("include")) {
                Some(ids) => ids
                    .split(',')
                    .filter_map(|id| id.trim().parse().ok())
                    .collect(),
                None => ctx.children.get(&ctx.post_id).cloned().unwrap_or_default(),
            };
            let images: String = ids
                .iter()
                .filter_map(|id| ctx.attachments.get(id))
                .filter(|m| m.mime.starts_with("image/"))
                .map(|m| {
                    format!(
                        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                        escape_attr(&m.url),
                        escape_attr(&m.alt)
                    )
                })
                .collect();
            if images.is_empty() {
                String::new()
            } else {
                format!("<figure class=\"gallery\">{images}</figure>")
            }
        }
        "audio" | "video" => {
            let keys: &[&str] = if name == "audio" {
                &["src", "mp3", "m4a", "ogg", "wav", "wma"]
            } else {
                &["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv"]
            };
            let src = keys
                .iter()
                .find_map(|k| tag.attr(k))
                .map(str::to_owned)
                .or_else(|| tag.bare.iter().find(|b| b.starts_with("http")).cloned());
            match src {
                Some(src) => {
                    let src = escape_attr(&src);
                    let label = download_label(ctx.lang);
                    format!("<{name} controls preload=\"none\" src=\"{src}\"></{name}><p><a href=\"{src}\">{label}</a></p>")
                }
                None => String::new(),
            }
        }
        "embed" => {
            let url = inner.unwrap_or("").trim();
            if url.starts_with("http") {
                let url = escape_attr(url);
                format!("<p><a href=\"{url}\">{url}</a></p>")
            } else {
                String::new()
            }
        }
        _ => String::new(),
    }
}

const BLOCK_TAGS: [&str; 20] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "blockquote",
    "figure",
    "pre",
    "hr",
    "dl",
    "section",
    "audio",
    "video",
];

fn starts_with_block(chunk: &str) -> bool {
    let Some(rest) = chunk.strip_prefix('<') else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    BLOCK_TAGS.contains(&rest[..name_len].to_ascii_lowercase().as_str())
}

/// Classic-editor text: blank lines separate paragraphs, single line breaks are `<br>`,
/// block elements stay as they are, `<pre>` keeps its lines. A URL alone on its line
/// (an embed in WordPress) becomes a link.
pub fn autop(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 64);
    let mut in_pre = false;
    for chunk in text.split("\n\n") {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            if in_pre {
                out.push_str("\n\n");
            }
            continue;
        }
        if in_pre || trimmed.starts_with("<pre") {
            out.push_str(chunk);
            in_pre = !chunk.contains("</pre>");
            out.push_str(if in_pre { "\n\n" } else { "\n" });
            continue;
        }
        if starts_with_block(trimmed) {
            out.push_str(trimmed);
        } else if trimmed.starts_with("http") && !trimmed.contains(char::is_whitespace) {
            let url = escape_attr(trimmed);
            out.push_str(&format!("<p><a href=\"{url}\">{url}</a></p>"));
        } else {
            out.push_str("<p>");
            out.push_str(&trimmed.replace('\n', "<br>\n"));
            out.push_str("</p>");
        }
        out.push('\n');
    }
    out
}

/// The link under an imported audio or video player, in the story's language: it is
/// stored in the article's HTML, so it is content, not UI text.
fn download_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Télécharger le fichier",
        Lang::Ar => "تنزيل الملف",
        Lang::En => "Download the file",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(raw: &str) -> (String, BTreeMap<String, u32>) {
        let mut attachments = HashMap::new();
        attachments.insert(
            7,
            MediaRef {
                url: "https://old.example/wp-content/uploads/2011/07/a.jpg".into(),
                alt: "A".into(),
                mime: "image/jpeg".into(),
            },
        );
        let children = HashMap::from([(1, vec![7])]);
        let bases = vec!["https://old.example/wp-content/uploads/".to_owned()];
        let ctx = ContentContext {
            post_id: 1,
            attachments: &attachments,
            children: &children,
            upload_bases: &bases,
            lang: Lang::Fr,
        };
        let mut dropped = BTreeMap::new();
        (to_html(raw, &ctx, &mut dropped), dropped)
    }

    #[test]
    fn shortcodes_expand_or_vanish() {
        let (html, dropped) = convert(
            "Intro [contact-form id=\"3\"] text\n\n[caption id=\"x\" align=\"alignleft\" width=\"150\"]<img src=\"https://old.example/wp-content/uploads/2011/07/a.jpg\"> Une légende[/caption]\n\n[gallery]\n\n[unknown]kept text[/unknown] [[gallery]] [1] [audio mp3=\"https://old.example/wp-content/uploads/2008/06/s.mp3\"]",
        );
        assert!(!html.contains("contact-form"), "{html}");
        assert!(html.contains("<figure><img src=\"/media/wp/2011/07/a.jpg\"><figcaption>Une légende</figcaption></figure>"), "{html}");
        assert!(
            html.contains(
                "<figure class=\"gallery\"><img src=\"/media/wp/2011/07/a.jpg\" alt=\"A\""
            ),
            "{html}"
        );
        assert!(
            html.contains("kept text") && !html.contains("[unknown]"),
            "{html}"
        );
        assert!(
            html.contains("[gallery]"),
            "escaped shortcode printed literally: {html}"
        );
        assert!(html.contains("[1]"), "not a shortcode: {html}");
        assert!(
            html.contains("<audio controls preload=\"none\" src=\"/media/wp/2008/06/s.mp3\">"),
            "{html}"
        );
        assert_eq!(dropped.get("contact-form"), Some(&1));
        assert_eq!(dropped.get("unknown"), Some(&1));
    }

    #[test]
    fn classic_text_gets_paragraphs_blocks_do_not() {
        let (html, _) = convert("First line\nsame paragraph\n\nSecond\n\n<ul><li>x</li></ul>\n\nhttps://www.youtube.com/watch?v=1");
        assert_eq!(
            html,
            "<p>First line<br>\nsame paragraph</p>\n<p>Second</p>\n<ul><li>x</li></ul>\n<p><a href=\"https://www.youtube.com/watch?v=1\">https://www.youtube.com/watch?v=1</a></p>\n"
        );
        let (blocks, _) = convert("<!-- wp:paragraph -->\n<p>Hello</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>World</p>\n<!-- /wp:paragraph -->");
        assert!(!blocks.contains("<p><!--"), "{blocks}");
    }

    #[test]
    fn uploads_folder_is_found_in_attachment_urls() {
        assert_eq!(
            upload_base("https://wpthemetestdata.files.wordpress.com/2008/06/a.mp3").as_deref(),
            Some("https://wpthemetestdata.files.wordpress.com/")
        );
        assert_eq!(
            upload_base("https://ccme.org.ma/wp-content/uploads/2015/04/photo.jpg").as_deref(),
            Some("https://ccme.org.ma/wp-content/uploads/")
        );
        let bases = vec!["https://ccme.org.ma/wp-content/uploads/".to_owned()];
        assert_eq!(
            media_path(
                "https://ccme.org.ma/wp-content/uploads/2015/04/p.jpg?w=300",
                &bases
            )
            .as_deref(),
            Some("wp/2015/04/p.jpg")
        );
        assert_eq!(
            media_path(
                "https://ccme.org.ma/wp-content/uploads/../etc/passwd",
                &bases
            ),
            None
        );
        assert_eq!(media_path("https://elsewhere.example/p.jpg", &bases), None);
    }
}
