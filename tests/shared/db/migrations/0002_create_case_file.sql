-- Cases filed at an office; the UUIDv7 key is time-ordered text.
CREATE TABLE case_file (
    id        TEXT PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES office (id),
    status    TEXT NOT NULL DEFAULT 'filed'
);
CREATE INDEX case_file_office ON case_file (office_id, status);
