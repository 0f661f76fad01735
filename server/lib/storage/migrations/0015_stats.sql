-- Statistics kept up to date incrementally (issue 8, must-have 1): the stats job follows the case
-- change log (change_follower 'stats') and, in the transaction that advances its cursor, moves
-- each changed case's contribution in the small tables below, so that a dashboard query sums a
-- few hundred or thousand rows and never scans the cases. server/lib/stats/CaseContribution.h
-- says which rows a case counts in. In every aggregate keyed by scope, an office's rows (scope =
-- its code) have two roll-ups: its region's (scope 'region:' || offices.region, the region the
-- office was in when the case was first counted) and the nation's (scope ''); procedure_id '' is
-- the roll-up of all procedures. Days and hours are Greek civil time; *_ms are milliseconds since
-- the epoch (the server's clock, the case's status_at).

-- One small row per case: what its contributions are computed from.
CREATE TABLE stats_case (
    case_id            TEXT PRIMARY KEY NOT NULL,
    office_code        TEXT NOT NULL,
    region             TEXT NOT NULL,           -- the office's, when the case was first counted
    procedure_id       TEXT NOT NULL,
    channel            TEXT NOT NULL,
    filed_by           TEXT NOT NULL,
    status             TEXT NOT NULL,
    due_date           TEXT,
    filed_at_ms        INTEGER,                 -- first step out of draft; NULL for a draft
    awaiting_since_ms  INTEGER,                 -- in awaiting_documents since, else NULL
    awaiting_ms        INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_ms >= 0),
    stopped_days       INTEGER NOT NULL DEFAULT 0 CHECK (stopped_days >= 0),  -- working days
    completed_at_ms    INTEGER,                 -- first entry into completed
    returned           INTEGER NOT NULL DEFAULT 0 CHECK (returned IN (0, 1))
) STRICT, WITHOUT ROWID;

-- Cases filed per Greek day, office and procedure, and of them by channel (the four channels
-- of shared/cases/CaseFields.h); `returned` of them were returned to the clerk at least once,
-- `rejected` are rejected now (rates of the cases filed in a period).
CREATE TABLE stats_filed_day (
    scope        TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    day          TEXT NOT NULL,
    cases        INTEGER NOT NULL CHECK (cases >= 0),
    returned     INTEGER NOT NULL CHECK (returned >= 0),
    rejected     INTEGER NOT NULL CHECK (rejected >= 0),
    counter      INTEGER NOT NULL CHECK (counter >= 0),
    remote       INTEGER NOT NULL CHECK (remote >= 0),
    govgr        INTEGER NOT NULL CHECK (govgr >= 0),
    eugo         INTEGER NOT NULL CHECK (eugo >= 0),
    PRIMARY KEY (scope, procedure_id, day)
) STRICT, WITHOUT ROWID;

-- The procedures filed most in a period: a day range first, then every procedure in it, with
-- the count in the index so that no row is looked up.
CREATE INDEX stats_filed_day_by_day ON stats_filed_day (scope, day, procedure_id, cases);

-- The same filings by the hour of the Greek day they were filed in (busiest hours).
CREATE TABLE stats_filed_hour (
    scope TEXT NOT NULL,
    day   TEXT NOT NULL,
    hour  INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    cases INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, day, hour)
) STRICT, WITHOUT ROWID;

-- Filed cases in each status now: a transition moves one case from a row to another.
CREATE TABLE stats_status (
    scope        TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    status       TEXT NOT NULL,
    cases        INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, procedure_id, status)
) STRICT, WITHOUT ROWID;

-- The deadline radar: open cases whose deadline runs (not awaiting documents), by due date with
-- the working days spent awaiting documents added.
CREATE TABLE stats_open_due (
    scope    TEXT NOT NULL,
    due_date TEXT NOT NULL,
    cases    INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (scope, due_date)
) STRICT, WITHOUT ROWID;

-- Completed cases by Greek month of completion and processing time (filing to completion) in
-- log-spaced buckets (stats/DurationHistogram.h); with_deadline of them had a due date, on_time
-- of those were completed by it.
CREATE TABLE stats_duration (
    scope         TEXT NOT NULL,
    procedure_id  TEXT NOT NULL,
    month         TEXT NOT NULL,
    bucket        INTEGER NOT NULL CHECK (bucket >= 0),
    cases         INTEGER NOT NULL CHECK (cases >= 0),
    with_deadline INTEGER NOT NULL CHECK (with_deadline >= 0),
    on_time       INTEGER NOT NULL CHECK (on_time >= 0),
    PRIMARY KEY (scope, procedure_id, month, bucket)
) STRICT, WITHOUT ROWID;

-- The slowest procedures in a period: a month range first, then every procedure in it (the
-- counts in the index: no row is looked up).
CREATE INDEX stats_duration_by_month
    ON stats_duration (scope, month, procedure_id, cases, with_deadline, on_time);

-- A clerk's workload, without ranking: cases filed per Greek month, and open cases now.
CREATE TABLE stats_clerk_filed (
    office_code TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    month       TEXT NOT NULL,
    cases       INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (office_code, user_id, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE stats_clerk_open (
    office_code TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    cases       INTEGER NOT NULL CHECK (cases >= 0),
    PRIMARY KEY (office_code, user_id)
) STRICT, WITHOUT ROWID;

-- When each workstation last pushed and pulled (sync lag per office): kept in memory by the sync
-- routes and written here by the stats job, so that a pull costs no write of its own.
CREATE TABLE stats_desk_sync (
    device_id    TEXT PRIMARY KEY NOT NULL,
    pushed_at_ms INTEGER,
    pulled_at_ms INTEGER
) STRICT, WITHOUT ROWID;
