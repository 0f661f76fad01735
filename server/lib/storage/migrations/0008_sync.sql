-- The server's side of sync (issue 6, DESIGN.md decision 2), written by SqliteSyncServerStore:
-- devices' applied sequences, entities, case history, the bucketed change log, and one audit
-- leaf per op that consumed a sequence. Shaped for ingest speed: integer keys, an entity's
-- fields as one JSON column, a change's fields as one JSON column, and an explicit result row
-- only for ops whose answer carries a reason (an applied op's answer is its audit leaf).

-- One row per workstation that ever pushed; device_no is the compact key the leaves use.
CREATE TABLE sync_device (
    device_no        INTEGER PRIMARY KEY,
    device_id        TEXT NOT NULL UNIQUE,
    last_applied_seq INTEGER NOT NULL DEFAULT 0 CHECK (last_applied_seq >= 0)
) STRICT;

-- The server's current rows. `state` is JSON: {"f":{name:[value, writer]}, "w":[[version,
-- hlc_wall_ms, hlc_logical, device_id, actor_id], …]} (a field's writer indexes "w"). `status`
-- repeats a case's status field so that counts by office and status need no JSON.
CREATE TABLE sync_entity (
    entity_no   INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    bucket      TEXT NOT NULL,
    version     INTEGER NOT NULL CHECK (version >= 1),
    status      TEXT,
    state       TEXT NOT NULL,
    UNIQUE (entity_type, entity_id)
) STRICT;

-- One row per status change the case lifecycle made (cases::HistoryEntry); at_ms is UTC.
CREATE TABLE sync_case_history (
    entry_no    INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    reason      TEXT NOT NULL
) STRICT;

CREATE INDEX sync_case_history_entity ON sync_case_history (entity_type, entity_id);

-- The change log: seq is the one global change sequence (committed in seq order: SQLite has
-- one writer). `fields` is the JSON object of the fields the change wrote; caused_by the op.
CREATE TABLE sync_change (
    seq         INTEGER PRIMARY KEY,
    bucket      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    fields      TEXT NOT NULL,
    caused_by   BLOB CHECK (caused_by IS NULL OR length(caused_by) = 16)
) STRICT;

CREATE INDEX sync_change_bucket ON sync_change (bucket, seq);

-- The audit log's leaves (issue 9 builds the RFC 6962 Merkle tree over them): one per op that
-- consumed a device sequence — applied, conflict or rejected — in commit order, leaf_index
-- dense from 1. Identifiers only: the device, its sequence, the op's UUID, the outcome and the
-- change seqs it caused; entry_sha256 is the SHA-256 of the op's canonical record
-- (SqliteSyncServerStore.cpp says which bytes), so that no personal data is kept here.
CREATE TABLE audit_leaf (
    leaf_index     INTEGER PRIMARY KEY CHECK (leaf_index >= 1),
    device_no      INTEGER NOT NULL REFERENCES sync_device (device_no),
    device_seq     INTEGER NOT NULL CHECK (device_seq >= 1),
    op_id          BLOB NOT NULL CHECK (length(op_id) = 16),
    outcome        INTEGER NOT NULL CHECK (outcome IN (0, 2, 3)),  -- applied, rejected, conflict
    server_version INTEGER,
    first_seq      INTEGER,
    last_seq       INTEGER,
    entry_sha256   BLOB NOT NULL CHECK (length(entry_sha256) = 32)
) STRICT;

CREATE UNIQUE INDEX audit_leaf_device_seq ON audit_leaf (device_no, device_seq);

-- Append-only: a leaf, once written, is never changed or removed.
CREATE TRIGGER audit_leaf_no_update BEFORE UPDATE ON audit_leaf
BEGIN
    SELECT RAISE(ABORT, 'audit_leaf is append-only');
END;

CREATE TRIGGER audit_leaf_no_delete BEFORE DELETE ON audit_leaf
BEGIN
    SELECT RAISE(ABORT, 'audit_leaf is append-only');
END;

-- The reason of a rejected or conflicting op, kept so that a repeat gets the same answer.
CREATE TABLE sync_result_reason (
    device_no  INTEGER NOT NULL,
    device_seq INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (device_no, device_seq)
) STRICT, WITHOUT ROWID;
