-- Readers' personal data (issue 6): subscriptions with double opt-in, the consent log,
-- single-use tokens, and the queue of e-mails to send. Addresses are stored lower-case.

-- One row per address and list; `status` moves pending → confirmed → unsubscribed
-- (and back to pending if the reader subscribes again).
CREATE TABLE subscribers (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    list            TEXT NOT NULL CHECK (list IN ('newsletter', 'press_review')),
    lang            TEXT NOT NULL REFERENCES languages (code),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    confirmed_at    TEXT,
    unsubscribed_at TEXT,
    UNIQUE (email, list)
);

-- What a reader agreed to, when, where and in which words (law 09-08, GDPR art. 7).
CREATE TABLE consents (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER REFERENCES subscribers (id) ON DELETE CASCADE,
    email         TEXT NOT NULL,
    form          TEXT NOT NULL,
    lang          TEXT NOT NULL REFERENCES languages (code),
    wording       TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('requested', 'confirmed', 'withdrawn')),
    at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX consents_subscriber ON consents (subscriber_id);

-- Links sent by e-mail. Only a SHA-256 of the token is kept: a copy of the database
-- cannot confirm or unsubscribe anyone. Confirmation tokens expire and are single-use.
CREATE TABLE tokens (
    hash          TEXT PRIMARY KEY,
    purpose       TEXT NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    expires_at    TEXT,
    used_at       TEXT
) WITHOUT ROWID;
CREATE INDEX tokens_subscriber ON tokens (subscriber_id, purpose);

-- E-mails waiting to be sent; a failed send is retried later, so a restart loses nothing.
CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT NOT NULL,
    -- One-click unsubscribe address for the List-Unsubscribe header, if any.
    unsubscribe_url TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    sent_at         TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE sent_at IS NULL;
