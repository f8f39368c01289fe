-- Moderation (issue 8): where each reader message stands in the editors' queue, who
-- handled it and when, and the draft an accepted op-ed became.
ALTER TABLE reader_messages ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'read', 'replied', 'accepted', 'rejected'));
ALTER TABLE reader_messages ADD COLUMN handled_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE reader_messages ADD COLUMN handled_at TEXT;
ALTER TABLE reader_messages ADD COLUMN story_id INTEGER REFERENCES stories (id) ON DELETE SET NULL;
CREATE INDEX reader_messages_queue ON reader_messages (status, created_at);
