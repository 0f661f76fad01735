#include "storage/pg/PgErrors.h"

#include <sqlite3.h>

namespace kep::server::pg {

bool isConnectionFailureState(std::string_view sqlState) {
    return sqlState.starts_with("08") || sqlState == "57P01" || sqlState == "57P02" ||
           sqlState == "57P03";
}

int sqliteCodeFor(std::string_view sqlState) {
    if (sqlState.empty() || isConnectionFailureState(sqlState)) {
        return SQLITE_IOERR;
    }
    if (sqlState == "40001" || sqlState == "40P01" || sqlState == "55P03") {
        return SQLITE_BUSY;
    }
    if (sqlState.starts_with("23")) {
        if (sqlState == "23505") {
            return SQLITE_CONSTRAINT_UNIQUE;
        }
        if (sqlState == "23502") {
            return SQLITE_CONSTRAINT_NOTNULL;
        }
        if (sqlState == "23503") {
            return SQLITE_CONSTRAINT_FOREIGNKEY;
        }
        if (sqlState == "23514") {
            return SQLITE_CONSTRAINT_CHECK;
        }
        return SQLITE_CONSTRAINT;
    }
    if (sqlState.starts_with("22")) {
        return SQLITE_MISMATCH;
    }
    if (sqlState == "25006") {
        return SQLITE_READONLY;
    }
    return SQLITE_ERROR;
}

std::string trimmedMessage(const char* message) {
    std::string text = message != nullptr ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

kep::db::Error databaseError(const std::string& sqlState, const std::string& message) {
    return kep::db::Error(sqliteCodeFor(sqlState), message, sqlState);
}

kep::db::Error databaseError(const PgError& error) {
    return databaseError(error.sqlState(), error.what());
}

}  // namespace kep::server::pg
