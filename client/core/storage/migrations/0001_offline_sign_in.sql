-- Offline sign-in: for each user who signed in online at this workstation, an Argon2id verifier
-- of the password (never the password), the profile shown while offline, and when the server
-- last checked the password. username_key is the case-folded username the desk looks up by.
-- Times are ISO 8601 UTC text ("2025-01-31T08:15:02Z").
CREATE TABLE offline_verifier (
    username_key      TEXT PRIMARY KEY,
    user_id           TEXT NOT NULL,
    username          TEXT NOT NULL,
    display_name      TEXT NOT NULL,
    role              TEXT NOT NULL,
    office_code       TEXT NOT NULL,
    office_name       TEXT NOT NULL,
    verifier          TEXT NOT NULL,
    last_online_check TEXT NOT NULL
) STRICT;

CREATE INDEX offline_verifier_user ON offline_verifier(user_id);
