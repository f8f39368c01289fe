//! Generated cover illustrations of the demo articles: abstract patterns in the
//! institution's colours, written as SVG under `MEDIA_DIR/demo/`.

use crate::lang::Lang;
use crate::DataResult;
use std::path::Path;

/// A generated cover illustration: an abstract pattern in the institution's colours.
pub struct Cover {
    pub path: String,
    pub svg: String,
    motif: usize,
}

const PALETTES: [(&str, &str, &str); 6] = [
    ("#0b5d4b", "#1f8a70", "#f2c14e"),
    ("#7a1f2b", "#b23a48", "#f4d58d"),
    ("#17324d", "#2e5c8a", "#e9c46a"),
    ("#3d2c5b", "#6b4c9a", "#f2a65a"),
    ("#7c4a03", "#c27c0e", "#f6e7c1"),
    ("#24414e", "#3f7d8c", "#e76f51"),
];
const MOTIF_ALT: [[&str; 3]; 2] = [
    [
        "Illustration : motif géométrique inspiré du zellige",
        "رسم توضيحي: زخرفة هندسية مستوحاة من الزليج",
        "Illustration: geometric pattern inspired by zellige tiles",
    ],
    [
        "Illustration : vagues stylisées entre deux rives",
        "رسم توضيحي: أمواج منمقة بين ضفتين",
        "Illustration: stylised waves between two shores",
    ],
];

impl Cover {
    /// Alt text of this cover in `lang`.
    pub fn alt(&self, lang: Lang) -> &'static str {
        let idx = match lang {
            Lang::Fr => 0,
            Lang::Ar => 1,
            Lang::En => 2,
        };
        MOTIF_ALT[self.motif][idx]
    }
}

/// The demo's twelve covers (SVG, 1200×675), written under `media_dir/demo/`.
pub fn write_covers(media_dir: &Path) -> DataResult<Vec<Cover>> {
    let dir = media_dir.join("demo");
    std::fs::create_dir_all(&dir)?;
    let covers: Vec<Cover> = (0..12).map(cover_svg).collect();
    for cover in &covers {
        super::write_if_changed(&media_dir.join(&cover.path), cover.svg.as_bytes())?;
    }
    Ok(covers)
}

fn cover_svg(index: usize) -> Cover {
    let (dark, mid, accent) = PALETTES[index % PALETTES.len()];
    let motif = index % 2;
    let shapes: String = if motif == 0 {
        (0..6)
            .flat_map(|row| (0..10).map(move |col| (row, col)))
            .map(|(row, col)| {
                let (x, y) = (col * 130 + (row % 2) * 65, row * 130 + 20);
                let fill = if (row + col + index).is_multiple_of(3) {
                    accent
                } else {
                    mid
                };
                format!(r#"<path d="M{x} {y}l50 50-50 50-50-50z" fill="{fill}" opacity=".85"/>"#)
            })
            .collect()
    } else {
        (0..7)
            .map(|i| {
                let y = 120 + i * 80;
                let fill = if i % 3 == index % 3 { accent } else { mid };
                format!(
                    r#"<path d="M0 {y}q150-70 300 0t300 0 300 0 300 0v80H0z" fill="{fill}" opacity="{:.2}"/>"#,
                    0.35 + i as f32 * 0.08
                )
            })
            .collect()
    };
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><rect width="1200" height="675" fill="{dark}"/>{shapes}</svg>"#
    );
    Cover {
        path: format!("demo/cover-{index:02}.svg"),
        svg,
        motif,
    }
}
