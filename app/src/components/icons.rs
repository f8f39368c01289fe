//! Inline SVG icons (no icon font to download). Directional ones carry `icon-flip` so
//! they mirror on right-to-left pages.

use leptos::prelude::*;

/// Which icon to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    Menu,
    Close,
    Search,
    ArrowNext,
    ArrowPrev,
    Facebook,
    X,
    Instagram,
    YouTube,
    LinkedIn,
    Pinterest,
    Tumblr,
    Email,
    WhatsApp,
    Link,
    Share,
}

/// A social account's icon is its network's logo.
impl From<content::site::Network> for IconKind {
    fn from(network: content::site::Network) -> Self {
        use content::site::Network;
        match network {
            Network::Facebook => IconKind::Facebook,
            Network::X => IconKind::X,
            Network::Instagram => IconKind::Instagram,
            Network::YouTube => IconKind::YouTube,
            Network::LinkedIn => IconKind::LinkedIn,
        }
    }
}

/// A decorative icon: hidden from screen readers, so its control needs a label.
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    let (path, flip) = match kind {
        IconKind::Menu => ("M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z", false),
        IconKind::Close => ("M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z", false),
        IconKind::Search => ("M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z", false),
        IconKind::ArrowNext => ("M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z", true),
        IconKind::ArrowPrev => ("M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z", true),
        IconKind::Facebook => ("M14 8h3V4h-3c-2.8 0-4.5 1.8-4.5 4.6V11H7v4h2.5v7h4v-7H16l.5-4h-3V8.8c0-.5.3-.8.5-.8z", false),
        IconKind::X => ("M17.8 3h3.1l-6.8 7.8L22 21h-6.2l-4.9-6.4L5.3 21H2.2l7.3-8.3L2 3h6.4l4.4 5.8zm-1.1 16.2h1.7L7.4 4.7H5.6z", false),
        IconKind::Instagram => ("M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5zm0 2a3 3 0 0 0-3 3v10a3 3 0 0 0 3 3h10a3 3 0 0 0 3-3V7a3 3 0 0 0-3-3zm5 3.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM17.5 5.5a1 1 0 1 1 0 2 1 1 0 0 1 0-2z", false),
        IconKind::YouTube => ("M21.6 7.2c.4 1.6.4 4.8.4 4.8s0 3.2-.4 4.8a2.5 2.5 0 0 1-1.8 1.8C18.2 19 12 19 12 19s-6.2 0-7.8-.4a2.5 2.5 0 0 1-1.8-1.8C2 15.2 2 12 2 12s0-3.2.4-4.8a2.5 2.5 0 0 1 1.8-1.8C5.8 5 12 5 12 5s6.2 0 7.8.4a2.5 2.5 0 0 1 1.8 1.8zM10 15l5.2-3L10 9z", false),
        IconKind::LinkedIn => ("M4.5 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM3 8.5h3V21H3zm5.5 0h2.9v1.7c.4-.8 1.5-1.9 3.4-1.9 3.1 0 3.7 2 3.7 4.7V21h-3v-6.3c0-1.5 0-3.3-2-3.3s-2.1 1.6-2.1 3.2V21h-3z", false),
        IconKind::Pinterest => ("M12 2a10 10 0 0 0-3.6 19.3c-.1-.8-.2-2 0-2.9l1.2-5s-.3-.6-.3-1.5c0-1.4.8-2.5 1.8-2.5.9 0 1.3.7 1.3 1.5 0 .9-.6 2.2-.9 3.4-.2 1 .5 1.9 1.5 1.9 1.8 0 3.2-1.9 3.2-4.7 0-2.5-1.8-4.2-4.3-4.2-2.9 0-4.6 2.2-4.6 4.4 0 .9.3 1.8.8 2.3l.1.4-.3 1.2c0 .2-.2.3-.4.2-1.3-.6-2.1-2.5-2.1-4 0-3.3 2.4-6.3 6.9-6.3 3.6 0 6.4 2.6 6.4 6 0 3.6-2.3 6.5-5.4 6.5-1.1 0-2.1-.6-2.4-1.2l-.7 2.5c-.2.9-.9 2.1-1.3 2.8A10 10 0 1 0 12 2z", false),
        IconKind::Tumblr => ("M14.6 21c-3 0-5.2-1.5-5.2-5.2V9.9H6.7V6.7c3-.8 4.3-3.4 4.4-5.7h3.1v5.1h3.6v3.8h-3.6v5.2c0 1.6.8 2.1 2 2.1h1.7V21z", false),
        IconKind::Email => ("M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.3zM5.2 7 12 11.5 18.8 7z", false),
        IconKind::WhatsApp => ("M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 2a8 8 0 1 1-4.1 14.9l-.3-.2-2.9.8.8-2.8-.2-.3A8 8 0 0 1 12 4zm-3.3 3.8c-.2 0-.5 0-.8.4-.3.3-1 1-1 2.4s1 2.8 1.2 3c.2.2 2 3.1 4.9 4.2 2.4.9 2.9.8 3.4.7.5-.1 1.7-.7 1.9-1.4.2-.7.2-1.2.2-1.4-.1-.1-.3-.2-.6-.4l-1.9-.9c-.3-.1-.5-.1-.7.2l-.9 1.1c-.2.2-.3.2-.6.1-.3-.2-1.2-.4-2.3-1.4-.8-.8-1.4-1.7-1.6-2-.2-.3 0-.4.1-.6l.4-.5.3-.5v-.5l-.9-2.1c-.2-.5-.4-.5-.6-.5z", false),
        IconKind::Link => ("M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8.5 19.8a4.3 4.3 0 0 1-3-7.3l2.1-2.1L9 11.8l-2.1 2.1a2.3 2.3 0 0 0 3.2 3.2l2.1-2.1 1.4 1.4-2.1 2.1a4.3 4.3 0 0 1-3 1.3zm7.9-5.6L15 12.8l2.1-2.1a2.3 2.3 0 0 0-3.2-3.2l-2.1 2.1-1.4-1.4 2.1-2.1a4.3 4.3 0 0 1 6.1 6.1z", false),
        IconKind::Share => ("M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z", false),
    };
    view! {
        <svg class="icon" class:icon-flip=flip viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor"></path>
        </svg>
    }
}
