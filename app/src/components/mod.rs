//! Building blocks shared by the pages: layout, header, footer, cards, breadcrumb,
//! pagination, icons.

pub mod breadcrumb;
pub mod cards;
pub mod footer;
pub mod header;
pub mod icons;
pub mod layout;
pub mod pagination;
pub mod status;
