// PostgreSQL's failures as kep::db::Error: the SQLSTATE kept, and mapped onto the SQLite code
// that means the same, so that isBusy() and isConstraint() hold on both back-ends.
#pragma once

#include <string>
#include <string_view>

#include "db/Database.h"
#include "storage/pg/PgConnection.h"

namespace kep::server::pg {

// The SQLite (extended) result code nearest to a SQLSTATE: class 23 to SQLITE_CONSTRAINT_*,
// 40001, 40P01 and 55P03 to SQLITE_BUSY, class 22 to SQLITE_MISMATCH, 25006 to SQLITE_READONLY,
// no state at all or a connection failure to SQLITE_IOERR, anything else to SQLITE_ERROR.
int sqliteCodeFor(std::string_view sqlState);

// The connection failed (class 08) or the server is going away or not yet back (57P01
// admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now): a reconnection may cure it.
bool isConnectionFailureState(std::string_view sqlState);

// libpq's message without the line break it ends with; "" for nullptr.
std::string trimmedMessage(const char* message);

kep::db::Error databaseError(const std::string& sqlState, const std::string& message);
kep::db::Error databaseError(const PgError& error);

}  // namespace kep::server::pg
