-- The desk's correspondence with the central administration (issue 8, must-haves 6 and 7):
-- circulars pulled from the `circulars` sync bucket (cursor in sync_cursor, bucket 'circulars',
-- written in the transaction that stores the page), who of this desk's users read which (sent
-- to the server until it answered), and the clerks' catalogue flags waiting to be sent.
CREATE TABLE circular (
    id       TEXT PRIMARY KEY,
    kind     TEXT NOT NULL,
    title_el TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    body_el  TEXT NOT NULL,
    body_en  TEXT NOT NULL DEFAULT '',
    sender   TEXT NOT NULL DEFAULT 'national',  -- 'national', else the sending region
    sent_at  TEXT NOT NULL                       -- ISO 8601 UTC
) STRICT;

-- A user marked the circular read at this desk; sent = 1 once the server recorded the receipt.
CREATE TABLE circular_read (
    circular_id TEXT NOT NULL REFERENCES circular (id),
    user_id     TEXT NOT NULL,
    read_at     TEXT NOT NULL,
    sent        INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1)),
    PRIMARY KEY (circular_id, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX circular_read_unsent ON circular_read (sent) WHERE sent = 0;

-- A clerk's flag on a catalogue entry; `id` (UUIDv7) lets the server store a retried flag once.
CREATE TABLE procedure_flag (
    id           TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    flagged_at   TEXT NOT NULL,                  -- ISO 8601 UTC
    sent_at      TEXT                            -- NULL until the server answered
) STRICT;

CREATE INDEX procedure_flag_unsent ON procedure_flag (flagged_at) WHERE sent_at IS NULL;
