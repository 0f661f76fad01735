// The connection half of kep::db's PostgreSQL driver, and openDatabase().
#include "storage/pg/PgDatabase.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "db/SqlExcerpt.h"
#include "storage/pg/PgDatabaseDriver.h"
#include "storage/pg/PgErrors.h"
#include "storage/pg/PgMigrate.h"

namespace kep::server::pg {

namespace {

// The server's primary message only: its DETAIL repeats the offending values ("Key (afm)=(...)
// already exists"), and a data error quotes the input after a colon, which may be personal data.
std::string reasonWithoutValues(pg_result* result, const std::string& sqlState) {
    std::string reason = trimmedMessage(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    if (sqlState.starts_with("22")) {
        const auto quoted = reason.find(": \"");
        if (quoted != std::string::npos) {
            reason.erase(quoted);
        }
    }
    return reason;
}

// The text form of a number for PostgreSQL's timeouts.
std::string milliseconds(int value) {
    // PostgreSQL's 0 would mean "wait for ever"; SQLite's 0 means "do not wait".
    return std::to_string(std::max(value, 1)) + "ms";
}

}  // namespace

PgConnectionDriver::PgConnectionDriver(Connection connection)
    : connection_(std::move(connection)) {}

pg_result* PgConnectionDriver::checked(pg_result* result, std::string_view operation,
                                       std::string_view sql) {
    const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
        return result;
    }
    connection_.afterFailure(result);
    std::string sqlState;
    std::string reason;
    if (result != nullptr && status == PGRES_FATAL_ERROR) {
        const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
        sqlState = state != nullptr ? state : "";
        reason = reasonWithoutValues(result, sqlState);
    }
    if (reason.empty()) {
        reason = trimmedMessage(PQerrorMessage(native()));
    }
    PQclear(result);
    std::string message(operation);
    message += ": " + reason;
    if (!sql.empty()) {
        message += " [" + kep::db::sqlExcerpt(sql) + "]";
    }
    throw databaseError(sqlState, message);
}

bool PgConnectionDriver::beforeStatement(StatementRole role) {
    try {
        return connection_.beforeStatement(role);
    } catch (const PgError& error) {
        throw databaseError(error);
    }
}

void PgConnectionDriver::countChanges(pg_result* result) {
    // As SQLite's changes(): only a statement that writes rows sets it.
    const std::string_view tag = PQcmdStatus(result);
    if (tag.starts_with("INSERT") || tag.starts_with("UPDATE") || tag.starts_with("DELETE") ||
        tag.starts_with("MERGE")) {
        changes_ = std::atoi(PQcmdTuples(result));
    }
}

const std::string* PgConnectionDriver::preparedName(const std::string& sql,
                                                    std::span<const unsigned> types,
                                                    std::string_view operation,
                                                    std::string_view excerpt) {
    if (preparedSession_ != connection_.reconnections()) {
        // Made again since: the session they were prepared on ended, and they with it. Prepared
        // again as they are next run, rather than all at the reconnection.
        prepared_.forgetAll();
        preparedSession_ = connection_.reconnections();
    }
    const std::string key = PreparedStatements::keyOf(sql, types);
    if (const std::string* name = prepared_.find(key)) {
        return name;
    }
    std::string name = prepared_.nextName();
    if (name.empty()) {
        return nullptr;
    }
    PQclear(checked(PQprepare(native(), name.c_str(), sql.c_str(), static_cast<int>(types.size()),
                              types.data()),
                    operation, excerpt));
    prepared_.remember(key, std::move(name));
    return prepared_.find(key);
}

void PgConnectionDriver::forgetPreparedStatements() {
    const bool sameSession = preparedSession_ == connection_.reconnections();
    const auto names = prepared_.forgetAll();
    if (!sameSession || names.empty()) {
        return;
    }
    // Names of kep::db's own only: a libpq-level store's statements on this connection stay.
    std::string deallocate;
    for (const auto& name : names) {
        deallocate += "DEALLOCATE " + name + ";";
    }
    PQclear(checked(PQexec(native(), deallocate.c_str()), "exec", {}));
}

void PgConnectionDriver::refuseTransactionControl(std::string_view sql) const {
    static constexpr std::array<std::string_view, 6> kEnding = {"BEGIN", "START",    "COMMIT",
                                                                "END",   "ROLLBACK", "ABORT"};
    for (const std::string_view statement : splitStatements(sql)) {
        const std::string keyword = leadingKeyword(statement);
        std::string lowered(statement);
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (std::find(kEnding.begin(), kEnding.end(), keyword) != kEnding.end() ||
            lowered.find("kep_schema_version") != std::string::npos) {
            throw kep::db::Error(SQLITE_AUTH,
                                 "exec: not authorized [" + kep::db::sqlExcerpt(statement) + "]");
        }
    }
}

void PgConnectionDriver::exec(std::string_view sql) {
    if (guarded_) {
        refuseTransactionControl(sql);
    }
    if (!beforeStatement(statementRole(sql))) {
        return;
    }
    // PQexec runs several statements at once, which a schema needs; it answers with the last.
    pg_result* result = checked(PQexec(native(), std::string(sql).c_str()), "exec", sql);
    countChanges(result);
    PQclear(result);
    const auto statements = splitStatements(sql);
    if (std::any_of(statements.begin(), statements.end(), [](std::string_view statement) {
            return changesSchema(leadingKeyword(statement));
        })) {
        forgetPreparedStatements();
    }
}

std::unique_ptr<kep::db::StatementDriver> PgConnectionDriver::prepare(std::string_view sql) {
    const auto statements = splitStatements(sql);
    if (statements.empty()) {
        throw kep::db::Error(SQLITE_MISUSE,
                             "prepare: no SQL statement in [" + kep::db::sqlExcerpt(sql) + "]");
    }
    if (statements.size() > 1) {
        throw kep::db::Error(SQLITE_MISUSE, "prepare: more than one statement in [" +
                                                kep::db::sqlExcerpt(sql) + "]");
    }
    return std::make_unique<PgStatementDriver>(*this, translateParameters(statements.front()),
                                               kep::db::sqlExcerpt(sql));
}

std::int64_t PgConnectionDriver::lastInsertRowId() const {
    throw kep::db::Error(SQLITE_MISUSE,
                         "lastInsertRowId: SQLite only; on PostgreSQL use INSERT ... RETURNING id, "
                         "which SQLite runs too");
}

void PgConnectionDriver::begin(kep::db::TransactionKind kind) {
    // Immediate: one round trip for both; the key is a constant, never input.
    const std::string sql =
        kind == kep::db::TransactionKind::Deferred
            ? std::string("BEGIN")
            : "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLockKey) + ")";
    try {
        try {
            exec(sql);
        } catch (const kep::db::Error&) {
            if (!connection_.mayResend()) {
                throw;
            }
            exec(sql);  // the connection had died before the BEGIN: once more, on a new one
        }
    } catch (const kep::db::Error&) {
        // A lock that timed out leaves the transaction failed: end it, as SQLite's BEGIN
        // IMMEDIATE that meets SQLITE_BUSY leaves none open.
        if (inTransaction()) {
            PQclear(PQexec(native(), "ROLLBACK"));
        }
        throw;
    }
}

void PgConnectionDriver::commit() {
    beforeStatement(StatementRole::Commit);
    pg_result* result = checked(PQexec(native(), "COMMIT"), "commit", {});
    const std::string tag = PQcmdStatus(result);
    PQclear(result);
    // COMMIT of a failed transaction "succeeds" with the tag ROLLBACK: that must not be taken
    // for a commit, or something would be acknowledged that was never written.
    if (tag != "COMMIT") {
        throw kep::db::Error(SQLITE_ABORT, "commit: the transaction had failed and was rolled back",
                             "40000");
    }
}

void PgConnectionDriver::rollback() {
    exec("ROLLBACK");
}

bool PgConnectionDriver::inTransaction() const {
    return connection_.inTransaction();
}

int PgConnectionDriver::schemaVersion() {
    try {
        return pg::schemaVersion(connection_);
    } catch (const PgError& error) {
        throw databaseError(error);
    }
}

void PgConnectionDriver::recordSchemaVersion(int version, std::string_view name) {
    try {
        pg::recordSchemaVersion(connection_, version, name);
    } catch (const PgError& error) {
        throw databaseError(error);
    }
}

kep::db::Database openDatabase(const std::string& dsn, const kep::db::OpenOptions& options) {
    Connection connection = [&] {
        try {
            return Connection::open(dsn);
        } catch (const PgError& error) {
            throw kep::db::Error(SQLITE_CANTOPEN, error.what(), error.sqlState());
        }
    }();
    // Notices ("... does not exist, skipping") are not errors and must not reach stderr.
    PQsetNoticeProcessor(
        connection.native(), [](void*, const char*) {}, nullptr);
    // Results are read in text form: bytea as \x hex, whatever the server's default. Session
    // settings: made again with the connection after the database restarts.
    try {
        connection.setSession("SET bytea_output = 'hex'; SET lock_timeout = '" +
                              milliseconds(options.busyTimeoutMs) + "'");
    } catch (const PgError& error) {
        throw databaseError(error);
    }
    return kep::db::Database(std::make_unique<PgConnectionDriver>(std::move(connection)));
}

void setPreparedStatementLimit(kep::db::Database& db, std::size_t limit) {
    if (auto* driver = dynamic_cast<PgConnectionDriver*>(&db.driver())) {
        driver->setPreparedStatementLimit(limit);
    }
}

Connection* libpqConnectionOf(kep::db::Database& db) {
    auto* driver = dynamic_cast<PgConnectionDriver*>(&db.driver());
    return driver != nullptr ? &driver->connection() : nullptr;
}

}  // namespace kep::server::pg
