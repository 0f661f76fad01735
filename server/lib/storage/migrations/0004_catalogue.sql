-- The procedure catalogue (issue 4): every procedure imported from MITOS, each of its versions
-- (a draft until a central administrator publishes it), the KEP-side options MITOS does not
-- hold, and the change sequence desks pull deltas by. Times are ISO 8601 UTC text, as in 0001.

-- One row per procedure ever imported. published_version points at the version desks see
-- (NULL before the first publication). change_seq is the catalogue sequence number of the
-- procedure's last publication or option change: a desk that has pulled up to N needs exactly
-- the procedures with change_seq > N.
CREATE TABLE catalogue_procedures (
    id                     TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    published_version      INTEGER,
    requires_approval      INTEGER NOT NULL DEFAULT 1 CHECK (requires_approval IN (0, 1)),
    -- NULL: the competent authority is the register's org_owner.
    competent_authority_id TEXT CHECK (length(competent_authority_id) BETWEEN 1 AND 64),
    offered_at_kep         INTEGER NOT NULL DEFAULT 1 CHECK (offered_at_kep IN (0, 1)),
    change_seq             INTEGER UNIQUE,
    created_at             TEXT NOT NULL,
    CHECK ((published_version IS NULL) = (change_seq IS NULL))
) STRICT;

-- Versions are numbered 1, 2, … per procedure. canonical_json is CanonicalForm's text of the
-- Greek and English documents ({"el":…,"en":…,"id":…}) and content_hash its SHA-256, so that a
-- re-import of the same data is recognised without comparing documents. At most one draft
-- (published_at NULL) per procedure: a new import replaces it.
CREATE TABLE catalogue_versions (
    procedure_id   TEXT NOT NULL REFERENCES catalogue_procedures(id),
    version        INTEGER NOT NULL CHECK (version >= 1),
    content_hash   TEXT NOT NULL CHECK (length(content_hash) = 64),
    canonical_json TEXT NOT NULL,
    title_el       TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    published_at   TEXT,
    UNIQUE (procedure_id, version)
) STRICT;

CREATE UNIQUE INDEX catalogue_versions_one_draft
    ON catalogue_versions(procedure_id) WHERE published_at IS NULL;

-- The catalogue's change sequence: one row, the last number handed out. A server process
-- compares it with what it has in memory to see publications made by another process.
CREATE TABLE catalogue_sequence (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) STRICT;

INSERT INTO catalogue_sequence (id, last_seq) VALUES (1, 0);
