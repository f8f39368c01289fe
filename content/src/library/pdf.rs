//! A minimal PDF writer for the demo library: real, valid documents (catalog, page
//! tree, one content stream a page, the standard Helvetica font, cross-reference table)
//! small enough to commit nothing and generate at seed time.

/// Text as PDF string bytes: WinAnsi (Latin-1 for the letters the demo uses), other
/// characters as `?`, with `(`, `)` and `\` escaped.
fn pdf_text(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code = match c {
            '’' => b'\'',
            '–' | '—' => b'-',
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        };
        if matches!(code, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(code);
    }
    out
}

/// A document of `pages` A5 pages: the title and `lines` on the first, numbered
/// pages of `filler` text after it.
pub fn document(title: &str, lines: &[String], filler: &str, pages: usize) -> Vec<u8> {
    let pages = pages.max(1);
    let mut streams: Vec<Vec<u8>> = Vec::with_capacity(pages);
    for number in 1..=pages {
        let mut content = b"BT\n/F1 18 Tf\n50 540 Td\n22 TL\n".to_vec();
        if number == 1 {
            content.extend_from_slice(b"(");
            content.extend(pdf_text(title));
            content.extend_from_slice(b") Tj\n/F1 11 Tf\n16 TL\nT*\n");
            for line in lines {
                content.extend_from_slice(b"(");
                content.extend(pdf_text(line));
                content.extend_from_slice(b") '\n");
            }
        } else {
            content
                .extend_from_slice(format!("/F1 10 Tf\n14 TL\n(- {number} -) Tj\nT*\n").as_bytes());
            for _ in 0..30 {
                content.extend_from_slice(b"(");
                content.extend(pdf_text(filler));
                content.extend_from_slice(b") '\n");
            }
        }
        content.extend_from_slice(b"ET\n");
        streams.push(content);
    }
    // Objects: 1 catalog, 2 page tree, 3 font, then (page, content) pairs.
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Count {pages} /Kids [{}] >>",
            (0..pages)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for (i, stream) in streams.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut object = format!("<< /Length {} >>\nstream\n", stream.len()).into_bytes();
        object.extend_from_slice(stream);
        object.extend_from_slice(b"endstream");
        objects.push(object);
    }
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_well_formed() {
        let pdf = document(
            "Études (2e édition) \\ Rabat",
            &["Sommaire".into(), "مقدمة".into()],
            "Texte de la page.",
            3,
        );
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"/Count 3"));
        assert!(has(b"(\xc9tudes \\(2e \xe9dition\\) \\\\ Rabat) Tj"));
        assert!(has(b"(?????) '"), "letters Helvetica lacks become ?");
        // Every cross-reference offset points at its object.
        let at = pdf.windows(10).rposition(|w| w == b"startxref\n").unwrap();
        let tail = std::str::from_utf8(&pdf[at + 10..]).unwrap();
        let xref_at: usize = tail.lines().next().unwrap().parse().unwrap();
        let table = std::str::from_utf8(&pdf[xref_at..]).unwrap();
        for (n, line) in table.lines().skip(3).take(9).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let header = format!("{} 0 obj", n + 1);
            assert!(
                pdf[offset..].starts_with(header.as_bytes()),
                "object {}",
                n + 1
            );
        }
        // The upload check of the op-ed form accepts it as a PDF.
        assert!(crate::documents::sniff(&pdf).is_some());
    }
}
