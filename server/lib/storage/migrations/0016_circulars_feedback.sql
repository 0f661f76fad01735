-- The centre talking to its offices and back (issue 8, must-haves 5, 6 and 7): circulars and
-- their read receipts, clerks' flags on catalogue entries, and citizens' satisfaction ratings.

-- A circular as sent: immutable once written. `seq` is the `circulars` sync bucket's change
-- sequence: it is handed out inside the sending transaction, and SQLite has one writer at a
-- time, so a later commit never carries a lower number and a pull never skips one.
CREATE TABLE circulars (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,             -- UUIDv7
    kind            TEXT NOT NULL CHECK (kind IN ('procedure_change', 'new_rule', 'outage',
                                                  'announcement')),
    title_el        TEXT NOT NULL,
    title_en        TEXT NOT NULL DEFAULT '',         -- '' when sent in Greek only
    body_el         TEXT NOT NULL,
    body_en         TEXT NOT NULL DEFAULT '',
    audience        TEXT NOT NULL CHECK (audience IN ('all', 'region', 'offices')),
    audience_region TEXT NOT NULL DEFAULT '',         -- audience 'region': the region's name
    -- Where the policy sees the circular (its receipts are read within it): '' national, else
    -- the one region every office of the audience is in.
    scope_region    TEXT NOT NULL DEFAULT '',
    sender_user_id  TEXT NOT NULL,
    sender_region   TEXT NOT NULL DEFAULT '',         -- '' the central administration, else
                                                      -- the sending region (its IT staff)
    sent_at         TEXT NOT NULL                     -- ISO 8601 UTC
) STRICT;

-- Audience 'offices': the offices chosen, by code.
CREATE TABLE circular_offices (
    circular_id TEXT NOT NULL REFERENCES circulars (id),
    office_code TEXT NOT NULL,
    PRIMARY KEY (circular_id, office_code)
) STRICT, WITHOUT ROWID;

-- One row per user who read a circular: a receipt sent again changes nothing.
CREATE TABLE circular_receipts (
    circular_id TEXT NOT NULL REFERENCES circulars (id),
    user_id     TEXT NOT NULL,
    office_code TEXT NOT NULL,
    read_at     TEXT NOT NULL,                        -- when the user marked it read, at the desk
    PRIMARY KEY (circular_id, user_id)
) STRICT, WITHOUT ROWID;

-- A clerk's flag on a catalogue entry. `id` is made by the desk when the flag is queued, so a
-- flag sent again after a lost answer is stored once.
CREATE TABLE procedure_feedback (
    id           TEXT PRIMARY KEY NOT NULL,
    procedure_id TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('outdated_fee', 'missing_document',
                                               'wrong_authority', 'other')),
    text         TEXT NOT NULL,
    office_code  TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    flagged_at   TEXT NOT NULL,                       -- at the desk
    received_at  TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    closed_by    TEXT,
    closed_at    TEXT,
    close_note   TEXT
) STRICT;

CREATE INDEX procedure_feedback_by_state ON procedure_feedback (state, procedure_id, flagged_at);

-- Citizens' satisfaction (must-have 5), kept by the job that follows the case change log
-- (change_follower 'satisfaction'): one row per rated case, so that a rating changed later
-- moves its count instead of adding one ...
CREATE TABLE satisfaction_case (
    case_id      TEXT PRIMARY KEY NOT NULL,
    office_code  TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    day          TEXT NOT NULL,                       -- Greek civil date of the rating
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment      TEXT NOT NULL,                       -- '' when none was given
    rated_ms     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX satisfaction_case_comments ON satisfaction_case (office_code, rated_ms);

-- ... and the counts per day and rating, with the same roll-ups as the stats tables: scope ''
-- is the nation, procedure_id '' every procedure, so that a figure sums a few hundred rows.
CREATE TABLE satisfaction_day (
    scope        TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    day          TEXT NOT NULL,
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    cases        INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, procedure_id, day, rating)
) STRICT, WITHOUT ROWID;

CREATE INDEX satisfaction_day_by_day ON satisfaction_day (scope, day, procedure_id);
