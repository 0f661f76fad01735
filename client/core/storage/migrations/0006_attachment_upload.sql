-- Which attachments the server holds (issue 6, must-have 5). Keyed by content, not by case: a
-- file attached to two cases is uploaded once. A row is written only after the server answered
-- that the upload is complete (SHA-256 verified), so an attachment without one is still owed.
CREATE TABLE attachment_upload (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    uploaded_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
