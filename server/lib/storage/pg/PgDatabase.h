// kep::db on PostgreSQL (issue 10): a Database whose driver speaks libpq, so that the stores
// written for kep::db run unchanged on the national back-end.
#pragma once

#include <cstddef>
#include <string>

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

namespace kep::server::pg {

// Connects to `dsn` (a libpq connection string). Parameter markers are SQLite's, numbered the same
// way. Each statement PostgreSQL plans (SELECT, INSERT, UPDATE, DELETE, WITH) is prepared on the
// server the first time its text runs on the connection and run by name after, so that identity
// look-ups and session checks are not parsed and planned on every request. Values travel as text
// of unspecified type (PostgreSQL infers it from the SQL), blobs as binary bytea; results are read
// in text form. Immediate transactions take the writer lock (kWriterLockKey); options.busyTimeoutMs
// becomes lock_timeout. Throws kep::db::Error (SQLITE_CANTOPEN) naming the server's reason, never
// the password.
kep::db::Database openDatabase(const std::string& dsn, const kep::db::OpenOptions& options = {});

// How many statement texts a Database that openDatabase() made keeps prepared on the server
// (PreparedStatements::kDefaultLimit unless set; 0: none). Beyond it, a new text runs unnamed,
// parsed and planned each time, as dynamic SQL (IN-lists of every length) should; those already
// prepared stay. No effect on any other Database.
void setPreparedStatementLimit(kep::db::Database& db, std::size_t limit);

// The libpq connection under a Database that openDatabase() made, nullptr under any other
// (SQLite's): for a writer that uses kep::db and a libpq-level store in one transaction.
Connection* libpqConnectionOf(kep::db::Database& db);

}  // namespace kep::server::pg
