-- Writing in the back office (issue 8): which account started a story (`author_id`
-- names the old site's author of imported ones), the Markdown an editor
-- wrote for each version (the HTML readers get is made from it and sanitised), who last
-- changed a version, and the queue of versions waiting for their publication time.
ALTER TABLE stories ADD COLUMN created_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX stories_created_by ON stories (created_by);

-- NULL for content that came as HTML (seed, WordPress import): the editor then starts
-- from the HTML turned into Markdown.
ALTER TABLE story_translations ADD COLUMN body_markdown TEXT;
ALTER TABLE story_translations ADD COLUMN updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL;

-- The scheduler looks here every few seconds: a handful of rows, never the archive.
CREATE INDEX story_tr_scheduled ON story_translations (published_at) WHERE status = 'scheduled';
