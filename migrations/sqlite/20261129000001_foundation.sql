-- Foundation schema: languages, sections tree, stories with per-language translations,
-- media, tags, menus and legacy redirects. Dates are UTC ISO-8601 text
-- ('YYYY-MM-DDTHH:MM:SSZ'), which sorts chronologically as text.

CREATE TABLE languages (
    code     TEXT PRIMARY KEY CHECK (code IN ('fr', 'ar', 'en')),
    name     TEXT NOT NULL,
    dir      TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
    position INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO languages (code, name, dir, position) VALUES
    ('fr', 'Français', 'ltr', 1),
    ('ar', 'العربية', 'rtl', 2),
    ('en', 'English', 'ltr', 3);

-- Files under MEDIA_DIR, served at /media/<path>. width/height let pages reserve space.
CREATE TABLE media (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('image', 'pdf', 'audio', 'video', 'other')),
    path       TEXT NOT NULL UNIQUE,
    mime       TEXT NOT NULL,
    width      INTEGER,
    height     INTEGER,
    bytes      INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE media_translations (
    media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    lang     TEXT NOT NULL REFERENCES languages (code),
    alt      TEXT NOT NULL DEFAULT '',
    caption  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (media_id, lang)
) WITHOUT ROWID;

-- A tree of sections; `key` is a stable, language-neutral name used by code and imports.
CREATE TABLE sections (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,
    parent_id INTEGER REFERENCES sections (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_parent ON sections (parent_id, position);

CREATE TABLE section_translations (
    section_id  INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL REFERENCES languages (code),
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (section_id, lang),
    UNIQUE (lang, slug)
) WITHOUT ROWID;

-- One story across languages. `source_key` identifies content that came from outside
-- (demo seed, WordPress import) so re-running an import never duplicates it.
CREATE TABLE stories (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('article', 'interview', 'profile', 'publication', 'episode', 'page')),
    section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL,
    featured   INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    source_key TEXT UNIQUE,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX stories_section ON stories (section_id);
-- The few stories editors put on the front page.
CREATE INDEX stories_featured ON stories (id) WHERE featured = 1;

-- One language version of a story. `kind` and `section_id` are copies of the story's,
-- kept in sync by the trigger below, so that every listing is one index range scan.
-- Short columns come first and body_html last: SQLite reads a row's columns in order,
-- so filters and cards never walk the overflow pages of a long body.
CREATE TABLE story_translations (
    id             INTEGER PRIMARY KEY,
    story_id       INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    lang           TEXT NOT NULL REFERENCES languages (code),
    kind           TEXT NOT NULL,
    section_id     INTEGER,
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'archived')),
    published_at   TEXT,
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    cover_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL,
    slug           TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 200),
    title          TEXT NOT NULL CHECK (length(title) >= 1),
    summary        TEXT NOT NULL DEFAULT '',
    signature      TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    body_html      TEXT NOT NULL DEFAULT '',
    UNIQUE (lang, slug),
    UNIQUE (story_id, lang)
);
-- Home "latest" and feeds: newest published of a kind in a language.
CREATE INDEX story_tr_latest ON story_translations (lang, status, kind, published_at DESC);
-- Section listings, related posts: newest published in a section in a language.
CREATE INDEX story_tr_section ON story_translations (lang, status, section_id, published_at DESC);

CREATE TRIGGER stories_sync_translations
AFTER UPDATE OF kind, section_id ON stories
BEGIN
    UPDATE story_translations SET kind = NEW.kind, section_id = NEW.section_id
    WHERE story_id = NEW.id;
END;

CREATE TABLE tags (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE tag_translations (
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    lang   TEXT NOT NULL REFERENCES languages (code),
    name   TEXT NOT NULL,
    slug   TEXT NOT NULL,
    PRIMARY KEY (tag_id, lang),
    UNIQUE (lang, slug)
) WITHOUT ROWID;
CREATE TABLE story_tags (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX story_tags_tag ON story_tags (tag_id);

-- Menus ('main' in the header, 'footer' groups) editable without a deploy. An item points
-- at the home page, a section, a story (static page) or a fixed path; its label defaults
-- to the target's name in the reader's language.
CREATE TABLE menu_items (
    id         INTEGER PRIMARY KEY,
    menu       TEXT NOT NULL CHECK (menu IN ('main', 'footer')),
    parent_id  INTEGER REFERENCES menu_items (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    target     TEXT NOT NULL CHECK (target IN ('home', 'section', 'story', 'path', 'none')),
    section_id INTEGER REFERENCES sections (id) ON DELETE CASCADE,
    story_id   INTEGER REFERENCES stories (id) ON DELETE CASCADE,
    path       TEXT
);
CREATE INDEX menu_items_menu ON menu_items (menu, parent_id, position);

CREATE TABLE menu_item_labels (
    menu_item_id INTEGER NOT NULL REFERENCES menu_items (id) ON DELETE CASCADE,
    lang         TEXT NOT NULL REFERENCES languages (code),
    label        TEXT NOT NULL,
    PRIMARY KEY (menu_item_id, lang)
) WITHOUT ROWID;

-- Old URLs (e.g. from WordPress) that must keep working.
CREATE TABLE redirects (
    old_path             TEXT PRIMARY KEY,
    story_translation_id INTEGER NOT NULL REFERENCES story_translations (id) ON DELETE CASCADE
) WITHOUT ROWID;
