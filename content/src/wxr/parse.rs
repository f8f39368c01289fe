//! Reads a WordPress export (WXR 1.1/1.2, an RSS file with `wp:` elements) into plain
//! structs, streaming with quick-xml. The whole file is read before anything is written,
//! so a broken file is refused with the line where it breaks and nothing half-imported.
//! Hostile input: a DTD (the door to entity-expansion attacks) is refused outright,
//! unknown entities are errors, and fields are capped in size.

use super::{Attachment, Author, Category, Export, Item, Tag};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::BufRead;

/// Largest text of one field (a post's content): 8 MiB. Anything larger is not an
/// article but a pasted file, and would be a way to exhaust memory.
pub const MAX_FIELD: usize = 8 << 20;

/// Why a file cannot be read, with where (1-based line) when it is about the XML.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("not well-formed XML at line {line}: {message}")]
    Xml { line: u64, message: String },
    #[error("refused: the file declares a DTD (<!DOCTYPE>, line {line}); WordPress exports never do, and DTD entities can expand without limit")]
    Dtd { line: u64 },
    #[error(
        "refused: unknown entity &{name}; at line {line} (only XML's own entities are allowed)"
    )]
    Entity { name: String, line: u64 },
    #[error("refused: a field at line {line} is larger than {} MiB", MAX_FIELD >> 20)]
    TooLarge { line: u64 },
    #[error("not a WordPress export: {0}")]
    NotWxr(String),
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
}

/// What the parser is inside of.
#[derive(PartialEq, Clone, Copy)]
enum Scope {
    Channel,
    Author,
    Category,
    Tag,
    Item,
    ItemMeta,
    Comment,
    Other,
}

/// Reads an export; `line_of(offset)` turns a byte offset into a line for messages, and
/// `progress(bytes_read)` is called now and then.
pub fn parse<R: BufRead>(
    source: R,
    line_of: &dyn Fn(u64) -> u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Export, ParseError> {
    let mut reader = Reader::from_reader(source);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::with_capacity(64 << 10);
    let mut export = Export::default();
    let mut path: Vec<String> = Vec::new();
    let mut scopes: Vec<Scope> = Vec::new();
    let mut text = String::new();
    let mut item = Item::default();
    let mut author = Author::default();
    let mut category = Category::default();
    let mut tag = Tag::default();
    let mut meta = (String::new(), String::new());
    let mut item_category: Option<(String, String)> = None;
    let mut saw_rss = false;
    let mut events = 0u64;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ParseError::Xml {
                line: line_of(reader.error_position()),
                message: e.to_string(),
            })?;
        events += 1;
        if events.is_multiple_of(4096) {
            progress(position);
        }
        let line = || line_of(position);
        match event {
            Event::DocType(_) => return Err(ParseError::Dtd { line: line() }),
            Event::Start(start) => {
                let name = qualified(&start);
                if path.is_empty() {
                    if name != "rss" {
                        return Err(ParseError::NotWxr(format!(
                            "the root element is <{name}>, not <rss>"
                        )));
                    }
                    saw_rss = true;
                }
                let parent = scopes.last().copied();
                let scope = match (parent, name.as_str()) {
                    (None, _) => Scope::Other,
                    (Some(_), "channel") if path.len() == 1 => Scope::Channel,
                    (Some(Scope::Channel), "wp:author") => Scope::Author,
                    (Some(Scope::Channel), "wp:category") => Scope::Category,
                    (Some(Scope::Channel), "wp:tag") => Scope::Tag,
                    (Some(Scope::Channel), "item") => Scope::Item,
                    (Some(Scope::Item), "wp:postmeta") => Scope::ItemMeta,
                    (Some(Scope::Item), "wp:comment") => Scope::Comment,
                    (Some(Scope::Item), "category") => {
                        item_category = Some((attr(&start, "domain"), attr(&start, "nicename")));
                        Scope::Item
                    }
                    (Some(s), _) => s,
                };
                match scope {
                    Scope::Item if parent == Some(Scope::Channel) => item = Item::default(),
                    Scope::Author if parent == Some(Scope::Channel) => author = Author::default(),
                    Scope::Category if parent == Some(Scope::Channel) => {
                        category = Category::default()
                    }
                    Scope::Tag if parent == Some(Scope::Channel) => tag = Tag::default(),
                    _ => {}
                }
                path.push(name);
                scopes.push(scope);
                text.clear();
            }
            Event::Empty(start) => {
                // <wp:category_parent/>, <description/>: an empty field; attributes of an
                // empty <category domain=… nicename=…/> still count.
                let name = qualified(&start);
                if scopes.last() == Some(&Scope::Item) && name == "category" {
                    let domain = attr(&start, "domain");
                    let nicename = attr(&start, "nicename");
                    item.categories.push((domain, nicename, String::new()));
                }
            }
            Event::Text(_) | Event::CData(_) => {
                let decoded = match &event {
                    Event::Text(t) => t.decode(),
                    Event::CData(t) => t.decode(),
                    _ => unreachable!("matched above"),
                }
                .map_err(|e| ParseError::Xml {
                    line: line(),
                    message: e.to_string(),
                })?;
                push_limited(&mut text, &decoded, line)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch),
                    Ok(None) => match r.decode().as_deref() {
                        Ok("amp") => Some('&'),
                        Ok("lt") => Some('<'),
                        Ok("gt") => Some('>'),
                        Ok("quot") => Some('"'),
                        Ok("apos") => Some('\''),
                        _ => None,
                    },
                    Err(_) => None,
                };
                match resolved {
                    Some(ch) => push_limited(&mut text, ch.encode_utf8(&mut [0; 4]), line)?,
                    None => {
                        return Err(ParseError::Entity {
                            name: String::from_utf8_lossy(&r.into_inner()).into_owned(),
                            line: line(),
                        })
                    }
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let scope = scopes.pop().unwrap_or(Scope::Other);
                let parent = scopes.last().copied();
                let value = std::mem::take(&mut text);
                let value = value.trim();
                match (scope, name.as_str()) {
                    (Scope::Channel, "link") if parent == Some(Scope::Channel) => {}
                    (Scope::Channel, "wp:base_blog_url") => export.site_url = value.to_owned(),
                    (Scope::Channel, "wp:base_site_url") if export.site_url.is_empty() => {
                        export.site_url = value.to_owned()
                    }
                    (Scope::Channel, "language") => export.language = value.to_owned(),
                    (Scope::Channel, "title") if parent == Some(Scope::Channel) => {
                        export.title = value.to_owned()
                    }
                    (Scope::Channel, "wp:wxr_version") => export.version = value.to_owned(),
                    (Scope::Author, "wp:author_login") => author.login = value.to_owned(),
                    (Scope::Author, "wp:author_display_name") => author.name = value.to_owned(),
                    (Scope::Author, "wp:author") => {
                        export.authors.push(std::mem::take(&mut author))
                    }
                    (Scope::Category, "wp:category_nicename") => category.slug = value.to_owned(),
                    (Scope::Category, "wp:category_parent") => category.parent = value.to_owned(),
                    (Scope::Category, "wp:cat_name") => category.name = value.to_owned(),
                    (Scope::Category, "wp:category_description") => {
                        category.description = value.to_owned()
                    }
                    (Scope::Category, "wp:category") => {
                        export.categories.push(std::mem::take(&mut category))
                    }
                    (Scope::Tag, "wp:tag_slug") => tag.slug = value.to_owned(),
                    (Scope::Tag, "wp:tag_name") => tag.name = value.to_owned(),
                    (Scope::Tag, "wp:tag") => export.tags.push(std::mem::take(&mut tag)),
                    (Scope::ItemMeta, "wp:meta_key") => meta.0 = value.to_owned(),
                    (Scope::ItemMeta, "wp:meta_value") => meta.1 = value.to_owned(),
                    (Scope::ItemMeta, "wp:postmeta") => item.meta.push(std::mem::take(&mut meta)),
                    (Scope::Comment, "wp:comment") => item.comments += 1,
                    (Scope::Item, field) if parent == Some(Scope::Item) || field == "item" => {
                        item_field(&mut item, field, value, &mut item_category);
                        if field == "item" {
                            export.items.push(finish_item(std::mem::take(&mut item)));
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err(ParseError::Xml {
            line: line_of(reader.buffer_position()),
            message: format!("the file ends inside <{}> (cut short?)", path.join("> <")),
        });
    }
    if !saw_rss {
        return Err(ParseError::NotWxr("the file is empty".into()));
    }
    if export.version.is_empty() && export.site_url.is_empty() {
        return Err(ParseError::NotWxr(
            "no <wp:wxr_version> nor <wp:base_site_url>: an RSS feed, not a WordPress export"
                .into(),
        ));
    }
    Ok(export)
}

fn push_limited(text: &mut String, piece: &str, line: impl Fn() -> u64) -> Result<(), ParseError> {
    if text.len() + piece.len() > MAX_FIELD {
        return Err(ParseError::TooLarge { line: line() });
    }
    text.push_str(piece);
    Ok(())
}

fn qualified(start: &BytesStart) -> String {
    String::from_utf8_lossy(start.name().as_ref()).into_owned()
}

fn attr(start: &BytesStart, name: &str) -> String {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
        .unwrap_or_default()
}

/// Stores one closed field of an `<item>`.
fn item_field(item: &mut Item, field: &str, value: &str, category: &mut Option<(String, String)>) {
    let owned = || value.to_owned();
    match field {
        "title" => item.title = owned(),
        "link" => item.link = owned(),
        "dc:creator" => item.creator = owned(),
        "content:encoded" => item.content = owned(),
        "excerpt:encoded" => item.excerpt = owned(),
        "wp:post_id" => item.id = value.parse().unwrap_or(0),
        "wp:post_date" => item.date = owned(),
        "wp:post_date_gmt" => item.date_gmt = owned(),
        "wp:post_name" => item.slug = owned(),
        "wp:status" => item.status = owned(),
        "wp:post_parent" => item.parent = value.parse().unwrap_or(0),
        "wp:menu_order" => item.menu_order = value.parse().unwrap_or(0),
        "wp:post_type" => item.post_type = owned(),
        "wp:is_sticky" => item.sticky = value == "1",
        "wp:attachment_url" => item.attachment_url = owned(),
        "category" => {
            let (domain, nicename) = category.take().unwrap_or_default();
            item.categories.push((domain, nicename, owned()));
        }
        _ => {}
    }
}

/// Pulls what matters out of the post meta once the item is complete.
fn finish_item(mut item: Item) -> Item {
    for (key, value) in &item.meta {
        match key.as_str() {
            "_thumbnail_id" => item.thumbnail = value.parse().ok(),
            "_wp_old_slug" => item.old_slugs.push(value.clone()),
            "_wp_attachment_image_alt" => {
                item.attachment.get_or_insert_with(Attachment::default).alt = value.clone()
            }
            "_wp_attachment_metadata" => {
                let size = php_int_field(value, "width").zip(php_int_field(value, "height"));
                item.attachment.get_or_insert_with(Attachment::default).size = size;
            }
            // WPML's export plugin.
            "_wpml_import_language_code" => item.language = Some(value.clone()),
            "_wpml_import_translation_group" => item.translation_group = Some(value.clone()),
            _ => {}
        }
    }
    for (domain, nicename, _) in &item.categories {
        match domain.as_str() {
            // Polylang: a `language` term per post, a `post_translations` term per group.
            "language" => item.language = Some(nicename.clone()),
            "post_translations" => item.translation_group = Some(nicename.clone()),
            _ => {}
        }
    }
    item
}

/// Reads `s:5:"width";i:1200;` out of PHP-serialised attachment metadata: the only
/// two numbers the import needs from that format.
fn php_int_field(serialized: &str, key: &str) -> Option<u32> {
    let marker = format!("s:{}:\"{key}\";i:", key.len());
    let start = serialized.find(&marker)? + marker.len();
    let digits: String = serialized[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(xml: &str) -> Result<Export, ParseError> {
        let line_of = |offset: u64| {
            xml.as_bytes()[..(offset as usize).min(xml.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1
        };
        parse(xml.as_bytes(), &line_of, &mut |_| {})
    }

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://example.org</wp:base_blog_url>
"#;

    #[test]
    fn hostile_files_are_refused_with_a_reason() {
        let dtd = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel>&lol2;</channel></rss>"#;
        assert!(matches!(parse_str(dtd), Err(ParseError::Dtd { .. })));
        let entity = format!("{HEAD}<item><title>&custom;</title></item></channel></rss>");
        assert!(matches!(parse_str(&entity), Err(ParseError::Entity { .. })));
        let cut = format!("{HEAD}<item><title>Cut</title>");
        let err = parse_str(&cut).unwrap_err().to_string();
        assert!(err.contains("ends inside"), "{err}");
        let broken = format!("{HEAD}\n<item><title>x</wp:title></item></channel></rss>");
        match parse_str(&broken) {
            Err(ParseError::Xml { line, .. }) => assert_eq!(line, 5),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse_str("<html><body>hi</body></html>"),
            Err(ParseError::NotWxr(_))
        ));
        assert!(matches!(
            parse_str("<rss><channel><item><title>feed</title></item></channel></rss>"),
            Err(ParseError::NotWxr(_))
        ));
        let huge = format!(
            "{HEAD}<item><content:encoded>{}</content:encoded></item></channel></rss>",
            "a".repeat(MAX_FIELD + 1)
        );
        assert!(matches!(parse_str(&huge), Err(ParseError::TooLarge { .. })));
    }

    #[test]
    fn entities_and_cdata_are_read_as_text() {
        let xml = format!(
            "{HEAD}<item><title>A &amp; B &#233; &lt;i&gt;</title><content:encoded><![CDATA[<p>x & y</p>]]></content:encoded>\
             <category domain=\"language\" nicename=\"ar\"><![CDATA[العربية]]></category>\
             <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:5:{{s:5:\"width\";i:1200;s:6:\"height\";i:630;}}]]></wp:meta_value></wp:postmeta>\
             </item></channel></rss>"
        );
        let export = parse_str(&xml).unwrap();
        let item = &export.items[0];
        assert_eq!(item.title, "A & B é <i>");
        assert_eq!(item.content, "<p>x & y</p>");
        assert_eq!(item.language.as_deref(), Some("ar"));
        assert_eq!(item.attachment.as_ref().unwrap().size, Some((1200, 630)));
    }
}
