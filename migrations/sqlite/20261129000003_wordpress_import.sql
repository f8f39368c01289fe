-- WordPress import (issue 5): who wrote a story in the old site, and old category
-- addresses that must keep answering (story addresses use `redirects`).

-- Authors as the old site knew them (WordPress users), by a stable key (`wp:<host>:<login>`).
CREATE TABLE authors (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL
);
ALTER TABLE stories ADD COLUMN author_id INTEGER REFERENCES authors (id) ON DELETE SET NULL;

-- Old section addresses (e.g. /category/parent/child) and the edition they lead to.
CREATE TABLE section_redirects (
    old_path   TEXT PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL REFERENCES languages (code)
) WITHOUT ROWID;
