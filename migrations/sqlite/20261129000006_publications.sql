-- The publications library (issue 7): books and reports of the five collections, which
-- are the sections under "Ressources". A publication is a story of kind 'publication'
-- (title, summary, cover, slug per language, search, sitemaps as for articles) plus
-- what only books have.
CREATE TABLE publications (
    story_id     INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
    isbn         TEXT CHECK (isbn IS NULL OR length(isbn) IN (10, 13)),
    -- Languages the book itself is written in, e.g. 'fr,ar'.
    languages    TEXT NOT NULL,
    pages        INTEGER,
    pdf_media_id INTEGER REFERENCES media (id) ON DELETE SET NULL
);
CREATE INDEX publications_year ON publications (year);

-- Per edition: the authors as written in that language and the table of contents
-- (one entry a line).
CREATE TABLE publication_translations (
    story_id INTEGER NOT NULL REFERENCES publications (story_id) ON DELETE CASCADE,
    lang     TEXT NOT NULL REFERENCES languages (code),
    authors  TEXT NOT NULL DEFAULT '',
    contents TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (story_id, lang)
) WITHOUT ROWID;
