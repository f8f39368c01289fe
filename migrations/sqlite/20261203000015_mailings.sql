-- Issues of the newsletter and of the press review, mailed to a list's confirmed
-- subscribers of one edition (issue 20). An issue moves draft → scheduled → sending →
-- sent (paused and cancelled on the way); what it says is frozen when sending starts, so
-- every recipient and the web archive get the same words.
CREATE TABLE mailings (
    id          INTEGER PRIMARY KEY,
    list        TEXT NOT NULL CHECK (list IN ('newsletter', 'press_review')),
    lang        TEXT NOT NULL REFERENCES languages (code),
    subject     TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    -- Markdown, above the stories.
    intro       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled')),
    send_at     TEXT,
    -- The mail as sent, with `{unsubscribe}` where each recipient's own link goes.
    html_body   TEXT,
    text_body   TEXT,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    started_at  TEXT,
    finished_at TEXT
);
-- The archive of a list in an edition, newest first; the press review's "since the last issue".
CREATE INDEX mailings_of_list ON mailings (list, lang, status, started_at DESC);

-- The stories of an issue, in the editor's order.
CREATE TABLE mailing_stories (
    mailing_id INTEGER NOT NULL REFERENCES mailings (id) ON DELETE CASCADE,
    story_id   INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (mailing_id, story_id)
) WITHOUT ROWID;

-- Who an issue goes to, fixed when sending starts, one row each: `waiting` until handed
-- to the mail queue (`queued`, with the mail), then `sent` or `failed`; `skipped` when
-- the address unsubscribed, became undeliverable or the issue was cancelled before its
-- turn. Handing over and recording it happen in one transaction: nobody gets an issue
-- twice or not at all because the server stopped in between.
CREATE TABLE mailing_recipients (
    mailing_id    INTEGER NOT NULL REFERENCES mailings (id) ON DELETE CASCADE,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    state         TEXT NOT NULL DEFAULT 'waiting'
                  CHECK (state IN ('waiting', 'queued', 'sent', 'failed', 'skipped')),
    mail_id       INTEGER REFERENCES mail_queue (id) ON DELETE SET NULL,
    PRIMARY KEY (mailing_id, subscriber_id)
) WITHOUT ROWID;
CREATE INDEX mailing_recipients_state ON mailing_recipients (mailing_id, state);
CREATE INDEX mailing_recipients_mail ON mailing_recipients (mail_id) WHERE mail_id IS NOT NULL;

-- A mail of an issue keeps no copy of the issue: its bodies are the issue's with the
-- recipient's unsubscribe link put in when it is sent.
ALTER TABLE mail_queue ADD COLUMN mailing_id INTEGER REFERENCES mailings (id) ON DELETE CASCADE;
ALTER TABLE mail_queue ADD COLUMN subscriber_id INTEGER REFERENCES subscribers (id) ON DELETE CASCADE;

-- Permanent refusals (SMTP 5xx) of an address in a row: past a few, no more list mail.
ALTER TABLE subscribers ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0;
