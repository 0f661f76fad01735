-- The rest of kep-server's schema on PostgreSQL (issue 10): every table SQLite's migrations
-- 0001..0019 make that 0001_sync.sql does not, with the same table, column, index and constraint
-- names and the same column order, so that the same store SQL runs on both and an installation
-- moves from one to the other row for row. Types are mapped INTEGER → bigint, BLOB → bytea,
-- TEXT → text; SQLite's triggers are PL/pgSQL functions. The comments of the SQLite migrations
-- say what each table is for; only what differs here is explained.

-- 0001_sync.sql's unique (device_no, device_seq) of sync_result under SQLite's name for it
-- (0018's sync_result_device_seq); PostgreSQL renames the constraint with its index.
ALTER INDEX sync_result_device_no_device_seq_key RENAME TO sync_result_device_seq;

-- 0001: the server itself, offices, users, the administrator tool's certificates.
CREATE TABLE meta (
    key   text PRIMARY KEY NOT NULL,
    value text NOT NULL
);

CREATE TABLE offices (
    id         text PRIMARY KEY NOT NULL,
    code       text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 16),
    name       text NOT NULL,
    region     text NOT NULL,
    created_at text NOT NULL
);

-- The competent authorities (SQLite's 0011), made before users, which point at them.
CREATE TABLE authorities (
    id         text PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 32),
    name_el    text NOT NULL CHECK (length(name_el) >= 1),
    name_en    text NOT NULL CHECK (length(name_en) >= 1),
    created_at text NOT NULL,
    disabled   bigint NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- SQLite's COLLATE NOCASE: usernames compare and sort without regard to case, and are unique
-- so. A nondeterministic ICU collation at strength 2 ignores case but not accents, as NOCASE
-- does (it folds Greek case too, where NOCASE folds ASCII only: username_folded, unique, is
-- stricter than both anyway).
CREATE COLLATION kep_nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- Columns in SQLite's order: those its later migrations added (region 0003, username_folded
-- 0006, authority_id 0011) come last.
CREATE TABLE users (
    id              text PRIMARY KEY NOT NULL,
    username        text COLLATE kep_nocase NOT NULL UNIQUE,
    display_name    text NOT NULL,
    role            text NOT NULL
                    CHECK (role IN ('clerk', 'manager', 'central_admin', 'authority', 'it')),
    office_id       text REFERENCES offices (id),
    password_hash   text NOT NULL,
    disabled        bigint NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      text NOT NULL,
    region          text,
    username_folded text,
    authority_id    text REFERENCES authorities (id),
    CHECK ((role IN ('clerk', 'manager')) = (office_id IS NOT NULL))
);

CREATE INDEX users_office ON users (office_id);
CREATE UNIQUE INDEX users_username_folded ON users (username_folded);
CREATE INDEX users_authority ON users (authority_id) WHERE authority_id IS NOT NULL;

-- SQLite keeps this rule in the triggers users_authority_insert and users_authority_update
-- because a column added later cannot join a table's CHECK; here it is the same trigger pair.
CREATE FUNCTION kep_users_authority_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.role = 'authority') <> (NEW.authority_id IS NOT NULL) THEN
        RAISE EXCEPTION 'authority users, and only they, have an authority_id'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_authority_insert BEFORE INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION kep_users_authority_check();
CREATE TRIGGER users_authority_update BEFORE UPDATE OF role, authority_id ON users
    FOR EACH ROW EXECUTE FUNCTION kep_users_authority_check();

CREATE TABLE admin_certificates (
    sha256_fingerprint text PRIMARY KEY NOT NULL,
    common_name        text NOT NULL,
    not_after          text NOT NULL,
    created_at         text NOT NULL,
    revoked            bigint NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

-- 0002 and 0003: sign-in throttling, sessions, enrolment codes, workstations.
CREATE TABLE sign_in_failures (
    subject_kind text NOT NULL CHECK (subject_kind IN ('user', 'address')),
    subject      text NOT NULL CHECK (length(subject) BETWEEN 1 AND 256),
    count        bigint NOT NULL CHECK (count >= 0),
    window_start text NOT NULL,
    last_at      text NOT NULL,
    locked_until text,
    PRIMARY KEY (subject_kind, subject)
);

CREATE INDEX sign_in_failures_last_at ON sign_in_failures (last_at);

CREATE TABLE sessions (
    token_hash         text PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
    user_id            text NOT NULL REFERENCES users (id),
    device_fingerprint text NOT NULL,
    created_at         text NOT NULL,
    last_seen_at       text NOT NULL,
    revoked_at         text
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

CREATE TABLE enrolment_codes (
    code_hash  text PRIMARY KEY NOT NULL CHECK (length(code_hash) = 64),
    office_id  text NOT NULL REFERENCES offices (id),
    created_at text NOT NULL,
    expires_at text NOT NULL,
    used_at    text
);

CREATE INDEX enrolment_codes_office ON enrolment_codes (office_id);

CREATE TABLE devices (
    id               text PRIMARY KEY NOT NULL,
    office_id        text NOT NULL REFERENCES offices (id),
    cert_serial      text NOT NULL UNIQUE,
    cert_fingerprint text NOT NULL UNIQUE,
    enrolled_at      text NOT NULL,
    revoked_at       text,
    hostname         text CHECK (hostname IS NULL OR length(hostname) <= 253)
);

CREATE INDEX devices_office ON devices (office_id);
CREATE INDEX devices_office_enrolled ON devices (office_id, enrolled_at);

-- 0004: the procedure catalogue.
CREATE TABLE catalogue_procedures (
    id                     text PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    published_version      bigint,
    requires_approval      bigint NOT NULL DEFAULT 1 CHECK (requires_approval IN (0, 1)),
    competent_authority_id text CHECK (length(competent_authority_id) BETWEEN 1 AND 64),
    offered_at_kep         bigint NOT NULL DEFAULT 1 CHECK (offered_at_kep IN (0, 1)),
    change_seq             bigint UNIQUE,
    created_at             text NOT NULL,
    CHECK ((published_version IS NULL) = (change_seq IS NULL))
);

CREATE TABLE catalogue_versions (
    procedure_id   text NOT NULL REFERENCES catalogue_procedures (id),
    version        bigint NOT NULL CHECK (version >= 1),
    content_hash   text NOT NULL CHECK (length(content_hash) = 64),
    canonical_json text NOT NULL,
    title_el       text NOT NULL,
    title_en       text NOT NULL,
    imported_at    text NOT NULL,
    published_at   text,
    UNIQUE (procedure_id, version)
);

CREATE UNIQUE INDEX catalogue_versions_one_draft
    ON catalogue_versions (procedure_id) WHERE published_at IS NULL;

CREATE TABLE catalogue_sequence (
    id       bigint PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL CHECK (last_seq >= 0)
);

INSERT INTO catalogue_sequence (id, last_seq) VALUES (1, 0);

-- 0005: protocol-number leasing.
CREATE TABLE protocol_sequences (
    office_code text NOT NULL CHECK (length(office_code) BETWEEN 1 AND 16),
    year        bigint NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    high_water  bigint NOT NULL CHECK (high_water >= 0),
    PRIMARY KEY (office_code, year)
);

CREATE TABLE protocol_leases (
    id          text PRIMARY KEY NOT NULL,
    office_code text NOT NULL,
    year        bigint NOT NULL,
    first       bigint NOT NULL CHECK (first >= 1),
    last        bigint NOT NULL CHECK (last >= first),
    device_id   text,
    leased_at   text NOT NULL
);

CREATE INDEX protocol_leases_by_office ON protocol_leases (office_code, year, first);

-- 0007: API keys.
CREATE TABLE api_keys (
    id           text PRIMARY KEY NOT NULL,
    kind         text NOT NULL
                 CHECK (kind IN ('gov_channel', 'eu_go_channel', 'authority_system')),
    name         text NOT NULL,
    authority_id text,
    key_hash     text NOT NULL UNIQUE,
    created_at   text NOT NULL,
    revoked_at   text,
    CHECK ((kind = 'authority_system') = (authority_id IS NOT NULL))
);

-- 0009: attachments. upload_no is SQLite's rowid, handed out by the insert.
CREATE TABLE attachment_content (
    sha256     text PRIMARY KEY CHECK (length(sha256) = 64),
    size       bigint NOT NULL CHECK (size >= 1),
    media_type text NOT NULL,
    stored_at  text NOT NULL
);

CREATE TABLE attachment_upload (
    upload_no   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    sha256      text NOT NULL CHECK (length(sha256) = 64),
    office_code text NOT NULL,
    device_id   text NOT NULL,
    size        bigint NOT NULL CHECK (size >= 1),
    media_type  text NOT NULL,
    chunk_size  bigint NOT NULL CHECK (chunk_size >= 1),
    opened_at   text NOT NULL,
    UNIQUE (sha256, office_code)
);

CREATE TABLE attachment_chunk (
    upload_no   bigint NOT NULL REFERENCES attachment_upload (upload_no) ON DELETE CASCADE,
    chunk_index bigint NOT NULL CHECK (chunk_index >= 0),
    PRIMARY KEY (upload_no, chunk_index)
);

-- 0010: the cursors of the jobs that follow the change log (sync_entity's look-up columns and
-- indices are 0001_sync.sql's).
CREATE TABLE change_follower (
    name   text PRIMARY KEY NOT NULL,
    cursor bigint NOT NULL CHECK (cursor >= 0)
);

-- 0012: online applications.
CREATE TABLE intake_requests (
    channel         text NOT NULL CHECK (channel IN ('govgr', 'eugo')),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    body_sha256     text NOT NULL,
    case_id         text NOT NULL UNIQUE,
    office_code     text NOT NULL,
    answer          text NOT NULL,
    fields          text,
    created_at      text NOT NULL,
    PRIMARY KEY (channel, idempotency_key)
);

-- 0013: the citizens' notifications.
CREATE TABLE notification_outbox (
    id              text PRIMARY KEY NOT NULL,
    case_id         text NOT NULL,
    change_seq      bigint NOT NULL,
    notice          text NOT NULL CHECK (notice IN ('filed', 'documents_needed', 'result_ready',
                                                    'rejected')),
    channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
    language        text NOT NULL CHECK (language IN ('el', 'en')),
    protocol_number text NOT NULL,
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    state           text NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts        bigint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_ms bigint NOT NULL,
    created_ms      bigint NOT NULL,
    finished_ms     bigint,
    last_error      text,
    UNIQUE (change_seq, channel)
);

CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_ms)
    WHERE state = 'queued';
CREATE INDEX notification_outbox_case ON notification_outbox (case_id, notice);

-- 0014: documents obtained ex officio.
CREATE TABLE registry_request (
    request_id      text PRIMARY KEY NOT NULL,
    case_id         text NOT NULL,
    office_code     text NOT NULL,
    protocol_number text NOT NULL,
    procedure_id    text NOT NULL,
    evidence_id     text NOT NULL,
    evidence_type   text NOT NULL,
    issuer_id       text NOT NULL,
    change_seq      bigint NOT NULL,
    queued_at       text NOT NULL,
    state           text NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'answered', 'refused', 'failed')),
    attempts        bigint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_ms bigint NOT NULL,
    answered_at     text,
    sha256          text CHECK (sha256 IS NULL OR length(sha256) = 64),
    refusal_code    text,
    refusal_reason  text,
    attached        bigint NOT NULL DEFAULT 0 CHECK (attached IN (0, 1)),
    UNIQUE (case_id, evidence_id)
);

CREATE INDEX registry_request_due ON registry_request (next_attempt_ms) WHERE state = 'queued';
CREATE INDEX registry_request_unattached ON registry_request (case_id)
    WHERE state <> 'queued' AND attached = 0;

CREATE TABLE registry_attempt (
    request_id  text NOT NULL REFERENCES registry_request (request_id),
    attempt     bigint NOT NULL CHECK (attempt >= 1),
    sent_at     text NOT NULL,
    answered_at text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('document', 'refused', 'unavailable')),
    detail      text NOT NULL,
    PRIMARY KEY (request_id, attempt)
);

-- 0015: statistics.
CREATE TABLE stats_case (
    case_id           text PRIMARY KEY NOT NULL,
    office_code       text NOT NULL,
    region            text NOT NULL,
    procedure_id      text NOT NULL,
    channel           text NOT NULL,
    filed_by          text NOT NULL,
    status            text NOT NULL,
    due_date          text,
    filed_at_ms       bigint,
    awaiting_since_ms bigint,
    awaiting_ms       bigint NOT NULL DEFAULT 0 CHECK (awaiting_ms >= 0),
    stopped_days      bigint NOT NULL DEFAULT 0 CHECK (stopped_days >= 0),
    completed_at_ms   bigint,
    returned          bigint NOT NULL DEFAULT 0 CHECK (returned IN (0, 1))
);

CREATE TABLE stats_filed_day (
    scope        text NOT NULL,
    procedure_id text NOT NULL,
    day          text NOT NULL,
    cases        bigint NOT NULL CHECK (cases >= 0),
    returned     bigint NOT NULL CHECK (returned >= 0),
    rejected     bigint NOT NULL CHECK (rejected >= 0),
    counter      bigint NOT NULL CHECK (counter >= 0),
    remote       bigint NOT NULL CHECK (remote >= 0),
    govgr        bigint NOT NULL CHECK (govgr >= 0),
    eugo         bigint NOT NULL CHECK (eugo >= 0),
    PRIMARY KEY (scope, procedure_id, day)
);

CREATE INDEX stats_filed_day_by_day ON stats_filed_day (scope, day, procedure_id, cases);

CREATE TABLE stats_filed_hour (
    scope text NOT NULL,
    day   text NOT NULL,
    hour  bigint NOT NULL CHECK (hour BETWEEN 0 AND 23),
    cases bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, day, hour)
);

CREATE TABLE stats_status (
    scope        text NOT NULL,
    procedure_id text NOT NULL,
    status       text NOT NULL,
    cases        bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, procedure_id, status)
);

CREATE TABLE stats_open_due (
    scope    text NOT NULL,
    due_date text NOT NULL,
    cases    bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, due_date)
);

CREATE TABLE stats_duration (
    scope         text NOT NULL,
    procedure_id  text NOT NULL,
    month         text NOT NULL,
    bucket        bigint NOT NULL CHECK (bucket >= 0),
    cases         bigint NOT NULL CHECK (cases >= 0),
    with_deadline bigint NOT NULL CHECK (with_deadline >= 0),
    on_time       bigint NOT NULL CHECK (on_time >= 0),
    PRIMARY KEY (scope, procedure_id, month, bucket)
);

CREATE INDEX stats_duration_by_month
    ON stats_duration (scope, month, procedure_id, cases, with_deadline, on_time);

CREATE TABLE stats_clerk_filed (
    office_code text NOT NULL,
    user_id     text NOT NULL,
    month       text NOT NULL,
    cases       bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (office_code, user_id, month)
);

CREATE TABLE stats_clerk_open (
    office_code text NOT NULL,
    user_id     text NOT NULL,
    cases       bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (office_code, user_id)
);

CREATE TABLE stats_desk_sync (
    device_id    text PRIMARY KEY NOT NULL,
    pushed_at_ms bigint,
    pulled_at_ms bigint
);

-- 0016: circulars and feedback. seq is SQLite's AUTOINCREMENT: handed out by the insert inside
-- the sending transaction, which holds the writers' lock (kep::db::Transaction, Immediate), so
-- that a later commit never carries a lower number, as on SQLite.
CREATE TABLE circulars (
    seq             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id              text NOT NULL UNIQUE,
    kind            text NOT NULL CHECK (kind IN ('procedure_change', 'new_rule', 'outage',
                                                  'announcement')),
    title_el        text NOT NULL,
    title_en        text NOT NULL DEFAULT '',
    body_el         text NOT NULL,
    body_en         text NOT NULL DEFAULT '',
    audience        text NOT NULL CHECK (audience IN ('all', 'region', 'offices')),
    audience_region text NOT NULL DEFAULT '',
    scope_region    text NOT NULL DEFAULT '',
    sender_user_id  text NOT NULL,
    sender_region   text NOT NULL DEFAULT '',
    sent_at         text NOT NULL
);

CREATE TABLE circular_offices (
    circular_id text NOT NULL REFERENCES circulars (id),
    office_code text NOT NULL,
    PRIMARY KEY (circular_id, office_code)
);

CREATE TABLE circular_receipts (
    circular_id text NOT NULL REFERENCES circulars (id),
    user_id     text NOT NULL,
    office_code text NOT NULL,
    read_at     text NOT NULL,
    PRIMARY KEY (circular_id, user_id)
);

CREATE TABLE procedure_feedback (
    id           text PRIMARY KEY NOT NULL,
    procedure_id text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('outdated_fee', 'missing_document',
                                               'wrong_authority', 'other')),
    text         text NOT NULL,
    office_code  text NOT NULL,
    user_id      text NOT NULL,
    flagged_at   text NOT NULL,
    received_at  text NOT NULL,
    state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    closed_by    text,
    closed_at    text,
    close_note   text
);

CREATE INDEX procedure_feedback_by_state ON procedure_feedback (state, procedure_id, flagged_at);

CREATE TABLE satisfaction_case (
    case_id      text PRIMARY KEY NOT NULL,
    office_code  text NOT NULL,
    procedure_id text NOT NULL,
    day          text NOT NULL,
    rating       bigint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment      text NOT NULL,
    rated_ms     bigint NOT NULL
);

CREATE INDEX satisfaction_case_comments ON satisfaction_case (office_code, rated_ms);

CREATE TABLE satisfaction_day (
    scope        text NOT NULL,
    procedure_id text NOT NULL,
    day          text NOT NULL,
    rating       bigint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    cases        bigint NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, procedure_id, day, rating)
);

CREATE INDEX satisfaction_day_by_day ON satisfaction_day (scope, day, procedure_id);

-- 0017: the audit log's signed checkpoints (audit_entry is 0001_sync.sql's), append-only like
-- the entries, through 0001's kep_refuse_change().
CREATE TABLE audit_checkpoint (
    tree_size bigint PRIMARY KEY CHECK (tree_size >= 1),
    root      bytea NOT NULL CHECK (length(root) = 32),
    at        text NOT NULL,
    signature bytea NOT NULL CHECK (length(signature) = 64),
    frontier  bytea NOT NULL
);

CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION kep_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION kep_refuse_change();

-- 0019: personal data as the law requires (sync_entity_closed_case and sync_change_entity are
-- 0001_sync.sql's).
CREATE TABLE privacy_retention (
    procedure_id        text PRIMARY KEY NOT NULL
                        CHECK (length(procedure_id) BETWEEN 1 AND 128),
    purge_after_years   bigint NOT NULL CHECK (purge_after_years BETWEEN 1 AND 100),
    keep_at_least_years bigint NOT NULL DEFAULT 0
                        CHECK (keep_at_least_years BETWEEN 0 AND purge_after_years),
    set_at              text NOT NULL,
    set_by              text NOT NULL
);

CREATE TABLE privacy_purged (
    case_id   text PRIMARY KEY NOT NULL,
    reason    text NOT NULL CHECK (reason IN ('retention', 'erasure')),
    purged_at text NOT NULL
);
