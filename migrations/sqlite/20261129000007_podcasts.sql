-- Podcasts (issue 7): programmes (e.g. "Spécial SIEL 2025") and their episodes. An
-- episode is a story of kind 'episode' (title, summary, slug per language, search,
-- sitemaps) plus its programme, audio file and duration.
CREATE TABLE programmes (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    position       INTEGER NOT NULL DEFAULT 0,
    cover_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL
);

CREATE TABLE programme_translations (
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (code),
    name         TEXT NOT NULL,
    slug         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (programme_id, lang),
    UNIQUE (lang, slug)
) WITHOUT ROWID;

CREATE TABLE episodes (
    story_id         INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    programme_id     INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    audio_media_id   INTEGER REFERENCES media (id) ON DELETE SET NULL,
    duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
    number           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX episodes_programme ON episodes (programme_id, number);

-- Per edition: the programme's strand ("axe") the episode belongs to, who speaks, and
-- the transcript or summary (plain text, paragraphs separated by blank lines).
CREATE TABLE episode_translations (
    story_id   INTEGER NOT NULL REFERENCES episodes (story_id) ON DELETE CASCADE,
    lang       TEXT NOT NULL REFERENCES languages (code),
    strand     TEXT NOT NULL DEFAULT '',
    speakers   TEXT NOT NULL DEFAULT '',
    transcript TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;
