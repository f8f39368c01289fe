-- Search on PostgreSQL, for words that a few percent of stories hold (issue 19): each
-- story's words also hold the tokens of its spans of dates (search::index::Span in
-- Rust): `p_` and its key shifted right by 49 bits (28 bits of id, 21 of seconds: its
-- edition and about 24 days), `q_` by 51 (about 97 days), `y_` by 53 (about a year),
-- `e_` by 61 (its edition). A search asks for its words and the newest spans, so that
-- the words' index returns the matches of those spans only (search::newest).
UPDATE search_index SET words = words || array_to_tsvector(ARRAY[
    'p_' || (key >> 49), 'q_' || (key >> 51), 'y_' || (key >> 53), 'e_' || (key >> 61)]);
ANALYZE search_index;
