-- Messages readers send (issue 6): the contact form and op-ed submissions, with an
-- optional attachment kept in the database (never under the public /media folder).
CREATE TABLE reader_messages (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('contact', 'op_ed')),
    lang            TEXT NOT NULL REFERENCES languages (code),
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    -- The contact subject, or the op-ed's title.
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    -- Op-eds: the author's country of residence.
    country         TEXT,
    attachment_name TEXT,
    attachment_type TEXT,
    attachment      BLOB,
    -- Version of the notice shown next to the form when it was sent.
    wording         TEXT NOT NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX reader_messages_email ON reader_messages (email, created_at);
CREATE INDEX reader_messages_created ON reader_messages (created_at);

-- Editorial notifications answer the reader directly and carry the op-ed's file.
ALTER TABLE mail_queue ADD COLUMN reply_to TEXT;
ALTER TABLE mail_queue ADD COLUMN attachment_of INTEGER
    REFERENCES reader_messages (id) ON DELETE SET NULL;

-- Keys the server keeps across restarts (the form-ticket signing key).
CREATE TABLE site_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;

-- Per-address limits count recent requests by address.
CREATE INDEX consents_email ON consents (email, at);
CREATE INDEX mail_queue_to ON mail_queue (to_addr, created_at);
