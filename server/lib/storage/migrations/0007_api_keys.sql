-- The systems that call kep-server with an API key instead of a workstation certificate: the
-- gov.gr and EU-GO channels and the competent authorities' own systems (issue 3). Only the
-- SHA-256 of the key is kept; the key is shown once, when `kep-server api-key add` makes it.
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('gov_channel', 'eu_go_channel', 'authority_system')),
    name         TEXT NOT NULL,
    authority_id TEXT,
    key_hash     TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    CHECK ((kind = 'authority_system') = (authority_id IS NOT NULL))
) STRICT;
