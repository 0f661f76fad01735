-- What the server looks cases up by outside sync (issue 7): the protocol number (the citizen's
-- status look-up, an authority's reference) and the competent authority a forwarded case is with.
-- SqliteSyncServerStore fills both from the case's fields when it writes the row. authority_id is
-- set only once the case has reached the authority (forwarded and after), so that an authority
-- never sees a case the KEP has not sent it; it stays set if the case is then rejected or
-- withdrawn. Neither index is unique: a desk's bad data must not make a push fail forever.

ALTER TABLE sync_entity ADD COLUMN protocol_number TEXT;
ALTER TABLE sync_entity ADD COLUMN authority_id TEXT;

CREATE INDEX sync_entity_protocol ON sync_entity (protocol_number)
    WHERE protocol_number IS NOT NULL;
CREATE INDEX sync_entity_authority ON sync_entity (authority_id, status)
    WHERE authority_id IS NOT NULL;

-- The server's jobs that follow the change log (notifications, registry requests): each one's
-- cursor, the last sync_change.seq it has handled, advanced in the transaction that records
-- what handling it produced — so that nothing is handled twice or skipped after a crash.
CREATE TABLE change_follower (
    name   TEXT PRIMARY KEY NOT NULL,
    cursor INTEGER NOT NULL CHECK (cursor >= 0)
) STRICT;
