//! Volume generator for benchmarks: fills a database with N synthetic articles spread
//! over the demo's sections and eighteen years, a third of them in all three languages,
//! so pages and queries can be measured at the scale of the real archive (100,000+).

use super::write::{self, NewStory, NewTranslation};
use super::{DataError, DataResult};
use crate::lang::Lang;
use crate::model::StoryKind;
use crate::Db;

/// Vocabulary of the generated French articles.
pub const WORDS_FR: [&str; 24] = [
    "migration",
    "diaspora",
    "Maroc",
    "Europe",
    "jeunesse",
    "culture",
    "intégration",
    "colloque",
    "mémoire",
    "frontières",
    "travailleurs",
    "étudiants",
    "exposition",
    "citoyenneté",
    "femmes",
    "retour",
    "investissement",
    "langue",
    "religion",
    "droits",
    "recherche",
    "festival",
    "livres",
    "transferts",
];
/// Vocabulary of the generated Arabic articles.
pub const WORDS_AR: [&str; 24] = [
    "الهجرة",
    "الجالية",
    "المغرب",
    "أوروبا",
    "الشباب",
    "الثقافة",
    "الاندماج",
    "ندوة",
    "الذاكرة",
    "الحدود",
    "العمال",
    "الطلبة",
    "معرض",
    "المواطنة",
    "النساء",
    "العودة",
    "الاستثمار",
    "اللغة",
    "الدين",
    "الحقوق",
    "البحث",
    "مهرجان",
    "الكتب",
    "التحويلات",
];
/// Vocabulary of the generated English articles.
pub const WORDS_EN: [&str; 24] = [
    "migration",
    "diaspora",
    "Morocco",
    "Europe",
    "youth",
    "culture",
    "integration",
    "conference",
    "memory",
    "borders",
    "workers",
    "students",
    "exhibition",
    "citizenship",
    "women",
    "return",
    "investment",
    "language",
    "religion",
    "rights",
    "research",
    "festival",
    "books",
    "remittances",
];

/// Syllables of the generated names of people and places (about 4,000 of each script),
/// so that searches for a name are as selective as in the real archive.
const SYLLABLES_LATIN: [&str; 16] = [
    "ka", "mi", "ra", "bel", "dou", "sa", "la", "ha", "nou", "ri", "za", "to", "ben", "el", "ya",
    "fa",
];
const SYLLABLES_ARABIC: [&str; 16] = [
    "كا", "مي", "را", "بل", "دو", "سا", "لا", "ها", "نو", "ري", "زا", "تو", "بن", "عل", "يا", "فا",
];

/// A generated proper name: two or three syllables of the script of `lang`.
fn name(rng: &mut Rng, lang: Lang) -> String {
    let syllables = if lang == Lang::Ar {
        &SYLLABLES_ARABIC
    } else {
        &SYLLABLES_LATIN
    };
    let count = 2 + rng.pick(2);
    let mut name: String = (0..count).map(|_| syllables[rng.pick(16)]).collect();
    if lang != Lang::Ar {
        name[..1].make_ascii_uppercase();
    }
    name
}

/// The vocabulary of generated articles in `lang`.
pub fn words_of(lang: Lang) -> &'static [&'static str; 24] {
    match lang {
        Lang::Fr => &WORDS_FR,
        Lang::Ar => &WORDS_AR,
        Lang::En => &WORDS_EN,
    }
}

/// `count` of the names generated articles in `lang` carry (same seed, same names).
pub fn sample_names(lang: Lang, count: usize) -> Vec<String> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    (0..count).map(|_| name(&mut rng, lang)).collect()
}

/// Small deterministic generator (xorshift): the same N always gives the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: &[&str; 24], count: usize) -> String {
    (0..count)
        .map(|_| words[rng.pick(words.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds `count` generated articles (keys `gen-<n>`, so re-running adds nothing twice).
/// Returns how many were created.
pub async fn generate_articles(pool: &Db, count: u32) -> DataResult<u32> {
    let leaves: Vec<i64> = crate::sql::query_scalar(
        "SELECT s.id FROM sections s WHERE NOT EXISTS (SELECT 1 FROM sections c WHERE c.parent_id = s.id)",
    )
    .fetch_all(pool)
    .await?;
    if leaves.is_empty() {
        return Err(DataError::Invalid(
            "no sections: seed the demo first".into(),
        ));
    }
    let covers: Vec<i64> = crate::sql::query_scalar("SELECT id FROM media WHERE kind = 'image'")
        .fetch_all(pool)
        .await?;
    let start: i64 =
        crate::sql::query_scalar("SELECT count(*) FROM stories WHERE source_key LIKE 'gen-%'")
            .fetch_one(pool)
            .await?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ start as u64);
    let mut created = 0;
    let span_seconds: u64 = 18 * 365 * 24 * 3600;
    for batch_start in (0..count).step_by(2000) {
        let mut tx = crate::write_tx(pool).await?;
        for n in batch_start..count.min(batch_start + 2000) {
            let number = start + i64::from(n) + 1;
            let key = format!("gen-{number}");
            // Dates from 2008 to 2025, in seconds since 2008-01-01.
            let offset = rng.next() % span_seconds;
            let date = iso_from_offset(offset);
            let section = leaves[rng.pick(leaves.len())];
            let cover =
                (!covers.is_empty() && rng.pick(3) > 0).then(|| covers[rng.pick(covers.len())]);
            let langs: &[Lang] = if number % 3 == 0 {
                &Lang::ALL
            } else {
                &[Lang::Fr]
            };
            let texts: Vec<(Lang, String, String, String, String)> = langs
                .iter()
                .map(|&lang| {
                    let words = words_of(lang);
                    let person = name(&mut rng, lang);
                    let place = name(&mut rng, lang);
                    let title = format!("{} {person}", sentence(&mut rng, words, 6));
                    let slug = format!("{}-{number}", write::slugify(&title));
                    let summary = format!("{place}: {}", sentence(&mut rng, words, 24));
                    let body: String = (0..5)
                        .map(|_| format!("<p>{} {person}.</p>", sentence(&mut rng, words, 60)))
                        .collect();
                    (lang, title, slug, summary, body)
                })
                .collect();
            let translations: Vec<NewTranslation> = texts
                .iter()
                .map(|(lang, title, slug, summary, body)| NewTranslation {
                    cover_media_id: cover,
                    ..NewTranslation::published(*lang, slug, title, summary, body, &date)
                })
                .collect();
            let story = NewStory {
                kind: StoryKind::Article,
                section_id: Some(section),
                featured: false,
                source_key: Some(&key),
            };
            let (_, new) = write::insert_story(&mut tx, &story, &translations).await?;
            created += u32::from(new);
        }
        tx.commit().await?;
    }
    Ok(created)
}

/// `2008-01-01T00:00:00Z` plus `offset` seconds, as ISO-8601 (proleptic Gregorian).
fn iso_from_offset(offset: u64) -> String {
    let mut days = offset / 86_400;
    let secs = offset % 86_400;
    let mut year = 2008;
    loop {
        let len = if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
            366
        } else {
            365
        };
        if days < len {
            break;
        }
        days -= len;
        year += 1;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while days >= lengths[month] {
        days -= lengths[month];
        month += 1;
    }
    format!(
        "{year:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        month + 1,
        days + 1,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_db;

    #[test]
    fn offsets_become_valid_dates() {
        assert_eq!(iso_from_offset(0), "2008-01-01T00:00:00Z");
        assert_eq!(iso_from_offset(59 * 86_400), "2008-02-29T00:00:00Z");
        assert_eq!(iso_from_offset(366 * 86_400 + 3661), "2009-01-01T01:01:01Z");
    }

    #[tokio::test]
    async fn generator_adds_articles_once_per_key() {
        let db = test_db::with_demo().await;
        assert_eq!(generate_articles(&db.pool, 30).await.unwrap(), 30);
        let ar: i64 = crate::sql::query_scalar(
            "SELECT count(*) FROM story_translations t JOIN stories s ON s.id = t.story_id
             WHERE s.source_key LIKE 'gen-%' AND t.lang = 'ar'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(ar, 10, "every third article in Arabic too");
        assert_eq!(
            generate_articles(&db.pool, 5).await.unwrap(),
            5,
            "continues numbering"
        );
    }
}
