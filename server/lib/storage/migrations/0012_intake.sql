-- Online applications from gov.gr and EU-GO (issue 7): one row per channel and Idempotency-Key,
-- so that a channel sending an application again (a retry after a lost answer) gets the first
-- answer back and files no second case, and the same key with another body is refused.
-- body_sha256 is the SHA-256 of the body's canonical JSON. The case's id, protocol number and
-- answer are fixed when the row is written, before the case is created: a crash in between is
-- finished by the next repeat, from `fields` (the case's fields, personal data), which is
-- cleared once the case exists.
CREATE TABLE intake_requests (
    channel         TEXT NOT NULL CHECK (channel IN ('govgr', 'eugo')),
    idempotency_key TEXT NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    body_sha256     TEXT NOT NULL,
    case_id         TEXT NOT NULL UNIQUE,
    office_code     TEXT NOT NULL,
    answer          TEXT NOT NULL,
    fields          TEXT,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (channel, idempotency_key)
) STRICT;
