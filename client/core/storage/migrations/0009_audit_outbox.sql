-- Issue 9: what the desk audits itself — reads at the counter (a case opened, a receipt printed
-- or reprinted, an attachment opened, a citizen searched by ΑΦΜ or ΑΜΚΑ) — kept here until a
-- push carried the entry and the server answered, by then durable in the server's audit log.
-- The members are those of kep::audit::AuditEntry: identifiers only, never the searched value
-- or any other personal data. entry_no is the order of recording, the order they are sent in.
CREATE TABLE audit_outbox (
    entry_no    INTEGER PRIMARY KEY,
    entry_id    TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor_kind  TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    role        TEXT NOT NULL,
    office      TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action      TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    outcome     TEXT NOT NULL
) STRICT;
