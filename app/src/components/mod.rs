//! Building blocks shared by the pages: layout, header, footer, cards, breadcrumb,
//! pagination, icons, search results, the search overlay and the pieces of form fields
//! (also used by the back office).

pub mod audio_player;
pub mod breadcrumb;
pub mod cards;
pub mod field;
pub mod filters;
pub mod footer;
pub mod header;
pub mod icons;
pub mod layout;
pub mod meta;
pub mod pagination;
pub mod search_hits;
pub mod search_overlay;
pub mod share_bar;
pub mod status;
#[cfg(feature = "ssr")]
pub mod structured_data;
