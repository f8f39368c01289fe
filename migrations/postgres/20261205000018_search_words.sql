-- Search on PostgreSQL at its latency target (issue 19). The query's words are matched
-- against one column holding every word of a story (title, summary, body and facets),
-- indexed by GIN as it is, instead of an index over the four columns joined. Title and
-- summary stay apart: ranking asks where a word is. `fastupdate` off: a search never
-- has to read a list of pending entries after an editor publishes.
--
-- Each text also holds a token per initial of its words (`m~`: a word begins with m),
-- so that a one-letter prefix is one token whose frequency the planner knows (Rust
-- adds them when it indexes: search::index::with_initials).
CREATE FUNCTION pg_temp.with_initials(v tsvector) RETURNS tsvector LANGUAGE sql AS $$
    SELECT v || array_to_tsvector(ARRAY(
        SELECT DISTINCT left(w, 1) || '~' FROM unnest(tsvector_to_array(v)) AS w
        WHERE left(w, 1) <> '_'))
$$;
DROP INDEX search_index_words;
ALTER TABLE search_index ADD COLUMN words tsvector;
UPDATE search_index SET
    title = pg_temp.with_initials(title),
    summary = pg_temp.with_initials(summary),
    words = pg_temp.with_initials(title || summary || body) || facets;
ALTER TABLE search_index ALTER COLUMN words SET NOT NULL;
ALTER TABLE search_index DROP COLUMN body, DROP COLUMN facets;
CREATE INDEX search_index_words ON search_index USING gin (words) WITH (fastupdate = off);
