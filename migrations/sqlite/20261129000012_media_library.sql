-- Media library (issue 8): smaller renditions of each uploaded picture, which pages
-- offer in `srcset` so phones download a fraction of the original, and who uploaded it.
CREATE TABLE media_variants (
    media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    path     TEXT NOT NULL UNIQUE,
    mime     TEXT NOT NULL,
    bytes    INTEGER NOT NULL,
    PRIMARY KEY (media_id, width)
) WITHOUT ROWID;

ALTER TABLE media ADD COLUMN uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE media ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
