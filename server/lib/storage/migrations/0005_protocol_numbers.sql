-- Protocol-number leasing (DESIGN.md, decision 3): the per-office-and-year high-water mark every
-- block is cut from — desks' leases and the numbers the server gives online applications
-- alike, so the two never collide — and a row per lease, naming the workstation it went to.

CREATE TABLE protocol_sequences (
    office_code TEXT NOT NULL CHECK (length(office_code) BETWEEN 1 AND 16),
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    high_water  INTEGER NOT NULL CHECK (high_water >= 0),
    PRIMARY KEY (office_code, year)
) STRICT;

CREATE TABLE protocol_leases (
    id          TEXT PRIMARY KEY NOT NULL,
    office_code TEXT NOT NULL,
    year        INTEGER NOT NULL,
    first       INTEGER NOT NULL CHECK (first >= 1),
    last        INTEGER NOT NULL CHECK (last >= first),
    device_id   TEXT,  -- NULL: numbered by the server itself
    leased_at   TEXT NOT NULL
) STRICT;
CREATE INDEX protocol_leases_by_office ON protocol_leases (office_code, year, first);
