//! The file a story carries besides its text: a publication's PDF, an episode's sound
//! (with its length), chosen in the editor among the media library's documents and
//! sounds. One per story, shared by its language versions.

use crate::model::{EditorProblem, StoryKind};
use crate::DataResult;
use crate::{Db, Tx};

/// The library kind of the file a story of `kind` carries, if any.
pub fn file_kind(story_kind: StoryKind) -> Option<&'static str> {
    match story_kind {
        StoryKind::Publication => Some("pdf"),
        StoryKind::Episode => Some("audio"),
        StoryKind::Article | StoryKind::Interview | StoryKind::Profile | StoryKind::Page => None,
    }
}

/// A length typed as `seconds`, `minutes:seconds` or `hours:minutes:seconds`:
/// `Ok(None)` when empty, refused when not a length (of a day at most).
pub fn parse_duration(typed: &str) -> Result<Option<i64>, EditorProblem> {
    parse_seconds(typed).map_err(|()| EditorProblem::DurationInvalid)
}

fn parse_seconds(typed: &str) -> Result<Option<i64>, ()> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = typed.split(':').collect();
    if parts.len() > 3 {
        return Err(());
    }
    let mut seconds: i64 = 0;
    for (index, part) in parts.iter().enumerate() {
        let value: i64 = part.trim().parse().map_err(|_| ())?;
        if value < 0 || (index > 0 && value >= 60) {
            return Err(());
        }
        seconds = seconds
            .checked_mul(60)
            .ok_or(())?
            .checked_add(value)
            .ok_or(())?;
    }
    (seconds <= 24 * 3600).then_some(Some(seconds)).ok_or(())
}

/// A length as the editor shows it: `m:ss`, or `h:mm:ss` from an hour.
pub fn format_duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The attached file's id and the length (episodes), as the editor's fields show them.
pub async fn fields_of(
    pool: &Db,
    story_id: i64,
    story_kind: StoryKind,
) -> DataResult<(String, String)> {
    let row: Option<(Option<i64>, Option<i64>)> = match story_kind {
        StoryKind::Publication => {
            crate::sql::query_as("SELECT pdf_media_id, NULL FROM publications WHERE story_id = ?")
                .bind(story_id)
                .fetch_optional(pool)
                .await?
        }
        StoryKind::Episode => {
            crate::sql::query_as(
                "SELECT audio_media_id, duration_seconds FROM episodes WHERE story_id = ?",
            )
            .bind(story_id)
            .fetch_optional(pool)
            .await?
        }
        _ => None,
    };
    let (file, length) = row.unwrap_or_default();
    Ok((
        file.map(|id| id.to_string()).unwrap_or_default(),
        length.map(format_duration).unwrap_or_default(),
    ))
}

/// Attaches the file typed (`attachment`: a library id of the right kind, else none)
/// and, for an episode, the length when one is given.
pub async fn save(
    conn: &mut Tx,
    story_id: i64,
    story_kind: StoryKind,
    attachment: &str,
    duration: Option<i64>,
) -> DataResult<()> {
    let Some(kind) = file_kind(story_kind) else {
        return Ok(());
    };
    let file: Option<i64> = attachment.trim().parse().ok();
    let sql = match kind {
        "pdf" => {
            "UPDATE publications SET pdf_media_id = (SELECT id FROM media WHERE id = ?1 AND kind = 'pdf')
             WHERE story_id = ?2"
        }
        _ => {
            "UPDATE episodes SET audio_media_id = (SELECT id FROM media WHERE id = ?1 AND kind = 'audio'),
                                 duration_seconds = COALESCE(?3, duration_seconds)
             WHERE story_id = ?2"
        }
    };
    crate::sql::query(sql)
        .bind(file)
        .bind(story_id)
        .bind(duration)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editorial::save::{save as save_version, EditorInput, Saved};
    use crate::lang::Lang;
    use crate::model::{EditorAction, Role, StoryFields};
    use crate::{library, media_files, podcasts, test_db};

    #[tokio::test]
    async fn publications_and_episodes_get_their_file_from_the_library() {
        let db = test_db::with_demo().await;
        let dir = tempfile::tempdir().unwrap();
        let pool = &db.pool;
        let editor = test_db::account(pool, "e@ccme.example", Role::Editor).await;
        let id = editor.id;
        let pdf = crate::documents::samples::pdf();
        let pdf = media_files::store_file(pool, dir.path(), pdf, "rapport.pdf", &[], id)
            .await
            .unwrap()
            .unwrap();
        let wav = crate::podcasts::wav::tones(1, 1);
        let sound = media_files::store_file(pool, dir.path(), wav, "entretien.wav", &[], id)
            .await
            .unwrap()
            .unwrap();
        let story = |kind: &'static str| async move {
            crate::sql::query_as::<(i64, String)>(
                "SELECT story_id, slug FROM story_translations WHERE kind = ? AND lang = 'fr'
                 AND status = 'published' ORDER BY id LIMIT 1",
            )
            .bind(kind)
            .fetch_one(pool)
            .await
            .unwrap()
        };
        let post = |story_id: i64, mut fields: StoryFields| {
            let editor = editor.clone();
            async move {
                // As the editor posts them: with the kind's stored details.
                let kind: StoryKind =
                    crate::sql::query_scalar("SELECT kind FROM stories WHERE id = ?")
                        .bind(story_id)
                        .fetch_one(pool)
                        .await
                        .unwrap();
                fields.details = super::super::details::values(pool, story_id, kind, Lang::Fr)
                    .await
                    .unwrap();
                let input = EditorInput {
                    kind,
                    section_id: None,
                    cover_id: None,
                    fields,
                    action: EditorAction::Save,
                    publish_at: Ok(None),
                };
                save_version(pool, &editor, Some(story_id), Lang::Fr, &input)
                    .await
                    .unwrap()
            }
        };
        let (book, slug) = story("publication").await;
        let (attachment, _) = fields_of(pool, book, StoryKind::Publication).await.unwrap();
        let title: String = crate::sql::query_scalar(
            "SELECT title FROM story_translations WHERE story_id = ? AND lang = 'fr'",
        )
        .bind(book)
        .fetch_one(pool)
        .await
        .unwrap();
        let fields = StoryFields {
            title: title.clone(),
            attachment: pdf.to_string(),
            ..StoryFields::default()
        };
        assert!(matches!(post(book, fields).await, Saved::Done { .. }));
        let page = library::publication(pool, Lang::Fr, &slug)
            .await
            .unwrap()
            .unwrap();
        assert!(page.pdf.unwrap().href.ends_with(".pdf"));
        assert_ne!(
            fields_of(pool, book, StoryKind::Publication)
                .await
                .unwrap()
                .0,
            attachment
        );
        // A sound is not a publication's PDF: the field is left empty.
        let fields = StoryFields {
            title,
            attachment: sound.to_string(),
            ..StoryFields::default()
        };
        post(book, fields).await;
        assert_eq!(
            fields_of(pool, book, StoryKind::Publication)
                .await
                .unwrap()
                .0,
            ""
        );

        let (episode, slug) = story("episode").await;
        let title: String = crate::sql::query_scalar(
            "SELECT title FROM story_translations WHERE story_id = ? AND lang = 'fr'",
        )
        .bind(episode)
        .fetch_one(pool)
        .await
        .unwrap();
        let bad = StoryFields {
            title: title.clone(),
            duration: "4:75".into(),
            ..StoryFields::default()
        };
        assert_eq!(
            post(episode, bad).await,
            Saved::Refused(vec![("duration".into(), EditorProblem::DurationInvalid)])
        );
        let fields = StoryFields {
            title,
            attachment: sound.to_string(),
            duration: "42:30".into(),
            ..StoryFields::default()
        };
        post(episode, fields).await;
        let page = podcasts::episode(pool, Lang::Fr, &slug)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(page.episode.duration_seconds, 2550);
        assert!(page.episode.audio.unwrap().href.ends_with(".wav"));
        assert_eq!(
            fields_of(pool, episode, StoryKind::Episode).await.unwrap(),
            (sound.to_string(), "42:30".to_owned())
        );
    }

    #[test]
    fn lengths_are_read_and_shown_like_a_clock() {
        assert_eq!(parse_duration(""), Ok(None));
        assert_eq!(parse_duration("42:30"), Ok(Some(2550)));
        assert_eq!(parse_duration("1:02:03"), Ok(Some(3723)));
        assert_eq!(parse_duration(" 95 "), Ok(Some(95)));
        for bad in ["4:75", "a:10", "1:2:3:4", "-5", "25:00:00", "::"] {
            assert_eq!(
                parse_duration(bad),
                Err(EditorProblem::DurationInvalid),
                "{bad}"
            );
        }
        assert_eq!(format_duration(2550), "42:30");
        assert_eq!(format_duration(3723), "1:02:03");
        assert_eq!(format_duration(5), "0:05");
    }
}
