//! Op-ed attachments: a PDF or a Word document (.docx) under the size limit, recognised
//! by what the file is (`content::documents`), stored under a safe name.

use super::{limit, Problem};
use content::documents::sniff;

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
mod tests {
    use super::*;
    use content::documents::samples::{docx, package, pdf};
    use content::documents::{DOCX, PDF};

    fn upload(name: &str, bytes: Vec<u8>) -> Option<Upload> {
        Some(Upload {
            file_name: name.into(),
            bytes,
        })
    }

    #[test]
    fn documents_are_recognised_by_content() {
        let document = check(upload("Ma tribune.pdf", pdf())).unwrap().unwrap();
        assert_eq!(
            (document.content_type, document.file_name.as_str()),
            (PDF, "Ma tribune.pdf")
        );
        // The name does not decide: a PDF called .docx is stored as a PDF.
        let renamed = check(upload("x.docx", pdf())).unwrap().unwrap();
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
