-- Twin of PostgreSQL's 20261205000018, which gives its search index one column of all
-- of a story's words. SQLite's FTS5 table already matches its columns as one: nothing
-- changes here.
SELECT 1;
