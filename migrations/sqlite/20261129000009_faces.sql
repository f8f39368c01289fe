-- Faces of the diaspora (issue 7): profiles are stories of kind 'profile' (title = the
-- person's name, summary = one-line bio, body = the bio, cover picture = the photo), so
-- they get translations, search, sitemaps and the language switcher like every story.
-- What only a profile has:
CREATE TABLE profiles (
    story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    -- ISO 3166 code of the country of residence (the gallery's filter).
    country  TEXT NOT NULL CHECK (length(country) = 2),
    field    TEXT NOT NULL CHECK (field IN ('arts', 'science', 'business', 'sport', 'civic'))
);
CREATE INDEX profiles_country ON profiles (country);
CREATE INDEX profiles_field ON profiles (field);

-- Per edition: the name as sorted (family name first), the letter of the A–Z index and
-- the sort key (both computed from the sort name by the application: accents, hamza
-- seats and the Arabic article folded), city and country as written in that language.
CREATE TABLE profile_translations (
    story_id     INTEGER NOT NULL REFERENCES profiles (story_id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (code),
    sort_name    TEXT NOT NULL,
    sort_key     TEXT NOT NULL,
    initial      TEXT NOT NULL,
    city         TEXT NOT NULL DEFAULT '',
    country_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;
CREATE INDEX profile_tr_index ON profile_translations (lang, initial, sort_key);

-- Articles and interviews about a person, in the editors' order.
CREATE TABLE profile_stories (
    profile_id INTEGER NOT NULL REFERENCES profiles (story_id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (profile_id, story_id)
) WITHOUT ROWID;
CREATE INDEX profile_stories_story ON profile_stories (story_id);

-- The interviewee's portrait, apart from the interview's cover picture.
ALTER TABLE interviews ADD COLUMN portrait_id INTEGER REFERENCES media (id) ON DELETE SET NULL;
