-- WebP renditions beside the JPEG/PNG ones (issue 8): a picture now has two files per
-- width, so a rendition is known by its picture, type and width.
CREATE TABLE media_variants_by_type (
    media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    path     TEXT NOT NULL UNIQUE,
    mime     TEXT NOT NULL,
    bytes    INTEGER NOT NULL,
    PRIMARY KEY (media_id, mime, width)
) WITHOUT ROWID;

INSERT INTO media_variants_by_type (media_id, width, height, path, mime, bytes)
SELECT media_id, width, height, path, mime, bytes FROM media_variants;

DROP TABLE media_variants;
ALTER TABLE media_variants_by_type RENAME TO media_variants;
