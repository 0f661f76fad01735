-- What the desk pulls from the server for its office besides the case rows themselves (issue 6):
-- the cursor of each bucket, written in the same transaction as the changes it covers (a cursor
-- never goes back); the conflicts the server recorded, for the office manager's inbox; and the
-- entities of types this build does not show, kept as sent, so that a newer server's data is not
-- lost on an older desk. Pulled rows are written here directly, never through the outbox.
CREATE TABLE sync_cursor (
    bucket TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL
) STRICT;

-- One row per conflict entity (shared/sync/SyncServerCore.h): the value the server kept and the
-- one it did not, with who and when (HLC text) for each; state 'open' until a person resolves it.
CREATE TABLE sync_conflict (
    id          TEXT PRIMARY KEY,
    bucket      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    entity_type TEXT NOT NULL DEFAULT '',
    entity_id   TEXT NOT NULL DEFAULT '',
    field       TEXT NOT NULL DEFAULT '',
    kept_value  TEXT NOT NULL DEFAULT '',
    kept_device TEXT NOT NULL DEFAULT '',
    kept_actor  TEXT NOT NULL DEFAULT '',
    kept_hlc    TEXT NOT NULL DEFAULT '',
    lost_value  TEXT NOT NULL DEFAULT '',
    lost_device TEXT NOT NULL DEFAULT '',
    lost_actor  TEXT NOT NULL DEFAULT '',
    lost_hlc    TEXT NOT NULL DEFAULT '',
    op          TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL DEFAULT 'open',
    resolution  TEXT NOT NULL DEFAULT '',
    resolved_by TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sync_conflict_state ON sync_conflict (state, lost_hlc);

CREATE TABLE replica_entity (
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    bucket      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    fields      TEXT NOT NULL,
    PRIMARY KEY (entity_type, entity_id)
) STRICT;

-- The replica asks, for every pulled batch, which entities have ops still waiting to be sent.
CREATE INDEX outbox_entity ON outbox (entity_type, entity_id, state);
