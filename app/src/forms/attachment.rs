//! Op-ed attachments: a PDF or a Word document (.docx), recognised by what the file
//! is, not by its name or the type the browser claims. A .docx is a ZIP package: its
//! directory must hold the Word main part and no macro project (names are read from the
//! ZIP directory; nothing is unpacked).

use super::{limit, Problem};
use std::io::Cursor;

/// An uploaded file as posted.
#[derive(Clone, Debug)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// An accepted attachment, with the type found and a safe name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

const PDF: &str = "application/pdf";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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

/// A file name safe to store and to put in an e-mail: the last path segment, letters,
/// digits, `-`, `_`, `.` and spaces only, at most 80 characters, with the extension
/// of the type found.
pub fn safe_name(original: &str, extension: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(stem, _)| stem);
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_matches([' ', '_', '.']);
    let stem = if cleaned.is_empty() {
        "tribune"
    } else {
        cleaned
    };
    format!("{stem}.{extension}")
}

/// Checks an uploaded file: `Ok(None)` when no file was chosen.
pub fn check(upload: Option<Upload>) -> Result<Option<Attachment>, Problem> {
    let Some(upload) = upload.filter(|u| !u.bytes.is_empty() || !u.file_name.is_empty()) else {
        return Ok(None);
    };
    if upload.bytes.len() > limit::ATTACHMENT_BYTES {
        return Err(Problem::AttachmentSize);
    }
    let (content_type, extension) = sniff(&upload.bytes).ok_or(Problem::AttachmentType)?;
    Ok(Some(Attachment {
        file_name: safe_name(&upload.file_name, extension),
        content_type,
        bytes: upload.bytes,
    }))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

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

    fn upload(name: &str, bytes: Vec<u8>) -> Option<Upload> {
        Some(Upload {
            file_name: name.into(),
            bytes,
        })
    }

    #[test]
    fn documents_are_recognised_by_content() {
        let pdf = check(upload("Ma tribune.pdf", pdf())).unwrap().unwrap();
        assert_eq!(
            (pdf.content_type, pdf.file_name.as_str()),
            (PDF, "Ma tribune.pdf")
        );
        // The name does not decide: a PDF called .docx is stored as a PDF.
        let renamed = check(upload("x.docx", super::tests::pdf()))
            .unwrap()
            .unwrap();
        assert_eq!(
            (renamed.content_type, renamed.file_name.as_str()),
            (PDF, "x.pdf")
        );
        let word = check(upload("../../etc/مقال.docx", docx()))
            .unwrap()
            .unwrap();
        assert_eq!(
            (word.content_type, word.file_name.as_str()),
            (DOCX, "مقال.docx")
        );
        assert_eq!(check(None), Ok(None));
        assert_eq!(check(upload("", Vec::new())), Ok(None));
    }

    #[test]
    fn other_files_are_refused() {
        let refused = [
            upload("virus.pdf", b"MZ\x90\x00 this is an exe".to_vec()),
            upload("page.pdf", b"<html><script>alert(1)</script>".to_vec()),
            upload("cut.pdf", b"%PDF-1.4\n1 0 obj".to_vec()),
            upload("archive.docx", package(&["a.txt", "b.txt"])),
            upload(
                "sheet.docx",
                package(&["[Content_Types].xml", "xl/workbook.xml"]),
            ),
            upload(
                "macro.docx",
                package(&[
                    "[Content_Types].xml",
                    "word/document.xml",
                    "word/vbaProject.bin",
                ]),
            ),
            upload("broken.docx", b"PK\x03\x04 not really a zip".to_vec()),
            upload("empty.pdf", Vec::new()),
        ];
        for file in refused {
            let name = file.as_ref().unwrap().file_name.clone();
            assert_eq!(check(file), Err(Problem::AttachmentType), "{name}");
        }
        let mut big = pdf();
        big.resize(limit::ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(check(upload("big.pdf", big)), Err(Problem::AttachmentSize));
    }
}
