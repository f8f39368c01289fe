-- Full-text search (issue 3). Words are folded in Rust (Arabic marks and letter
-- variants, Latin accents and ligatures), so the FTS table only splits on spaces;
-- `_` marks stem tokens. Contentless: the text lives in story_translations, the index
-- keeps only what matching needs (detail=column: which column, not positions).
-- rowid = language (2 bits) | Unix publication time (33 bits) | translation id (28 bits)
-- (data::search::index::rowid): within an edition, scanning rowids downwards is newest
-- first, and "this edition, this year, published by now" is one rowid range.
-- facets holds `k_<kind>` and `s_<section id>` (the section and its ancestors), so the
-- section filter is part of the match, not a scan afterwards.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, summary, body, facets,
    content = '',
    contentless_delete = 1,
    detail = column,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'",
    prefix = '1 2 3'
);

-- Every indexed word of four letters or more. The prefix indexes serve prefixes of one
-- to three letters; a longer prefix is expanded through this table into the words it
-- begins, which FTS5 matches lazily (newest first, stopping early) instead of merging
-- every matching word's whole list first.
CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

-- Which index row holds a translation (NULL: not indexed).
ALTER TABLE story_translations ADD COLUMN search_rowid INTEGER;

-- Whatever changes or removes a translation takes it out of the index at once; the data
-- layer then indexes the new version (search::index), so no stale text is ever found.
CREATE TRIGGER story_tr_unindex_on_delete
AFTER DELETE ON story_translations
WHEN old.search_rowid IS NOT NULL
BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
END;

CREATE TRIGGER story_tr_unindex_on_change
AFTER UPDATE OF lang, title, summary, body_html, status, published_at, section_id
ON story_translations
WHEN old.search_rowid IS NOT NULL
BEGIN
    DELETE FROM search_index WHERE rowid = old.search_rowid;
    UPDATE story_translations SET search_rowid = NULL WHERE id = new.id;
END;

-- Sections moving in the tree change the facets of their stories (the tree has two
-- levels: a section and its sub-sections).
CREATE TRIGGER sections_unindex_on_move
AFTER UPDATE OF parent_id ON sections
WHEN old.parent_id IS NOT new.parent_id
BEGIN
    DELETE FROM search_index WHERE rowid IN (
        SELECT t.search_rowid FROM story_translations t
        WHERE t.search_rowid IS NOT NULL AND (t.section_id = new.id
            OR t.section_id IN (SELECT c.id FROM sections c WHERE c.parent_id = new.id)));
    UPDATE story_translations SET search_rowid = NULL
    WHERE search_rowid IS NOT NULL AND (section_id = new.id
        OR section_id IN (SELECT c.id FROM sections c WHERE c.parent_id = new.id));
END;

-- Finding what still needs indexing stays an index lookup.
CREATE INDEX story_tr_unindexed ON story_translations (id)
    WHERE search_rowid IS NULL AND status = 'published';
