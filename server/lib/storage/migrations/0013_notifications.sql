-- The citizens' notifications (issue 7, must-have 5): a durable outbox of SMS and e-mail
-- messages, queued by the job that follows the case change log in the same transaction as its
-- cursor, and sent by a second job through the configured sender with retries.
--
-- One row per message. (change_seq, channel) is unique, so that a change handled twice still
-- queues one message per channel. recipient, subject and body are the only personal data here:
-- they are blanked once the message is sent, and kept on a failed one for support. last_error
-- says what went wrong ("HTTP 503", a network step) and never holds the message or the contact.
CREATE TABLE notification_outbox (
    id              TEXT PRIMARY KEY NOT NULL,      -- UUIDv7, the receiver's idempotency key
    case_id         TEXT NOT NULL,
    change_seq      INTEGER NOT NULL,               -- the sync_change that produced it
    notice          TEXT NOT NULL CHECK (notice IN ('filed', 'documents_needed', 'result_ready',
                                                    'rejected')),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    language        TEXT NOT NULL CHECK (language IN ('el', 'en')),
    protocol_number TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,                  -- '' for an SMS
    body            TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_ms INTEGER NOT NULL,               -- when a queued message is due
    created_ms      INTEGER NOT NULL,
    finished_ms     INTEGER,                        -- when it was sent or given up
    last_error      TEXT,
    UNIQUE (change_seq, channel)
) STRICT;

CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_ms)
    WHERE state = 'queued';
CREATE INDEX notification_outbox_case ON notification_outbox (case_id, notice);
