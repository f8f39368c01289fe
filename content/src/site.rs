//! Facts about the institution and the site that several parts need — pages, feeds,
//! automatic mails, share cards, the server's back-office guard — each written once
//! here. Plain constants: no view, no SQL, so the server and the data layer may read
//! them without reaching into UI components.

/// Public contact address of the institution (contact and privacy pages, the podcast
/// feed's owner, the automatic mails' footer, the "try later" message of the forms).
pub const CONTACT_EMAIL: &str = "contact@ccme.org.ma";

/// The institution's phone number as dialled from abroad.
pub const CONTACT_PHONE: &str = "+212 5 37 56 71 71";

/// A social network the institution has an account on; the UI chooses its icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    Facebook,
    X,
    Instagram,
    YouTube,
    LinkedIn,
}

/// One of the institution's social accounts: linked from the header and footer, and
/// listed as `sameAs` in the organisation's structured data.
#[derive(Clone, Copy, Debug)]
pub struct SocialAccount {
    pub network: Network,
    /// The network's name as shown to readers (link label).
    pub name: &'static str,
    pub href: &'static str,
}

/// The institution's social accounts, in the order the site shows them.
pub const SOCIAL_ACCOUNTS: [SocialAccount; 5] = [
    SocialAccount {
        network: Network::Facebook,
        name: "Facebook",
        href: "https://www.facebook.com/CCMEMaroc",
    },
    SocialAccount {
        network: Network::X,
        name: "X (Twitter)",
        href: "https://x.com/ccme_maroc",
    },
    SocialAccount {
        network: Network::Instagram,
        name: "Instagram",
        href: "https://www.instagram.com/ccme_maroc/",
    },
    SocialAccount {
        network: Network::YouTube,
        name: "YouTube",
        href: "https://www.youtube.com/@ccmemaroc",
    },
    SocialAccount {
        network: Network::LinkedIn,
        name: "LinkedIn",
        href: "https://www.linkedin.com/company/ccme-maroc/",
    },
];

/// The X account's handle, named by share cards (`twitter:site`).
pub const X_HANDLE: &str = "@ccme_maroc";

/// Where the back office lives: `/admin` and every address below it.
pub const BACK_OFFICE: &str = "/admin";

/// Whether `path` is a back-office address (`/admin`, `/admin/…`; not `/administration`).
/// The one test used by the reader app's shell and the back office's guard (`admin::doors`).
pub fn is_back_office_path(path: &str) -> bool {
    path.strip_prefix(BACK_OFFICE)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Where the back office's server functions answer (`#[server(prefix = "/api/admin")]`
/// on each of them in the `admin` crate).
pub const BACK_OFFICE_API: &str = "/api/admin";

/// Whether `path` is one of the back office's server functions (`/api/admin/…`): the
/// one test used by its guard (`admin::doors`), the server's cache policy and its copy
/// of pages.
pub fn is_back_office_api_path(path: &str) -> bool {
    path.strip_prefix(BACK_OFFICE_API)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `path` is a preview, `/{lang}/preview/…`: a story before it is published,
/// shown only to back-office accounts and never stored by a cache. The one test used by
/// the back office's guard (`admin::doors`) and the server's cache policy.
pub fn is_preview_path(path: &str) -> bool {
    let mut segments = path.split('/').skip(1);
    let lang = segments.next().and_then(crate::lang::Lang::from_code);
    lang.is_some() && segments.next() == Some("preview")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_office_is_admin_and_below_only() {
        assert!(is_back_office_path("/admin"));
        assert!(is_back_office_path("/admin/"));
        assert!(is_back_office_path("/admin/stories/3/fr"));
        assert!(!is_back_office_path("/administration"));
        assert!(!is_back_office_path("/fr/admin"));
        assert!(!is_back_office_path("/"));
    }

    #[test]
    fn back_office_functions_are_under_api_admin_only() {
        assert!(is_back_office_api_path("/api/admin/dashboard"));
        assert!(is_back_office_api_path("/api/admin"));
        assert!(!is_back_office_api_path("/api/get_story"));
        assert!(!is_back_office_api_path("/api/administration"));
        assert!(!is_back_office_path("/api/admin/dashboard"));
    }
}
