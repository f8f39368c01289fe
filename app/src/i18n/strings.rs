//! UI strings of the three editions. One struct, one constant per language: adding a
//! field without translating it everywhere does not compile.

/// Every piece of interface text. `{n}`-style placeholders are filled by [`Strings::fill`].
#[derive(Debug)]
pub struct Strings {
    pub site_name: &'static str,
    pub tagline: &'static str,
    /// What the institution and the site are, for the home page's description.
    pub description: &'static str,
    pub skip_to_content: &'static str,
    pub home: &'static str,
    pub main_menu: &'static str,
    /// Short visible label of the phone menu button.
    pub menu: &'static str,
    pub open_menu: &'static str,
    pub close_menu: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub languages: &'static str,
    pub follow_us: &'static str,
    pub featured: &'static str,
    pub latest_news: &'static str,
    pub our_latest_news: &'static str,
    pub related_posts: &'static str,
    pub see_all: &'static str,
    pub source: &'static str,
    pub share: &'static str,
    pub share_on: &'static str,
    pub share_by_email: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Shown with the address selected when the clipboard cannot be written.
    pub copy_by_hand: &'static str,
    /// The device's own share sheet (Web Share API).
    pub share_more: &'static str,
    pub breadcrumb: &'static str,
    pub subsections: &'static str,
    /// The tags under an article.
    pub tags: &'static str,
    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    /// `{page}` of `{total}`.
    pub page_of: &'static str,
    /// `{count}` articles.
    pub article_count: &'static str,
    pub empty_section: &'static str,
    pub page_out_of_range: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub untranslated_article: &'static str,
    pub untranslated_page: &'static str,
    pub newsletter_title: &'static str,
    pub newsletter_text: &'static str,
    pub press_review_title: &'static str,
    pub press_review_text: &'static str,
    pub contact_title: &'static str,
    pub address: &'static str,
    pub rights: &'static str,
    pub search_title: &'static str,
    /// `{count}` results for `{query}`.
    pub results_for: &'static str,
    /// No result for `{query}`.
    pub no_results: &'static str,
    pub search_empty: &'static str,
    pub query_truncated: &'static str,
    /// More than `{count}` results for `{query}` (the count is capped).
    pub results_capped: &'static str,
    pub filter_section: &'static str,
    pub all_sections: &'static str,
    pub filter_year: &'static str,
    pub all_years: &'static str,
    pub all_languages: &'static str,
    pub search_tips: &'static str,
    pub tip_spelling: &'static str,
    pub tip_fewer_words: &'static str,
    /// `{count}` results in the other languages.
    pub results_elsewhere: &'static str,
    pub remove_filters: &'static str,
    pub browse_latest: &'static str,
    pub close_search: &'static str,
    pub search_hint: &'static str,
    /// Live count in the overlay: `{count}` results.
    pub quick_count: &'static str,
    /// Live count in the overlay when capped: more than `{count}`.
    pub quick_count_capped: &'static str,
    /// Link under the overlay's list: all results for `{query}`.
    pub see_all_results: &'static str,
    /// Banner shown while the reader has no connection.
    pub offline_banner: &'static str,
    pub offline_title: &'static str,
    pub offline_text: &'static str,
    pub offline_available: &'static str,
    pub offline_none: &'static str,
    pub saved_title: &'static str,
    pub saved_empty: &'static str,
    pub needs_javascript: &'static str,
    /// Article button: keep it for offline reading.
    pub save_offline: &'static str,
    /// Banner of the back office's preview of a version not (yet) on the site.
    pub preview_notice: &'static str,
    pub back_to_editor: &'static str,
    /// The same button once the article is kept.
    pub saved_offline: &'static str,
    pub update_available: &'static str,
    pub reload: &'static str,
    pub app_title: &'static str,
    pub app_text: &'static str,
    pub install_app: &'static str,
    /// How to install on iOS, where browsers offer no install prompt.
    pub install_ios: &'static str,
    pub search_needs_network: &'static str,
    pub loading: &'static str,
    pub error_loading: &'static str,
    pub retry: &'static str,
    /// A costly address (search, feeds, sitemaps) asked too often from one connection,
    /// or while the site is busy: answered 429 or 503 with this.
    pub try_again_soon: &'static str,
}

impl Strings {
    /// Replaces `{name}` placeholders in `template` by their values.
    pub fn fill(template: &str, values: &[(&str, String)]) -> String {
        values
            .iter()
            .fold(template.to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }
}
