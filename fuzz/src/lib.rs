//! What each fuzz target checks beyond "no panic, no hang": the property that makes a
//! wrong answer a crash. One function per target, called by `fuzz_targets/*.rs`.

use content::lang::Lang;
use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;

/// The WordPress export parser, then each item's content as the import turns it into
/// article HTML (shortcodes, paragraphs, the old uploads' addresses), sanitised.
pub fn wxr(data: &[u8]) {
    let Ok(export) = content::wxr::parse::parse(Cursor::new(data), &|offset| offset, &mut |_| {})
    else {
        return;
    };
    let attachments = HashMap::new();
    let children = HashMap::new();
    let upload_bases = [format!("{}/wp-content/uploads/", export.site_url)];
    for item in export.items.iter().take(64) {
        let context = content::wxr::content::ContentContext {
            post_id: item.id,
            attachments: &attachments,
            children: &children,
            upload_bases: &upload_bases,
            lang: Lang::Fr,
        };
        let mut dropped = BTreeMap::new();
        let html = content::wxr::content::to_html(&item.content, &context, &mut dropped);
        safe_html(&content::write::sanitize_html(&html));
    }
}

/// A reader's query: whatever is typed, the FTS5 expression is one SQLite accepts (a
/// syntax error would be a failed search, or worse), and highlighting escapes
/// everything but its own `<mark>`.
pub fn search_query(data: &[u8]) {
    let Ok(typed) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Lang::ALL {
        let query = content::search::query::ParsedQuery::parse(typed, lang, true);
        if !query.is_empty() {
            fts5_accepts(&query.fts_expression());
        }
        let shown = content::search::excerpt::highlight(typed, &query, lang);
        let without_marks = shown.replace("<mark>", "").replace("</mark>", "");
        assert!(!without_marks.contains('<'), "unescaped markup: {shown}");
    }
}

/// Runs `expression` as an FTS5 `MATCH` on the site's (empty) search index.
fn fts5_accepts(expression: &str) {
    use std::sync::OnceLock;
    static DB: OnceLock<(tokio::runtime::Runtime, content::Db)> = OnceLock::new();
    let (runtime, pool) = DB.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        // The site's own search index (its migrations), in a file of this process.
        let file = std::env::temp_dir().join(format!("ccme-fuzz-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&file);
        let url = format!("sqlite://{}", file.display());
        let pool = runtime.block_on(content::connect(&url)).unwrap();
        (runtime, pool)
    });
    runtime.block_on(async {
        let ran = content::sql::query("SELECT rowid FROM search_index WHERE search_index MATCH ?")
            .bind(expression)
            .execute(pool)
            .await;
        if let Err(err) = ran {
            panic!("FTS5 refused {expression:?}: {err}");
        }
    });
}

/// An editor's Markdown: the HTML readers get is safe, and still safe once a browser
/// has parsed it again (a second pass of the sanitiser stands for that parse).
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = content::editorial::markdown::to_html(text);
    safe_html(&html);
    safe_html(&content::write::sanitize_html(&html));
}

/// The rewriter that offers renditions in an article's pictures: it adds `<picture>`,
/// `<source>`, `srcset` and `sizes` at real `<img>` tags only. With those removed by a
/// sanitiser that does not allow them, the text is what it was before (an `<img`
/// inside an attribute value, rewritten, would change that value).
pub fn body_pictures(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = content::write::sanitize_html(text);
    let sets: HashMap<String, content::body_images::Candidates> =
        content::body_images::library_paths(&html)
            .into_iter()
            .map(|path| {
                let renditions = content::body_images::Candidates {
                    fallback: vec![content::body_images::candidate(&path, 480)],
                    webp: vec![content::body_images::candidate(
                        &format!("{path}.webp"),
                        480,
                    )],
                };
                (path, renditions)
            })
            .collect();
    let offered = content::body_images::offer(&html, &sets);
    safe_html(&offered);
    assert_eq!(
        ammonia::clean(&offered),
        ammonia::clean(&html),
        "the rewrite changed more than pictures"
    );
}

/// No script, frame, style or handler in HTML that the sanitiser let through: its tags
/// read one by one (text cannot hold a `<`: the sanitiser escapes it), each element and
/// attribute checked.
fn safe_html(html: &str) {
    const ELEMENTS: [&str; 13] = [
        "script", "iframe", "object", "embed", "style", "frame", "frameset", "base", "meta",
        "link", "form", "svg", "math",
    ];
    const URLS: [&str; 6] = ["href", "src", "srcset", "action", "formaction", "poster"];
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tag = &rest[start + 1..];
        let mut quoted = false;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(tag.len(), |(i, _)| i);
        let inside = &tag[..end];
        rest = &tag[end..];
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!ELEMENTS.contains(&name.as_str()), "<{name}> in {html}");
        for (attribute, value) in attributes(inside) {
            let attribute = attribute.to_ascii_lowercase();
            assert!(
                !attribute.starts_with("on") && attribute != "style",
                "{attribute}= in {html}"
            );
            let value = value.trim().to_ascii_lowercase();
            if URLS.contains(&attribute.as_str()) {
                for scheme in ["javascript:", "vbscript:", "data:text"] {
                    assert!(!value.starts_with(scheme), "{attribute}={value} in {html}");
                }
            }
        }
    }
}

/// The `name="value"` pairs of a tag's inside (the sanitiser writes every value in
/// double quotes).
fn attributes(inside: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = inside;
    while let Some(equals) = rest.find("=\"") {
        let name = rest[..equals].rsplit(' ').next().unwrap_or("");
        let value_and_more = &rest[equals + 2..];
        let close = value_and_more.find('"').unwrap_or(value_and_more.len());
        found.push((name, &value_and_more[..close]));
        rest = &value_and_more[(close + 1).min(value_and_more.len())..];
    }
    found
}
