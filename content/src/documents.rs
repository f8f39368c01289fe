//! Documents readers and editors upload (op-ed attachments, library PDFs), recognised
//! by what the file is, not by its name or the type the browser claims. A .docx is a
//! ZIP package: its directory must hold the Word main part and no macro project (names
//! are read from the ZIP directory; nothing is unpacked).

use std::io::Cursor;

/// Type of a PDF document.
pub const PDF: &str = "application/pdf";
/// Type of a Word document.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// What kind of document `bytes` are, if one we accept.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"%PDF-") {
        // A complete PDF ends with %%EOF (possibly followed by a line break or padding).
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        return tail
            .windows(5)
            .any(|w| w == b"%%EOF")
            .then_some((PDF, "pdf"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let names: Vec<&str> = archive.file_names().collect();
        let has = |name: &str| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        let word = has("[Content_Types].xml") && has("word/document.xml");
        let macros = names
            .iter()
            .any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin"));
        return (word && !macros).then_some((DOCX, "docx"));
    }
    None
}

/// Smallest valid documents of each kind, for tests of every crate that takes uploads.
pub mod samples {
    use std::io::{Cursor, Write};

    /// A minimal PDF document.
    pub fn pdf() -> Vec<u8> {
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .to_vec()
    }

    /// A ZIP package holding `names` (empty files).
    pub fn package(names: &[&str]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for name in names {
            writer
                .start_file(
                    *name,
                    zip::write::SimpleFileOptions::default()
                        .compression_method(zip::CompressionMethod::Stored),
                )
                .unwrap();
            writer.write_all(b"<x/>").unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    /// A minimal .docx package.
    pub fn docx() -> Vec<u8> {
        package(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
    }
}
