//! ccme-portal application: components, pages and server functions shared by the
//! server (SSR) and the browser (hydration).

pub mod i18n;
pub mod model;

#[cfg(feature = "ssr")]
pub mod data;

pub fn App() {}
