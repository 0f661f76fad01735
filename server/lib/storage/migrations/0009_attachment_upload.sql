-- Attachments (issue 6, must-have 5; DESIGN.md decision 5): content-addressed by SHA-256,
-- uploaded in resumable chunks, de-duplicated. Written by attachments/AttachmentStore.

-- Content the server holds, verified: DIR/attachments/<sha256>.<pdf|jpg|png>. Shared by hash
-- across offices, so a file already here is never uploaded again.
CREATE TABLE attachment_content (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 1),
    media_type TEXT NOT NULL,
    stored_at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- An upload in progress, one per content and office (an office's desks may resume each other's;
-- another office's upload is not theirs to see or add to). Its chunks are the files
-- DIR/uploads/<upload_no>/<chunk_index>; chunk_size is kept so that a later change of the
-- server's chunk size leaves uploads in flight intact.
CREATE TABLE attachment_upload (
    upload_no   INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    office_code TEXT NOT NULL,
    device_id   TEXT NOT NULL,  -- the workstation that opened it
    size        INTEGER NOT NULL CHECK (size >= 1),
    media_type  TEXT NOT NULL,
    chunk_size  INTEGER NOT NULL CHECK (chunk_size >= 1),
    opened_at   TEXT NOT NULL,
    UNIQUE (sha256, office_code)
) STRICT;

-- A chunk is recorded only after its file is written and synced: a row means durable bytes.
CREATE TABLE attachment_chunk (
    upload_no   INTEGER NOT NULL REFERENCES attachment_upload (upload_no) ON DELETE CASCADE,
    chunk_index INTEGER NOT NULL CHECK (chunk_index >= 0),
    PRIMARY KEY (upload_no, chunk_index)
) STRICT, WITHOUT ROWID;
