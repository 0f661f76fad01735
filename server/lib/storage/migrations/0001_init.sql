-- kep-server's first schema: what the server knows about itself, the offices, the people who
-- sign in, and the administrator tool's client certificates. IDs are UUIDv7 text (DESIGN.md).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE offices (
    id         TEXT PRIMARY KEY NOT NULL,
    code       TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
    name       TEXT NOT NULL,
    region     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL
                  CHECK (role IN ('clerk', 'manager', 'central_admin', 'authority', 'it')),
    -- NULL for the central roles; clerks and managers belong to exactly one office.
    office_id     TEXT REFERENCES offices(id),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL,
    CHECK ((role IN ('clerk', 'manager')) = (office_id IS NOT NULL))
) STRICT;

CREATE INDEX users_office ON users(office_id);

-- Client certificates of the administrator tool on the server's host, known by fingerprint.
CREATE TABLE admin_certificates (
    sha256_fingerprint TEXT PRIMARY KEY NOT NULL,
    common_name        TEXT NOT NULL,
    not_after          TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    revoked            INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT;
