-- Interviews (issue 7): question-and-answer stories of kind 'interview' with who is
-- interviewed. `country` is the ISO 3166 code of the interviewee's country of
-- residence (the listing's filter); names and roles are per edition.
CREATE TABLE interviews (
    story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    country  TEXT NOT NULL CHECK (length(country) = 2)
);
CREATE INDEX interviews_country ON interviews (country);

CREATE TABLE interview_translations (
    story_id     INTEGER NOT NULL REFERENCES interviews (story_id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (code),
    interviewee  TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    country_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;
