-- Usernames are told apart folded (kep::domain::foldForSearch: case and accents, Greek as well
-- as Latin). COLLATE NOCASE folds ASCII only, so «Μαρία» and «μαρια» were two users sharing one
-- sign-in lock-out counter. The column is filled by the server (SQLite cannot fold Greek) when
-- it opens a database that predates it; NULL only until then.
ALTER TABLE users ADD COLUMN username_folded TEXT;
CREATE UNIQUE INDEX users_username_folded ON users (username_folded);
