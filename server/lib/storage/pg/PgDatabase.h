// kep::db on PostgreSQL (issue 10): a Database whose driver speaks libpq, so that the stores
// written for kep::db run unchanged on the national back-end.
#pragma once

#include <string>

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

namespace kep::server::pg {

// Connects to `dsn` (a libpq connection string). Parameter markers are SQLite's, numbered the same
// way; values travel as text of unspecified type (PostgreSQL infers it from the SQL), blobs as
// binary bytea; results are read in text form. Immediate transactions take the writer lock
// (kWriterLockKey); options.busyTimeoutMs becomes lock_timeout. Throws kep::db::Error
// (SQLITE_CANTOPEN) naming the server's reason, never the password.
kep::db::Database openDatabase(const std::string& dsn, const kep::db::OpenOptions& options = {});

// The libpq connection under a Database that openDatabase() made, nullptr under any other
// (SQLite's): for a writer that uses kep::db and a libpq-level store in one transaction.
Connection* libpqConnectionOf(kep::db::Database& db);

}  // namespace kep::server::pg
