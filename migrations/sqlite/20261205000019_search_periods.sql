-- Twin of PostgreSQL's 20261205000019, which adds each story's period to the words of
-- its search index. FTS5 walks its rowids by date already: nothing changes here.
SELECT 1;
