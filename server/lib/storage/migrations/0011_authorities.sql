-- The competent authorities (issue 7, must-have 1): the organisations that decide on the cases
-- the KEPs forward. Their id is the organisation's id in the MITOS register, the same id as a
-- procedure's org_owner and the case field authority_id, so a procedure names its authority
-- without a mapping table. An authority is disabled, never deleted: cases keep pointing at it.
CREATE TABLE authorities (
    id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 32),
    name_el    TEXT NOT NULL CHECK (length(name_el) >= 1),
    name_en    TEXT NOT NULL CHECK (length(name_en) >= 1),
    created_at TEXT NOT NULL,
    disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

-- The authority an authority user works for. 0001's CHECK keeps office_id for clerks and
-- managers only; a column added later cannot join that CHECK, so the same rule for authority
-- users (exactly they have an authority) is kept by the two triggers below. Authority users made
-- before this migration have none and reach no case until they are re-created with one.
ALTER TABLE users ADD COLUMN authority_id TEXT REFERENCES authorities (id);

CREATE INDEX users_authority ON users (authority_id) WHERE authority_id IS NOT NULL;

CREATE TRIGGER users_authority_insert BEFORE INSERT ON users
WHEN (NEW.role = 'authority') <> (NEW.authority_id IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'authority users, and only they, have an authority_id');
END;

CREATE TRIGGER users_authority_update BEFORE UPDATE OF role, authority_id ON users
WHEN (NEW.role = 'authority') <> (NEW.authority_id IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'authority users, and only they, have an authority_id');
END;
