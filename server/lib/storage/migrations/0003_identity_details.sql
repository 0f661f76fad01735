-- What the identity routes need beyond 0002: the host name a workstation gave when it enrolled
-- (for the office's device list) and the region an IT user looks after (the policy's own_region
-- scope for users without an office). Both optional: rows from before this step keep NULL.

ALTER TABLE devices ADD COLUMN hostname TEXT CHECK (hostname IS NULL OR length(hostname) <= 253);

ALTER TABLE users ADD COLUMN region TEXT;

-- The administrator's device list is by office, newest first.
CREATE INDEX devices_office_enrolled ON devices(office_id, enrolled_at);
