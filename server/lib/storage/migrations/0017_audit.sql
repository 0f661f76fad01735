-- The audit log (issue 9, DESIGN.md decision 6): every change and every read of personal data,
-- as identifiers only, kept as the leaves of an RFC 6962 Merkle tree (shared/audit) with signed
-- checkpoints. Written by server/lib/audit; `kep-server audit verify` proves it whole. Not to be
-- confused with the sync store's record of op results (migration 0008's audit_leaf, renamed
-- sync_result by migration 0018).

-- One row per entry, in commit order: leaf_index is dense from 1 (AuditLog assigns the next one
-- inside the writer's transaction; SQLite has one writer), so leaf n of the tree is row n. The
-- members are those of kep::audit::AuditEntry, '' where not applicable; leaf_hash is
-- leafHash(canonicalBytes(entry)), which `audit verify` recomputes from the members.
CREATE TABLE audit_entry (
    leaf_index  INTEGER PRIMARY KEY CHECK (leaf_index >= 1),
    entry_id    TEXT NOT NULL UNIQUE,      -- UUIDv7: a desk's entry sent twice is kept once
    at          TEXT NOT NULL,             -- UTC with milliseconds, "2026-11-27T14:03:05.123Z"
    actor_kind  TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    role        TEXT NOT NULL,
    office      TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    leaf_hash   BLOB NOT NULL CHECK (length(leaf_hash) = 32)
) STRICT;

-- "Who touched this record": the entries route and the citizen's Art. 15 export.
CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id);

-- Append-only: an entry, once written, is never changed or removed (erasure of a citizen's data
-- leaves the log alone: it holds a keyed pseudonym, never the ΑΦΜ).
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only');
END;

-- One row per signed checkpoint: "the first tree_size entries have this root", signed with the
-- server's Ed25519 audit key over kep::audit::signedText(). frontier is the CompactRange of the
-- tree at that size (CompactRange::serialize()), so that the next checkpoint folds only the
-- entries after it. The same checkpoints, one line each, are in DIR/audit/checkpoints.log: the
-- copy outside the database that makes a truncation of both tables visible.
CREATE TABLE audit_checkpoint (
    tree_size INTEGER PRIMARY KEY CHECK (tree_size >= 1),
    root      BLOB NOT NULL CHECK (length(root) = 32),
    at        TEXT NOT NULL,
    signature BLOB NOT NULL CHECK (length(signature) = 64),
    frontier  BLOB NOT NULL
) STRICT;

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
END;

CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'audit_checkpoint is append-only');
END;
