//! The share bar under an article's title, as the current site has it: Facebook, X,
//! Pinterest, LinkedIn, Tumblr, e-mail and WhatsApp as plain links (they work without
//! JavaScript and open in a new tab without access to this page), then "Copy link"
//! (Clipboard API, with a select-and-copy fallback) and the device's own share sheet
//! (Web Share API) where the browser has one. The two buttons appear after hydration.

use crate::components::icons::{Icon, IconKind};
use crate::i18n::Texts;
use content::address::encode_segment;
use leptos::prelude::*;

/// One network's share link.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareLink {
    /// Class suffix and test hook (`share-facebook`, …).
    pub key: &'static str,
    pub network: &'static str,
    pub href: String,
    pub icon: IconKind,
}

/// The share addresses of a page, each with the title and address percent-encoded.
/// `image` is the absolute URL of the picture Pinterest pins.
pub fn share_links(url: &str, title: &str, image: &str) -> Vec<ShareLink> {
    let u = encode_segment(url);
    let t = encode_segment(title);
    let link = |key, network, href: String, icon| ShareLink {
        key,
        network,
        href,
        icon,
    };
    vec![
        link(
            "facebook",
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            IconKind::Facebook,
        ),
        link(
            "x",
            "X",
            format!("https://x.com/intent/post?url={u}&text={t}"),
            IconKind::X,
        ),
        link(
            "pinterest",
            "Pinterest",
            format!(
                "https://pinterest.com/pin/create/button/?url={u}&media={}&description={t}",
                encode_segment(image)
            ),
            IconKind::Pinterest,
        ),
        link(
            "linkedin",
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
            IconKind::LinkedIn,
        ),
        link(
            "tumblr",
            "Tumblr",
            format!("https://www.tumblr.com/widgets/share/tool?canonicalUrl={u}&title={t}"),
            IconKind::Tumblr,
        ),
        link(
            "email",
            "E-mail",
            format!("mailto:?subject={t}&body={t}%0A%0A{u}"),
            IconKind::Email,
        ),
        link(
            "whatsapp",
            "WhatsApp",
            format!("https://wa.me/?text={t}%20{u}"),
            IconKind::WhatsApp,
        ),
    ]
}

/// What the copy button last did.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Idle,
    Copied,
    /// The clipboard refused: the address is shown selected for the reader to copy.
    ByHand,
}

/// The share bar of one page (`url` absolute).
#[island]
pub fn ShareBar(
    lang: content::lang::Lang,
    url: String,
    title: String,
    image: String,
) -> impl IntoView {
    let t = lang.t();
    let hydrated = RwSignal::new(false);
    let can_share = RwSignal::new(false);
    let copy_state = RwSignal::new(Copy::Idle);
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        hydrated.set(true);
        can_share.set(has_web_share());
    });
    let copy = {
        let url = url.clone();
        move |_| copy_link(url.clone(), copy_state, field)
    };
    let share = {
        let (url, title) = (url.clone(), title.clone());
        move |_| web_share(&url, &title)
    };
    let links = share_links(&url, &title, &image)
        .into_iter()
        .map(|link| {
            let label = if link.key == "email" {
                t.share_by_email.to_owned()
            } else {
                format!("{} {}", t.share_on, link.network)
            };
            let new_tab = link.key != "email";
            view! {
                <li>
                    <a
                        class=format!("share share-{}", link.key)
                        href=link.href
                        target=new_tab.then_some("_blank")
                        rel=new_tab.then_some("noopener noreferrer")
                        aria-label=label.clone()
                        title=label
                    >
                        <Icon kind=link.icon/>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="share-bar" id="share" role="group" aria-label=t.share>
            <span class="share-label">{t.share}</span>
            <ul>
                {links}
                <ShareButton class="share share-copy" label=t.copy_link icon=IconKind::Link
                    shown=hydrated on_click=copy/>
                <ShareButton class="share share-native" label=t.share_more icon=IconKind::Share
                    shown=can_share on_click=share/>
            </ul>
            <p class="share-status" role="status">
                {move || match copy_state.get() {
                    Copy::Idle => "",
                    Copy::Copied => t.link_copied,
                    Copy::ByHand => t.copy_by_hand,
                }}
            </p>
            <input class="share-url" type="url" readonly value=url node_ref=field
                aria-label=t.copy_link hidden=move || copy_state.get() != Copy::ByHand/>
        </div>
    }
}

/// A share action that needs JavaScript: hidden until `shown`.
#[component]
fn ShareButton(
    class: &'static str,
    label: &'static str,
    icon: IconKind,
    shown: RwSignal<bool>,
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <li>
            <button type="button" class=class hidden=move || !shown.get()
                on:click=on_click aria-label=label title=label>
                <Icon kind=icon/>
            </button>
        </li>
    }
}

#[cfg(feature = "hydrate")]
fn has_web_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false)
}

#[cfg(not(feature = "hydrate"))]
fn has_web_share() -> bool {
    false
}

/// Writes `url` to the clipboard; where that is refused (no permission, an old
/// browser, an insecure origin), selects it in a visible field and tries the legacy
/// copy command, else asks the reader to press Ctrl+C.
#[cfg(feature = "hydrate")]
fn copy_link(url: String, state: RwSignal<Copy>, field: NodeRef<leptos::html::Input>) {
    use leptos::wasm_bindgen::JsCast;
    leptos::task::spawn_local(async move {
        let clipboard = window().navigator().clipboard();
        let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url)).await;
        if written.is_ok() {
            state.set(Copy::Copied);
            return;
        }
        state.set(Copy::ByHand);
        // Let the field appear before selecting its text.
        leptos::task::tick().await;
        if let Some(input) = field.get_untracked() {
            let _ = input.focus();
            input.select();
            let copied = document()
                .dyn_into::<web_sys::HtmlDocument>()
                .ok()
                .and_then(|doc| doc.exec_command("copy").ok())
                .unwrap_or(false);
            if copied {
                state.set(Copy::Copied);
            }
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn copy_link(_url: String, _state: RwSignal<Copy>, _field: NodeRef<leptos::html::Input>) {}

/// Opens the device's share sheet; a cancelled share is not an error worth showing.
#[cfg(feature = "hydrate")]
fn web_share(url: &str, title: &str) {
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    let promise = window().navigator().share_with_data(&data);
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

#[cfg(not(feature = "hydrate"))]
fn web_share(_url: &str, _title: &str) {}

#[cfg(test)]
mod tests {
    use super::share_links;

    #[test]
    fn share_addresses_encode_title_and_link() {
        let links = share_links(
            "https://ccme.org.ma/ar/article/%D8%A3",
            "Maroc & diaspora : « 2025 »",
            "https://ccme.org.ma/og-default.png",
        );
        assert_eq!(links.len(), 7);
        let x = &links[1].href;
        assert!(x.starts_with("https://x.com/intent/post?url=https%3A%2F%2Fccme.org.ma%2Far%2Farticle%2F%25D8%25A3&text=Maroc%20%26%20diaspora"), "{x}");
        assert!(links
            .iter()
            .all(|l| !l.href.contains(' ') && !l.href.contains('«')));
        assert!(links[5].href.starts_with("mailto:?subject=Maroc%20%26"));
    }
}
