-- Issue 9: the table of stored push results (migration 0008) is the sync store's idempotency
-- record — what each (device, seq) was answered — not the audit log, which is audit_entry
-- (migration 0017). It is renamed so that only the real audit log is called "audit": the table
-- to sync_result, its leaf_index to result_no, and its index and append-only triggers likewise.
-- The rows, their order and their digests are kept as they are.

DROP TRIGGER audit_leaf_no_update;
DROP TRIGGER audit_leaf_no_delete;
DROP INDEX audit_leaf_device_seq;

ALTER TABLE audit_leaf RENAME TO sync_result;
ALTER TABLE sync_result RENAME COLUMN leaf_index TO result_no;

CREATE UNIQUE INDEX sync_result_device_seq ON sync_result (device_no, device_seq);

-- Append-only: a stored answer, once written, is never changed or removed (a repeat of the op
-- must get the same answer).
CREATE TRIGGER sync_result_no_update BEFORE UPDATE ON sync_result
BEGIN
    SELECT RAISE(ABORT, 'sync_result is append-only');
END;

CREATE TRIGGER sync_result_no_delete BEFORE DELETE ON sync_result
BEGIN
    SELECT RAISE(ABORT, 'sync_result is append-only');
END;
