-- The desk's copy of the published procedure catalogue, pulled from kep-server's changes feed.
-- catalogue_procedure holds the current version of each procedure: the record as the server
-- sent it (read again when a clerk opens the procedure), the titles and the searched texts the
-- in-memory index is built from at start (so that start-up never parses full records), and the
-- version this desk last showed, for the "what changed" view. catalogue_previous keeps the
-- versions a newer one replaced (the latest few). catalogue_cursor holds, per feed, the last
-- change applied; it is written in the same transaction as the changes it covers.
CREATE TABLE catalogue_procedure (
    id                     TEXT PRIMARY KEY,
    version                INTEGER NOT NULL,
    content_hash           TEXT NOT NULL,
    change_seq             INTEGER NOT NULL,
    title_el               TEXT NOT NULL,
    title_en               TEXT NOT NULL,
    requires_approval      INTEGER NOT NULL,
    competent_authority_id TEXT,
    offered_at_kep         INTEGER NOT NULL,
    offered_remotely       INTEGER NOT NULL,
    search_fields          TEXT NOT NULL,
    record                 TEXT NOT NULL,
    viewed_version         INTEGER
) STRICT;

CREATE TABLE catalogue_previous (
    id           TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    record       TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE catalogue_cursor (
    feed TEXT PRIMARY KEY,
    seq  INTEGER NOT NULL
) STRICT;
