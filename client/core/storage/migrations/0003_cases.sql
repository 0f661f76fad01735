-- The desk's cases, filed at the counter with the network down (issue 5). Every change to a case
-- writes its rows and one outbox row in the same transaction; the sync engine drains the outbox.
-- citizen.surname_*_folded hold the project's search folding of the surnames (Greek, Latin),
-- so that a returning citizen is found by surname with or without accents.
CREATE TABLE citizen (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    afm              TEXT NOT NULL DEFAULT '',
    amka             TEXT NOT NULL DEFAULT '',
    document_number  TEXT NOT NULL DEFAULT '',
    nationality      TEXT NOT NULL DEFAULT '',
    surname_el_folded    TEXT NOT NULL,
    surname_latin_folded TEXT NOT NULL,
    record           TEXT NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX citizen_afm ON citizen (afm) WHERE afm <> '';
CREATE INDEX citizen_amka ON citizen (amka) WHERE amka <> '';
CREATE INDEX citizen_document ON citizen (nationality, document_number) WHERE document_number <> '';
CREATE INDEX citizen_surname_el ON citizen (surname_el_folded);
CREATE INDEX citizen_surname_latin ON citizen (surname_latin_folded);

CREATE TABLE kase (
    id                 TEXT PRIMARY KEY,
    protocol_number    TEXT NOT NULL UNIQUE,
    office             TEXT NOT NULL,
    procedure_id       TEXT NOT NULL,
    catalogue_version  INTEGER NOT NULL,
    procedure_title    TEXT NOT NULL,
    requires_approval  INTEGER NOT NULL,
    citizen_id         TEXT NOT NULL REFERENCES citizen (id),
    representative     TEXT,
    status             TEXT NOT NULL,
    evidence           TEXT NOT NULL,
    fee_cents          INTEGER NOT NULL,
    due_date           TEXT NOT NULL,
    notes              TEXT NOT NULL,
    filed_by           TEXT NOT NULL,
    filed_at           INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    version            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX kase_status ON kase (status, due_date);
CREATE INDEX kase_filed_by ON kase (filed_by, filed_at);
CREATE INDEX kase_citizen ON kase (citizen_id);
CREATE INDEX kase_procedure ON kase (procedure_id);

CREATE TABLE case_history (
    case_id   TEXT NOT NULL REFERENCES kase (id),
    at        INTEGER NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor_id  TEXT NOT NULL,
    role      TEXT NOT NULL,
    reason    TEXT NOT NULL
) STRICT;
CREATE INDEX case_history_case ON case_history (case_id, at);

CREATE TABLE case_draft (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    content    TEXT NOT NULL,
    saved_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE attachment (
    case_id    TEXT NOT NULL REFERENCES kase (id),
    sha256     TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    path       TEXT NOT NULL,
    evidence_id TEXT NOT NULL,
    PRIMARY KEY (case_id, sha256)
) STRICT;

-- The sync engine's op log (shared/sync OutboxStore). device_seq is assigned from outbox_seq,
-- which only grows, so numbers are never reused after applied ops are pruned.
CREATE TABLE outbox (
    device_seq   INTEGER PRIMARY KEY,
    op_id        TEXT NOT NULL UNIQUE,
    hlc          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    payload      TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending',
    queued_at    INTEGER NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    server_version INTEGER
) STRICT;
CREATE INDEX outbox_state ON outbox (state, device_seq);
CREATE TABLE outbox_seq (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    highest  INTEGER NOT NULL
) STRICT;
INSERT INTO outbox_seq (only_row, highest) VALUES (1, 0);

-- The protocol-number blocks this workstation holds (ProtocolNumberLease's JSON form).
CREATE TABLE protocol_lease (
    office TEXT PRIMARY KEY,
    lease  TEXT NOT NULL
) STRICT;
