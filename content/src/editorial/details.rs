//! What each kind of story has besides its text, edited beside it: a publication's
//! year, ISBN, languages, pages, authors and contents; an episode's programme, number,
//! strand, speakers and transcript; an interview's country and interviewee; a
//! profile's country, field, name and city. Fields of the story are shared by its
//! versions; the others are written per language. Column names come from the constant
//! tables below, never from what is posted.

use crate::faces::index::{initial, sort_key};
use crate::lang::Lang;
use crate::model::EditorProblem;
use crate::model::StoryKind;
use crate::model::FIELDS;
use crate::DataResult;
use crate::{Db, Tx};

/// How a detail is typed and checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Text,
    /// Several lines (a table of contents, a transcript).
    Long,
    /// A whole number from 0.
    Number,
    /// A year from 1900 to 2100.
    Year,
    /// 10 or 13 digits (dashes and spaces are dropped; a final X for ISBN-10).
    Isbn,
    /// Language codes separated by commas (`fr,ar`).
    Languages,
    /// An ISO 3166 two-letter country code.
    Country,
    /// One of the profile fields ([`FIELDS`]).
    Field,
    /// One of the podcast programmes (by id).
    Programme,
    /// A picture of the media library (by id): an interviewee's portrait.
    Picture,
}

/// One detail of a kind.
#[derive(Clone, Copy, Debug)]
pub struct Detail {
    /// Its column, and its form field as `detail_<name>`.
    pub name: &'static str,
    /// Written per language (in the kind's translations table) or once for the story.
    pub per_version: bool,
    pub input: Input,
    pub required: bool,
}

/// The details of one kind of story and where they are kept.
#[derive(Debug)]
pub struct KindDetails {
    pub kind: StoryKind,
    table: &'static str,
    versions: &'static str,
    /// Makes the kind's row of a new story with defaults (`?1` story, `?2` language).
    create: crate::sql::Sql<'static>,
    pub details: &'static [Detail],
}

const fn detail(name: &'static str, per_version: bool, input: Input, required: bool) -> Detail {
    Detail {
        name,
        per_version,
        input,
        required,
    }
}

/// Every kind with details.
pub static KINDS: [KindDetails; 4] = [
    KindDetails {
        kind: StoryKind::Publication,
        table: "publications",
        versions: "publication_translations",
        create: crate::sql::dialect_const!(const_format::concatcp!(
            "INSERT INTO publications (story_id, year, languages)
                 VALUES (?1, ",
            CURRENT_YEAR,
            ", ?2) ON CONFLICT DO NOTHING"
        )),
        details: &[
            detail("year", false, Input::Year, true),
            detail("isbn", false, Input::Isbn, false),
            detail("languages", false, Input::Languages, true),
            detail("pages", false, Input::Number, false),
            detail("authors", true, Input::Text, false),
            detail("contents", true, Input::Long, false),
        ],
    },
    KindDetails {
        kind: StoryKind::Episode,
        table: "episodes",
        versions: "episode_translations",
        create: crate::sql::Sql::each(
            "INSERT INTO episodes (story_id, programme_id, duration_seconds)
                 SELECT ?1, id, 0 FROM programmes WHERE ?2 IS NOT NULL
                 ORDER BY position, id LIMIT 1 ON CONFLICT DO NOTHING",
            "INSERT INTO episodes (story_id, programme_id, duration_seconds)
                 SELECT ?1, id, 0 FROM programmes WHERE ?2 IS NOT NULL
                 ORDER BY position, id LIMIT 1 ON CONFLICT DO NOTHING",
        ),
        details: &[
            detail("programme_id", false, Input::Programme, true),
            detail("number", false, Input::Number, true),
            detail("strand", true, Input::Text, false),
            detail("speakers", true, Input::Text, false),
            detail("transcript", true, Input::Long, false),
        ],
    },
    KindDetails {
        kind: StoryKind::Interview,
        table: "interviews",
        versions: "interview_translations",
        create: crate::sql::Sql::each(
            "INSERT INTO interviews (story_id, country)
                 SELECT ?1, 'MA' WHERE ?2 IS NOT NULL ON CONFLICT DO NOTHING",
            "INSERT INTO interviews (story_id, country)
                 SELECT ?1, 'MA' WHERE ?2 IS NOT NULL ON CONFLICT DO NOTHING",
        ),
        details: &[
            detail("country", false, Input::Country, true),
            detail("interviewee", true, Input::Text, true),
            detail("role", true, Input::Text, false),
            detail("country_name", true, Input::Text, false),
            detail("portrait_id", false, Input::Picture, false),
        ],
    },
    KindDetails {
        kind: StoryKind::Profile,
        table: "profiles",
        versions: "profile_translations",
        create: crate::sql::Sql::each(
            "INSERT INTO profiles (story_id, country, field)
                 SELECT ?1, 'MA', 'civic' WHERE ?2 IS NOT NULL ON CONFLICT DO NOTHING",
            "INSERT INTO profiles (story_id, country, field)
                 SELECT ?1, 'MA', 'civic' WHERE ?2 IS NOT NULL ON CONFLICT DO NOTHING",
        ),
        details: &[
            detail("country", false, Input::Country, true),
            detail("field", false, Input::Field, true),
            detail("sort_name", true, Input::Text, true),
            detail("city", true, Input::Text, false),
            detail("country_name", true, Input::Text, false),
        ],
    },
];

/// The details of a kind of story, if it has any.
pub fn of_kind(kind: StoryKind) -> Option<&'static KindDetails> {
    KINDS.iter().find(|k| k.kind == kind)
}

/// A checked value, as stored.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Null,
    Int(i64),
    Text(String),
}

/// Longest text of one detail.
const MAX_CHARS: usize = 20_000;

/// What `typed` becomes once checked against `detail`, or why it is refused.
fn checked(detail: &Detail, typed: &str) -> Result<Value, EditorProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return match detail.required {
            true => Err(EditorProblem::DetailMissing),
            false if detail.per_version => Ok(Value::Text(String::new())),
            false => Ok(Value::Null),
        };
    }
    let number = |range: std::ops::RangeInclusive<i64>| {
        typed
            .parse::<i64>()
            .ok()
            .filter(|n| range.contains(n))
            .map(Value::Int)
            .ok_or(EditorProblem::DetailInvalid)
    };
    match detail.input {
        Input::Text | Input::Long if typed.chars().count() <= MAX_CHARS => {
            Ok(Value::Text(typed.to_owned()))
        }
        Input::Text | Input::Long => Err(EditorProblem::DetailInvalid),
        Input::Number => number(0..=100_000),
        Input::Year => number(1900..=2100),
        Input::Programme | Input::Picture => number(1..=i64::MAX),
        Input::Isbn => {
            let isbn: String = typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
            let (body, last) = isbn.split_at(isbn.len().saturating_sub(1));
            let digits = body.chars().all(|c| c.is_ascii_digit());
            let last_ok = last.chars().all(|c| c.is_ascii_digit())
                || (isbn.len() == 10 && last.eq_ignore_ascii_case("x"));
            match (isbn.len(), digits && last_ok) {
                (10 | 13, true) => Ok(Value::Text(isbn.to_ascii_uppercase())),
                _ => Err(EditorProblem::DetailInvalid),
            }
        }
        Input::Languages => {
            let codes: Option<Vec<&str>> = typed
                .split([',', '،', ' '])
                .filter(|c| !c.is_empty())
                .map(|c| Lang::from_code(&c.to_ascii_lowercase()).map(Lang::code))
                .collect();
            match codes {
                Some(codes) if !codes.is_empty() => Ok(Value::Text(codes.join(","))),
                _ => Err(EditorProblem::DetailInvalid),
            }
        }
        Input::Country => {
            match typed.len() == 2 && typed.chars().all(|c| c.is_ascii_alphabetic()) {
                true => Ok(Value::Text(typed.to_ascii_uppercase())),
                false => Err(EditorProblem::DetailInvalid),
            }
        }
        Input::Field => match FIELDS.contains(&typed) {
            true => Ok(Value::Text(typed.to_owned())),
            false => Err(EditorProblem::DetailInvalid),
        },
    }
}

/// The value typed for `name` among the posted details.
fn typed<'a>(values: &'a [(String, String)], name: &str) -> &'a str {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The problems of the details typed for a story of `kind`, by field (`detail_<name>`).
pub fn check(kind: StoryKind, values: &[(String, String)]) -> Vec<(String, EditorProblem)> {
    let Some(kind) = of_kind(kind) else {
        return Vec::new();
    };
    kind.details
        .iter()
        .filter_map(|d| {
            let problem = checked(d, typed(values, d.name)).err()?;
            Some((format!("detail_{}", d.name), problem))
        })
        .collect()
}

/// The stored details of version `lang` of story `story_id`, as the editor shows them.
pub async fn values(
    pool: &Db,
    story_id: i64,
    kind: StoryKind,
    lang: Lang,
) -> DataResult<Vec<(String, String)>> {
    let Some(kind) = of_kind(kind) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for per_version in [false, true] {
        let names: Vec<&str> = kind
            .details
            .iter()
            .filter(|d| d.per_version == per_version)
            .map(|d| d.name)
            .collect();
        let (table, version) = match per_version {
            true => (kind.versions, "AND lang = ?2"),
            false => (kind.table, "AND ?2 IS NOT NULL"),
        };
        // One row per detail, named: the details are of several types, read as text.
        let sql = names
            .iter()
            .map(|n| {
                format!(
                    "SELECT '{n}', CAST({n} AS TEXT) FROM {table} WHERE story_id = ?1 {version}"
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let stored: Vec<(String, Option<String>)> = match names.is_empty() {
            true => Vec::new(),
            false => {
                crate::sql::query_as(&sql)
                    .bind(story_id)
                    .bind(lang.code())
                    .fetch_all(pool)
                    .await?
            }
        };
        for name in names {
            let value = stored
                .iter()
                .find(|(stored_name, _)| stored_name == name)
                .and_then(|(_, value)| value.clone());
            out.push((name.to_owned(), value.unwrap_or_default()));
        }
    }
    Ok(out)
}

/// Writes the details typed for version `lang` of story `story_id` (already checked
/// with [`check`]); makes the kind's row first for a new story.
pub async fn save(
    conn: &mut Tx,
    story_id: i64,
    kind: StoryKind,
    lang: Lang,
    values: &[(String, String)],
) -> DataResult<()> {
    let Some(kind) = of_kind(kind) else {
        return Ok(());
    };
    crate::sql::query(&kind.create)
        .bind(story_id)
        .bind(lang.code())
        .execute(&mut *conn)
        .await?;
    let mut story = Vec::new();
    let mut version = Vec::new();
    for d in kind.details {
        let Ok(value) = checked(d, typed(values, d.name)) else {
            continue;
        };
        // A forged id (the form offers only existing ones) leaves the stored value.
        let known_in = match d.input {
            Input::Programme => Some("SELECT EXISTS (SELECT 1 FROM programmes WHERE id = ?)"),
            Input::Picture => {
                Some("SELECT EXISTS (SELECT 1 FROM media WHERE id = ? AND kind = 'image')")
            }
            _ => None,
        };
        if let (Some(sql), Value::Int(id)) = (known_in, &value) {
            let known: bool = crate::sql::query_scalar(sql)
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
            if !known {
                continue;
            }
        }
        match d.per_version {
            true => version.push((d.name, value)),
            false => story.push((d.name, value)),
        }
    }
    if kind.kind == StoryKind::Profile {
        // The A–Z index files a person by the sort form of their name.
        let name = typed(values, "sort_name");
        let key = sort_key(name);
        version.push(("initial", Value::Text(initial(&key))));
        version.push(("sort_key", Value::Text(key)));
    }
    if !story.is_empty() {
        let sets: Vec<String> = story.iter().map(|(n, _)| format!("{n} = ?")).collect();
        let sql = format!(
            "UPDATE {} SET {} WHERE story_id = ?",
            kind.table,
            sets.join(", ")
        );
        let query = story
            .iter()
            .fold(crate::sql::query(&sql), |q, (_, v)| bind(q, v));
        query.bind(story_id).execute(&mut *conn).await?;
    }
    let names: Vec<&str> = version.iter().map(|(n, _)| *n).collect();
    let marks = vec!["?"; names.len()].join(", ");
    let updates: Vec<String> = names
        .iter()
        .map(|n| format!("{n} = excluded.{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} (story_id, lang, {}) VALUES (?, ?, {marks})
         ON CONFLICT (story_id, lang) DO UPDATE SET {}",
        kind.versions,
        names.join(", "),
        updates.join(", ")
    );
    // Only when the story's own row exists (an episode needs a programme first).
    let exists: bool = crate::sql::query_scalar(&format!(
        "SELECT EXISTS (SELECT 1 FROM {} WHERE story_id = ?)",
        kind.table
    ))
    .bind(story_id)
    .fetch_one(&mut *conn)
    .await?;
    if exists {
        let query = crate::sql::query(&sql).bind(story_id).bind(lang.code());
        let query = version.iter().fold(query, |q, (_, v)| bind(q, v));
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

type Query<'q> = crate::sql::Query<'q>;

fn bind<'q>(query: Query<'q>, value: &'q Value) -> Query<'q> {
    match value {
        Value::Null => query.bind(None::<String>),
        Value::Int(n) => query.bind(*n),
        Value::Text(text) => query.bind(text.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editorial::save::{save as save_version, EditorInput, Saved};
    use crate::model::{EditorAction, Role, StoryFields};
    use crate::{faces, library, podcasts, test_db};

    fn typed(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn details_are_checked_by_their_form() {
        let problems = check(
            StoryKind::Publication,
            &typed(&[
                ("year", "85"),
                ("isbn", "978-9954-06-139-9"),
                ("languages", "fr, xx"),
            ]),
        );
        let fields: Vec<_> = problems.iter().map(|(f, p)| format!("{f}:{p:?}")).collect();
        assert_eq!(
            fields,
            [
                "detail_year:DetailInvalid",
                "detail_languages:DetailInvalid"
            ]
        );
        let fine = typed(&[
            ("year", "2025"),
            ("isbn", "2-7071-3465-X"),
            ("languages", "ar,fr"),
        ]);
        assert!(check(StoryKind::Publication, &fine).is_empty());
        let problems = check(StoryKind::Interview, &typed(&[("country", "France")]));
        assert_eq!(
            problems.len(),
            2,
            "country form, interviewee missing: {problems:?}"
        );
        assert!(
            check(StoryKind::Article, &[]).is_empty(),
            "articles have no details"
        );
        assert!(
            checked(&KINDS[3].details[1], "astrology").is_err(),
            "profile fields are a list"
        );
    }

    #[tokio::test]
    async fn new_stories_of_each_kind_reach_their_public_pages() {
        let db = test_db::with_demo().await;
        let pool = &db.pool;
        let editor = test_db::account(pool, "e@ccme.example", Role::Editor).await;
        let publish = |kind: StoryKind, title: &str, details: &[(&str, &str)]| {
            let input = EditorInput {
                kind,
                section_id: None,
                cover_id: None,
                fields: StoryFields {
                    title: title.into(),
                    body: "Texte.".into(),
                    details: typed(details),
                    ..StoryFields::default()
                },
                action: EditorAction::Publish,
                publish_at: Ok(None),
            };
            let editor = editor.clone();
            async move {
                match save_version(pool, &editor, None, Lang::Fr, &input)
                    .await
                    .unwrap()
                {
                    Saved::Done { story_id, .. } => story_id,
                    other => panic!("{other:?}"),
                }
            }
        };
        let (picture, path): (i64, String) =
            crate::sql::query_as("SELECT id, path FROM media WHERE kind = 'image' LIMIT 1")
                .fetch_one(pool)
                .await
                .unwrap();
        let interview = publish(
            StoryKind::Interview,
            "Entretien avec Amal",
            &[
                ("country", "be"),
                ("interviewee", "Amal Idrissi"),
                ("role", "Chercheuse"),
                ("portrait_id", &picture.to_string()),
            ],
        )
        .await;
        let listed = crate::interviews::interviews(pool, Lang::Fr, Some("BE"))
            .await
            .unwrap();
        assert!(format!("{listed:?}").contains("Amal Idrissi"), "{listed:?}");
        let portrait = |story| async move {
            faces::person(pool, Lang::Fr, story, StoryKind::Interview)
                .await
                .unwrap()
                .unwrap()
                .portrait
                .map(|image| image.src)
        };
        assert_eq!(portrait(interview).await, Some(format!("/media/{path}")));
        // Ids the form never offers (no such item) are not stored.
        let forged = publish(
            StoryKind::Interview,
            "Entretien avec Yassine",
            &[
                ("country", "BE"),
                ("interviewee", "Yassine"),
                ("portrait_id", "999999"),
            ],
        )
        .await;
        assert_eq!(portrait(forged).await, None);

        let profile = publish(
            StoryKind::Profile,
            "Karim Tazi, chef",
            &[
                ("country", "CA"),
                ("field", "arts"),
                ("sort_name", "Tazi, Karim"),
                ("city", "Montréal"),
            ],
        )
        .await;
        let person = faces::person(pool, Lang::Fr, profile, StoryKind::Profile)
            .await
            .unwrap()
            .unwrap();
        assert!(person.place.contains("Montréal"), "{person:?}");
        let initial: String =
            crate::sql::query_scalar("SELECT initial FROM profile_translations WHERE story_id = ?")
                .bind(profile)
                .fetch_one(pool)
                .await
                .unwrap();
        assert_eq!(initial, "T", "filed under T in the A–Z index");

        publish(
            StoryKind::Publication,
            "Atlas des migrations",
            &[
                ("year", "2026"),
                ("languages", "fr,ar"),
                ("pages", "212"),
                ("authors", "CCME"),
                ("contents", "Introduction\nCartes"),
            ],
        )
        .await;
        let book = library::publication(pool, Lang::Fr, "atlas-des-migrations")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (book.item.year, book.pages, book.contents.len()),
            (2026, Some(212), 2)
        );
        assert_eq!(book.item.languages, [Lang::Fr, Lang::Ar]);

        let programme: String = crate::sql::query_scalar(
            "SELECT CAST(id AS TEXT) FROM programmes ORDER BY id DESC LIMIT 1",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        publish(
            StoryKind::Episode,
            "Épisode spécial",
            &[
                ("programme_id", &programme),
                ("number", "99"),
                ("speakers", "Nadia, Omar"),
            ],
        )
        .await;
        let episode = podcasts::episode(pool, Lang::Fr, "episode-special")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (episode.episode.number, episode.episode.speakers.as_str()),
            (99, "Nadia, Omar")
        );
    }
}
