//! Text of the publications library in the three editions.

use super::Plural;

/// Labels of the library pages.
#[derive(Debug)]
pub struct LibraryStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub collection: &'static str,
    pub all_collections: &'static str,
    pub year: &'static str,
    pub book_language: &'static str,
    pub any_language: &'static str,
    pub filter: &'static str,
    pub new_releases: &'static str,
    /// `{count}` publications.
    pub count: Plural,
    pub none: &'static str,
    pub authors: &'static str,
    pub languages: &'static str,
    pub isbn: &'static str,
    pub pages: &'static str,
    pub contents: &'static str,
    pub read: &'static str,
    /// Download link, `{size}` of the file.
    pub download: &'static str,
}

/// French.
pub const FR: LibraryStrings = LibraryStrings {
    title: "Publications",
    intro: "Actes de colloques, études, œuvres littéraires, beaux-livres et revues publiés par le Conseil : à lire en ligne ou à télécharger.",
    collection: "Collection",
    all_collections: "Toutes les collections",
    year: "Année",
    book_language: "Langue de l’ouvrage",
    any_language: "Toutes les langues",
    filter: "Filtrer",
    new_releases: "Vient de paraître",
    count: Plural::latin("{count} publication", "{count} publications"),
    none: "Aucune publication ne correspond à ces critères.",
    authors: "Auteurs",
    languages: "Langues",
    isbn: "ISBN",
    pages: "Pages",
    contents: "Sommaire",
    read: "Lire le PDF",
    download: "Télécharger (PDF, {size})",
};

/// Arabic.
pub const AR: LibraryStrings = LibraryStrings {
    title: "إصدارات",
    intro: "أعمال الندوات والدراسات والأعمال الأدبية والكتب الفنية والمجلات التي أصدرها المجلس: للقراءة على الموقع أو للتحميل.",
    collection: "السلسلة",
    all_collections: "كل السلاسل",
    year: "السنة",
    book_language: "لغة الكتاب",
    any_language: "كل اللغات",
    filter: "تصفية",
    new_releases: "صدر حديثا",
    count: Plural {
        one: "إصدار واحد",
        two: "إصداران",
        few: "{count} إصدارات",
        many: "{count} إصدارا",
        other: "{count} إصدار",
    },
    none: "لا يوجد إصدار يطابق هذه المعايير.",
    authors: "المؤلفون",
    languages: "اللغات",
    isbn: "ردمك",
    pages: "عدد الصفحات",
    contents: "المحتويات",
    read: "قراءة ملف PDF",
    download: "تحميل (PDF، {size})",
};

/// English.
pub const EN: LibraryStrings = LibraryStrings {
    title: "Publications",
    intro: "Conference proceedings, studies, literary works, art books and journals published by the Council: read online or download.",
    collection: "Collection",
    all_collections: "All collections",
    year: "Year",
    book_language: "Language of the book",
    any_language: "Any language",
    filter: "Filter",
    new_releases: "New releases",
    count: Plural::latin("{count} publication", "{count} publications"),
    none: "No publication matches these criteria.",
    authors: "Authors",
    languages: "Languages",
    isbn: "ISBN",
    pages: "Pages",
    contents: "Contents",
    read: "Read the PDF",
    download: "Download (PDF, {size})",
};
