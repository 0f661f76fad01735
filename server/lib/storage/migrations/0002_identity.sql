-- Identity and access state that must outlive a process and be shared by every kep-server
-- process: sign-in failure counters and lock-outs, session tokens, workstation enrolment codes
-- and enrolled workstations. Times are ISO 8601 UTC text ("2025-01-31T08:15:02Z"), as in 0001.

-- One counter per throttled subject: a username's consecutive failed sign-ins (with its
-- lock-out), or an address's sign-in attempts in the current rate window. Usernames are kept
-- case-folded and need not exist, so an unknown name is throttled exactly like a known one.
CREATE TABLE sign_in_failures (
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'address')),
    subject      TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 256),
    count        INTEGER NOT NULL CHECK (count >= 0),
    window_start TEXT NOT NULL,
    last_at      TEXT NOT NULL,
    locked_until TEXT,
    PRIMARY KEY (subject_kind, subject)
) STRICT, WITHOUT ROWID;

CREATE INDEX sign_in_failures_last_at ON sign_in_failures(last_at);

-- Session tokens are never stored: only the SHA-256 of the token (hex), bound to the SHA-256
-- fingerprint of the workstation certificate the session was opened on.
CREATE TABLE sessions (
    token_hash         TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
    user_id            TEXT NOT NULL REFERENCES users(id),
    device_fingerprint TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    last_seen_at       TEXT NOT NULL,
    revoked_at         TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);

-- One-time codes that let a workstation enrol for an office; stored hashed like tokens.
CREATE TABLE enrolment_codes (
    code_hash  TEXT PRIMARY KEY NOT NULL CHECK (length(code_hash) = 64),
    office_id  TEXT NOT NULL REFERENCES offices(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT, WITHOUT ROWID;

CREATE INDEX enrolment_codes_office ON enrolment_codes(office_id);

-- Enrolled workstations and their client certificates (issued by the server's internal CA).
CREATE TABLE devices (
    id               TEXT PRIMARY KEY NOT NULL,
    office_id        TEXT NOT NULL REFERENCES offices(id),
    cert_serial      TEXT NOT NULL UNIQUE,
    cert_fingerprint TEXT NOT NULL UNIQUE,
    enrolled_at      TEXT NOT NULL,
    revoked_at       TEXT
) STRICT;

CREATE INDEX devices_office ON devices(office_id);
