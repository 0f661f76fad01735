-- Ingest on PostgreSQL (issue 10): sync_result.device_no no longer checked by a foreign key. The
-- check cost about a fifth of the server's CPU at ingest (a look-up in sync_device's key for every
-- stored result), and it guards nothing the one writer does not guarantee: PgSyncServerStore
-- numbers a device (numberDevices(): the sync_device row read or added) in the same transaction,
-- before it copies that device's results, and no statement ever deletes a device.
ALTER TABLE sync_result DROP CONSTRAINT sync_result_device_no_fkey;
