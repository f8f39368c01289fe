-- Password guesses (issue 18), counted per account *and* per place they come from,
-- instead of one lock per account: a stranger's guesses slow down only the stranger,
-- never the editor's own log-in. After five failures from one place, each further
-- guess from there waits twice as long as the one before (capped at an hour).
CREATE TABLE password_guesses (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of where the guesses come from: the client's address (IPv6 by /64) on
    -- the log-in form, a fixed name for the signed-in person's own password form.
    -- Hashed: a copy of the database lists no one's address.
    origin     TEXT NOT NULL,
    failures   INTEGER NOT NULL,
    wait_until TEXT,
    last_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (user_id, origin)
) WITHOUT ROWID;

-- The per-account lock these replace.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
