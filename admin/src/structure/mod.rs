//! The site's structure, administrators only: sections (names per language, parent,
//! order) and the menus' items.

pub mod menus;
pub mod post;
pub mod sections;
