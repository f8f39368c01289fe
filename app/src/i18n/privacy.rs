//! The privacy notice (law 09-08 on personal data, GDPR for readers in the European
//! Union) in the three editions. The keeping times quoted here are the ones
//! `data::retention` enforces.

/// The notice: a title, an introduction and titled sections of paragraphs.
#[derive(Debug)]
pub struct PrivacyNotice {
    pub title: &'static str,
    pub intro: &'static str,
    pub sections: &'static [(&'static str, &'static [&'static str])],
    /// Labels of the two ready-made e-mails (access, deletion).
    pub ask_data: &'static str,
    pub ask_deletion: &'static str,
    /// Subjects of those e-mails.
    pub ask_data_subject: &'static str,
    pub ask_deletion_subject: &'static str,
    /// Where the right of access to public information is explained (law 31-13).
    pub information_right: &'static str,
}
