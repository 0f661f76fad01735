// RAII over the SQLite C API. Error messages name the operation and carry SQLite's own message
// and the statement's SQL text, never a bound value (values may be personal data).
#include "db/SqliteDriver.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <utility>

#include "db/SqlExcerpt.h"

namespace kep::db {

namespace {

// SQLITE_TRANSIENT is an old-style cast of -1 to a function pointer; spelt out once here.
const sqlite3_destructor_type kTransient =
    reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

std::string statementSql(sqlite3_stmt* stmt) {
    // sqlite3_sql() is the text as prepared, with parameter markers: sqlite3_expanded_sql() would
    // put the bound values into the message.
    const char* sql = stmt ? sqlite3_sql(stmt) : nullptr;
    return sql ? sqlExcerpt(sql) : std::string();
}

Error makeError(sqlite3* db, int rc, std::string_view operation, std::string_view sql) {
    // With extended result codes on, the connection's code is the precise one (e.g.
    // SQLITE_CONSTRAINT_UNIQUE) when it agrees with the primary code returned.
    int code = rc;
    if (db != nullptr) {
        const int extended = sqlite3_extended_errcode(db);
        if ((extended & 0xff) == (rc & 0xff)) {
            code = extended;
        }
    }
    std::string message(operation);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (!sql.empty()) {
        message += " [";
        message += sql;
        message += "]";
    }
    return Error(code, message);
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view operation, std::string_view sql) {
    throw makeError(db, rc, operation, sql);
}

}  // namespace

// ---- SqliteStatement ----------------------------------------------------------------------

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(stmt_);
}

void SqliteStatement::check(int rc) const {
    if (rc != SQLITE_OK) {
        fail(db_, rc, "bind", statementSql(stmt_));
    }
}

void SqliteStatement::bindInt64(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
}

void SqliteStatement::bindReal(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
}

void SqliteStatement::bindText(int index, std::string_view text) {
    // A null data pointer would bind SQL NULL; an empty string must stay an empty string.
    const char* data = text.data() != nullptr ? text.data() : "";
    check(sqlite3_bind_text64(stmt_, index, data, text.size(), kTransient, SQLITE_UTF8));
}

void SqliteStatement::bindBlob(int index, Blob bytes) {
    // Likewise a zero-length blob is a blob, not NULL.
    if (bytes.empty()) {
        check(sqlite3_bind_zeroblob(stmt_, index, 0));
    } else {
        check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), kTransient));
    }
}

void SqliteStatement::bindNull(int index) {
    check(sqlite3_bind_null(stmt_, index));
}

int SqliteStatement::parameterIndex(std::string_view name) const {
    std::string key(name);
    if (!key.empty() && key.front() != ':' && key.front() != '@' && key.front() != '$') {
        key.insert(key.begin(), ':');
    }
    const int index = sqlite3_bind_parameter_index(stmt_, key.c_str());
    if (index == 0) {
        throw Error(SQLITE_RANGE,
                    "bind: no parameter " + key + " in statement [" + statementSql(stmt_) + "]");
    }
    return index;
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    // Take the message first: the reset below releases the statement's locks so that a caller
    // that catches the error can retry or go on with the connection.
    Error error = makeError(db_, rc, "step", statementSql(stmt_));
    sqlite3_reset(stmt_);
    throw error;
}

void SqliteStatement::reset() {
    // sqlite3_reset() repeats the last step's error, which step() has already thrown.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

// Reading a column without a current row is undefined in SQLite; refuse it instead.
void SqliteStatement::checkColumn(int column) const {
    const int available = sqlite3_data_count(stmt_);
    if (column < 0 || column >= available) {
        throw Error(SQLITE_RANGE, "column " + std::to_string(column) +
                                      (available == 0 ? ": no current row" : ": out of range") +
                                      " [" + statementSql(stmt_) + "]");
    }
}

bool SqliteStatement::isNull(int column) const {
    checkColumn(column);
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64(int column) const {
    checkColumn(column);
    return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::real(int column) const {
    checkColumn(column);
    return sqlite3_column_double(stmt_, column);
}

std::string SqliteStatement::text(int column) const {
    checkColumn(column);
    // Text first, then its length: the documented order that avoids a second conversion.
    const auto* data = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::vector<std::uint8_t> SqliteStatement::blob(int column) const {
    checkColumn(column);
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::vector<std::uint8_t>(data, data + size);
}

int SqliteStatement::columnCount() const {
    return sqlite3_column_count(stmt_);
}

// ---- SqliteConnection ---------------------------------------------------------------------

// close_v2: a Statement that outlives its Database keeps the connection alive until it is
// finalized, instead of the close failing with SQLITE_BUSY and leaking the handle.
SqliteConnection::~SqliteConnection() {
    sqlite3_close_v2(db_);
}

void SqliteConnection::exec(std::string_view sql) {
    // Statement by statement rather than sqlite3_exec(), so that the error names the
    // statement that failed and the text needs no terminating NUL.
    const char* next = sql.data();
    const char* end = sql.data() + sql.size();
    while (next < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v3(db_, next, static_cast<int>(end - next), 0, &raw, &tail);
        if (rc != SQLITE_OK) {
            fail(db_, rc, "exec (prepare)", sqlExcerpt(std::string_view(next, end - next)));
        }
        if (raw == nullptr) {  // only whitespace or comments were left
            break;
        }
        SqliteStatement statement(db_, raw);
        while (statement.step()) {
        }
        next = tail;
    }
}

std::unique_ptr<StatementDriver> SqliteConnection::prepare(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "prepare", sqlExcerpt(sql));
    }
    if (raw == nullptr) {
        throw Error(SQLITE_MISUSE, "prepare: no SQL statement in [" + sqlExcerpt(sql) + "]");
    }
    auto statement = std::make_unique<SqliteStatement>(db_, raw);
    // SQLite would silently ignore a second statement; a prepared statement is exactly one.
    const char* end = sql.data() + sql.size();
    if (tail != nullptr && tail < end) {
        sqlite3_stmt* extra = nullptr;
        sqlite3_prepare_v3(db_, tail, static_cast<int>(end - tail), 0, &extra, nullptr);
        if (extra != nullptr) {
            sqlite3_finalize(extra);
            throw Error(SQLITE_MISUSE,
                        "prepare: more than one statement in [" + sqlExcerpt(sql) + "]");
        }
    }
    return statement;
}

std::int64_t SqliteConnection::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}

int SqliteConnection::changes() const {
    return sqlite3_changes(db_);
}

void SqliteConnection::begin(TransactionKind kind) {
    exec(kind == TransactionKind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

void SqliteConnection::commit() {
    exec("COMMIT");
}

void SqliteConnection::rollback() {
    exec("ROLLBACK");
}

bool SqliteConnection::inTransaction() const {
    // SQLite may roll back by itself (e.g. after SQLITE_FULL or an I/O error).
    return sqlite3_get_autocommit(db_) == 0;
}

int SqliteConnection::schemaVersion() {
    auto statement = prepare("PRAGMA user_version");
    statement->step();
    return static_cast<int>(statement->int64(0));
}

void SqliteConnection::recordSchemaVersion(int version, std::string_view) {
    // A PRAGMA takes no bound parameters; the number comes from the migration list, not from
    // any input, so formatting it into the text is safe. The guard is off by now (migrate()).
    exec("PRAGMA user_version=" + std::to_string(version));
}

namespace {

// While a migration file is prepared, statements that would end the transaction it runs in
// (BEGIN, COMMIT, ROLLBACK) or set user_version behind migrate()'s back are refused by SQLite
// itself, before they run: checking afterwards would be too late, the COMMIT would be done.
int authorizeMigrationFile(void*, int action, const char* first, const char* second, const char*,
                           const char*) {
    if (action == SQLITE_TRANSACTION) {
        return SQLITE_DENY;
    }
    if (action == SQLITE_PRAGMA && second != nullptr && first != nullptr &&
        sqlite3_stricmp(first, "user_version") == 0) {
        return SQLITE_DENY;
    }
    return SQLITE_OK;
}

}  // namespace

void SqliteConnection::guardMigrationFile(bool on) {
    sqlite3_set_authorizer(db_, on ? &authorizeMigrationFile : nullptr, nullptr);
}

// ---- Database's SQLite-only parts ---------------------------------------------------------

namespace {

bool isFilePath(const std::string& path) {
    return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

int openFlags(OpenMode mode) {
    // NOMUTEX: a connection is used by one thread at a time (see Database), so SQLite's own
    // per-connection mutex would only cost time.
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
        case OpenMode::ReadWrite:
            return flags | SQLITE_OPEN_READWRITE;
        case OpenMode::ReadWriteCreate:
            return flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        case OpenMode::ReadOnly:
            return flags | SQLITE_OPEN_READONLY;
    }
    return flags | SQLITE_OPEN_READONLY;
}

sqlite3* sqliteOf(const Database& db, std::string_view operation) {
    if (db.handle() == nullptr) {
        throw Error(SQLITE_MISUSE, std::string(operation) + ": SQLite only");
    }
    return db.handle();
}

}  // namespace

Database Database::open(const std::string& path, const OpenOptions& options) {
    if (isFilePath(path)) {
        // SQLite would say only "unable to open database file"; the data folder is created by
        // the installer or the setup step with its permissions, never silently here.
        const auto folder = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
            throw Error(SQLITE_CANTOPEN,
                        "open " + path + ": folder " + folder.string() + " does not exist");
        }
    }

    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &handle, openFlags(options.mode), nullptr);
    // Owns (and closes) the handle on every path out of here.
    Database db(std::make_unique<SqliteConnection>(handle), path);
    if (rc != SQLITE_OK) {
        fail(handle, rc, "open " + path, {});
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, options.busyTimeoutMs);

    // journal_mode is a property of the file: a read-only connection cannot change it.
    if (options.wal && options.mode != OpenMode::ReadOnly) {
        auto mode = db.prepare("PRAGMA journal_mode=WAL");
        mode.step();
        const std::string journal = mode.text(0);
        if (journal != "wal" && isFilePath(path)) {
            throw Error(SQLITE_ERROR, "open " + path + ": journal_mode is " + journal +
                                          ", WAL could not be enabled");
        }
    }
    db.exec(options.synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    db.exec(options.foreignKeys ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
    db.exec(options.secureDelete ? "PRAGMA secure_delete=ON" : "PRAGMA secure_delete=OFF");
    return db;
}

void Database::backupInto(Database& destination) {
    sqlite3* source = sqliteOf(*this, "backup");
    sqlite3* target = sqliteOf(destination, "backup");
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (backup == nullptr) {
        fail(target, sqlite3_errcode(target), "backup " + path_, {});
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            sqlite3_sleep(10);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        fail(target, rc, "backup " + path_, {});
    }
}

bool Database::fileHasMoved() const {
    if (sqlite_ == nullptr) {
        return false;  // no file to move
    }
    int moved = 0;
    const int rc = sqlite3_file_control(sqlite_, "main", SQLITE_FCNTL_HAS_MOVED, &moved);
    return rc == SQLITE_OK && moved != 0;
}

}  // namespace kep::db
