//! Inline SVG icons (no icon font to download). Directional ones carry `icon-flip` so
//! they mirror on right-to-left pages.

use leptos::prelude::*;

/// Which icon to draw.
#[derive(Clone, Copy, PartialEq, Eq)]
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
    };
    view! {
        <svg class="icon" class:icon-flip=flip viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path fill="currentColor"></path>
        </svg>
    }
}
