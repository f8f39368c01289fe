use super::*;

#[test]
fn a_pages_own_inline_scripts_are_named_by_hash_and_nothing_else_runs() {
    let page = r#"<html><head><script type="module">start()</script>
        <script src="/pwa.js" defer></script>
        <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
        <body><script>hand("data")</script><script>hand("data")</script></body></html>"#;
    let hash = |text: &str| {
        let digest = Sha256::digest(text.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    assert_eq!(
        inline_scripts(page),
        [hash("start()"), hash(r#"hand("data")"#)],
        "each inline script once; not files, not data blocks"
    );
    let policy = for_page(page);
    assert!(policy.contains(&format!(
        "script-src 'self' 'wasm-unsafe-eval' {} {};",
        hash("start()"),
        hash(r#"hand("data")"#)
    )));
    for part in [
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "connect-src 'self';",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(!policy.contains("'unsafe-inline' 'wasm"), "{policy}");
    assert!(!without_inline_scripts().contains("sha256"));
    assert!(
        !without_inline_scripts()
            .split(';')
            .any(|d| d.contains("script-src") && d.contains("unsafe-inline")),
        "no inline script anywhere else"
    );
}

#[test]
fn script_types_that_do_not_run_are_not_allowed_to() {
    assert!(runs(""));
    assert!(runs(r#" type="module""#));
    assert!(runs(r#" TYPE='text/javascript' nonce="x""#));
    assert!(!runs(r#" src="/pwa.js" defer"#));
    assert!(!runs(r#" type="application/ld+json""#));
    assert!(!runs(r#" type="application/json" id="data""#));
}
