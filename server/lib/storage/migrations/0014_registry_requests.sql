-- Documents the KEP obtains ex officio from their issuing authorities (issue 7, must-have 7):
-- written by registry/RegistryRequests. One request per document of a filed case, queued in the
-- transaction that advances the registry job's change_follower cursor (so a filing is never
-- missed nor queued twice), sent by the registry job with retries, and kept with its outcome.
-- Identifiers only: the citizen's ΑΦΜ/ΑΜΚΑ are read from the case when a request is sent and
-- never stored here.
CREATE TABLE registry_request (
    request_id      TEXT PRIMARY KEY NOT NULL,  -- UUIDv7: the Idempotency-Key the registry sees
    case_id         TEXT NOT NULL,
    office_code     TEXT NOT NULL,
    protocol_number TEXT NOT NULL,
    procedure_id    TEXT NOT NULL,
    evidence_id     TEXT NOT NULL,
    evidence_type   TEXT NOT NULL,
    issuer_id       TEXT NOT NULL,
    change_seq      INTEGER NOT NULL,  -- the sync_change that filed the case
    queued_at       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'answered', 'refused', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_ms INTEGER NOT NULL,  -- Unix milliseconds; read while state = 'queued'
    answered_at     TEXT,
    sha256          TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),  -- answered
    refusal_code    TEXT,  -- refused, or failed ('registry_unavailable')
    refusal_reason  TEXT,
    -- 1 once the case's registry_documents field holds this outcome (a write through the sync
    -- core, on another connection: a crash between the two is made good by the next run).
    attached        INTEGER NOT NULL DEFAULT 0 CHECK (attached IN (0, 1)),
    UNIQUE (case_id, evidence_id)
) STRICT;

CREATE INDEX registry_request_due ON registry_request (next_attempt_ms) WHERE state = 'queued';
CREATE INDEX registry_request_unattached ON registry_request (case_id)
    WHERE state <> 'queued' AND attached = 0;

-- The audit of every attempt: what was asked of whom (the request row), when it was sent, when
-- and what came back. detail is the document's SHA-256, the refusal code, or the failure (a
-- status or a network step, never a body).
CREATE TABLE registry_attempt (
    request_id  TEXT NOT NULL REFERENCES registry_request (request_id),
    attempt     INTEGER NOT NULL CHECK (attempt >= 1),
    sent_at     TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('document', 'refused', 'unavailable')),
    detail      TEXT NOT NULL,
    PRIMARY KEY (request_id, attempt)
) STRICT, WITHOUT ROWID;
