-- Personal data as the law requires (issue 9, must-have 3; docs/privacy.md), written by
-- server/lib/privacy: the retention rule per procedure, and the cases whose personal data has
-- been purged (by the retention job or an erasure request), so that none is purged twice.

-- A procedure's own rule, overriding the server's default (`serve --retention-years`, 5): its
-- closed cases' personal data is purged purge_after_years after closing; within
-- keep_at_least_years of closing the law requires the file kept, and an erasure request is
-- refused. set_by is the user id or "cli".
CREATE TABLE privacy_retention (
    procedure_id        TEXT PRIMARY KEY NOT NULL CHECK (length(procedure_id) BETWEEN 1 AND 128),
    purge_after_years   INTEGER NOT NULL CHECK (purge_after_years BETWEEN 1 AND 100),
    keep_at_least_years INTEGER NOT NULL DEFAULT 0
                        CHECK (keep_at_least_years BETWEEN 0 AND purge_after_years),
    set_at              TEXT NOT NULL,
    set_by              TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- One row per purged case: identifiers and codes only.
CREATE TABLE privacy_purged (
    case_id   TEXT PRIMARY KEY NOT NULL,
    reason    TEXT NOT NULL CHECK (reason IN ('retention', 'erasure')),
    purged_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The retention job's candidates: closed cases only (terminal statuses).
CREATE INDEX sync_entity_closed_case ON sync_entity (status)
    WHERE entity_type = 'case' AND status IN ('delivered', 'rejected', 'withdrawn');

-- A purge rewrites every change of the case in the change log: found by entity, not by scan.
CREATE INDEX sync_change_entity ON sync_change (entity_id, entity_type);
