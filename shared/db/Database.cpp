// RAII over the SQLite C API. Error messages name the operation and carry SQLite's own message
// and the statement's SQL text, never a bound value (values may be personal data).
#include "db/Database.h"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <utility>

namespace kep::db {

namespace {

// SQLITE_TRANSIENT is an old-style cast of -1 to a function pointer; spelt out once here.
const sqlite3_destructor_type kTransient =
    reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

// Enough of the SQL to recognise the statement in a log line without flooding it.
std::string excerpt(std::string_view sql) {
    constexpr std::size_t kMax = 160;
    while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n' || sql.front() == '\t' ||
                            sql.front() == '\r')) {
        sql.remove_prefix(1);
    }
    std::string out(sql.substr(0, kMax));
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    if (sql.size() > kMax) {
        out += "...";
    }
    return out;
}

std::string statementSql(sqlite3_stmt* stmt) {
    // sqlite3_sql() is the text as prepared, with placeholders: sqlite3_expanded_sql() would
    // put the bound values into the message.
    const char* sql = stmt ? sqlite3_sql(stmt) : nullptr;
    return sql ? excerpt(sql) : std::string();
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

bool Error::isBusy() const noexcept {
    const int primary = code_ & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool Error::isConstraint() const noexcept {
    return (code_ & 0xff) == SQLITE_CONSTRAINT;
}

// ---- Statement ----------------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr))
    , stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) {
        fail(db_, rc, "bind", statementSql(stmt_));
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // A null data pointer would bind SQL NULL; an empty string must stay an empty string.
    const char* data = text.data() != nullptr ? text.data() : "";
    check(sqlite3_bind_text64(stmt_, index, data, text.size(), kTransient, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindBlob(int index, Blob bytes) {
    // Likewise a zero-length blob is a blob, not NULL.
    if (bytes.empty()) {
        check(sqlite3_bind_zeroblob(stmt_, index, 0));
    } else {
        check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), kTransient));
    }
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

int Statement::parameterIndex(std::string_view name) const {
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

bool Statement::step() {
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

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    // sqlite3_reset() repeats the last step's error, which step() has already thrown.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

namespace {

// Reading a column without a current row is undefined in SQLite; refuse it instead.
void checkColumn(sqlite3_stmt* stmt, int column) {
    const int available = sqlite3_data_count(stmt);
    if (column < 0 || column >= available) {
        throw Error(SQLITE_RANGE, "column " + std::to_string(column) +
                                      (available == 0 ? ": no current row" : ": out of range") +
                                      " [" + statementSql(stmt) + "]");
    }
}

}  // namespace

bool Statement::isNull(int column) const {
    checkColumn(stmt_, column);
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    checkColumn(stmt_, column);
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    checkColumn(stmt_, column);
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    checkColumn(stmt_, column);
    // Text first, then its length: the documented order that avoids a second conversion.
    const auto* data = sqlite3_column_text(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    checkColumn(stmt_, column);
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const int size = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) {
        return {};
    }
    return std::vector<std::uint8_t>(data, data + size);
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return int64(column);
}

int Statement::columnCount() const {
    return sqlite3_column_count(stmt_);
}

// ---- Database -----------------------------------------------------------------------------

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
    Database db(handle, path);  // closes the handle on every path out of here
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

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr))
    , path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

// close_v2: a Statement that outlives its Database keeps the connection alive until it is
// finalized, instead of the close failing with SQLITE_BUSY and leaking the handle.
Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    // Statement by statement rather than sqlite3_exec(), so that the error names the
    // statement that failed and the text needs no terminating NUL.
    const char* next = sql.data();
    const char* end = sql.data() + sql.size();
    while (next < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v3(db_, next, static_cast<int>(end - next), 0, &raw, &tail);
        if (rc != SQLITE_OK) {
            fail(db_, rc, "exec (prepare)", excerpt(std::string_view(next, end - next)));
        }
        if (raw == nullptr) {  // only whitespace or comments were left
            break;
        }
        Statement statement(db_, raw);
        while (statement.step()) {
        }
        next = tail;
    }
}

Statement Database::prepare(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
    if (rc != SQLITE_OK) {
        fail(db_, rc, "prepare", excerpt(sql));
    }
    if (raw == nullptr) {
        throw Error(SQLITE_MISUSE, "prepare: no SQL statement in [" + excerpt(sql) + "]");
    }
    Statement statement(db_, raw);
    // SQLite would silently ignore a second statement; a prepared statement is exactly one.
    const char* end = sql.data() + sql.size();
    if (tail != nullptr && tail < end) {
        sqlite3_stmt* extra = nullptr;
        sqlite3_prepare_v3(db_, tail, static_cast<int>(end - tail), 0, &extra, nullptr);
        if (extra != nullptr) {
            sqlite3_finalize(extra);
            throw Error(SQLITE_MISUSE,
                        "prepare: more than one statement in [" + excerpt(sql) + "]");
        }
    }
    return statement;
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

int Database::userVersion() {
    auto statement = prepare("PRAGMA user_version");
    statement.step();
    return static_cast<int>(statement.int64(0));
}

void Database::backupInto(Database& destination) {
    sqlite3_backup* backup = sqlite3_backup_init(destination.db_, "main", db_, "main");
    if (backup == nullptr) {
        fail(destination.db_, sqlite3_errcode(destination.db_), "backup " + path_, {});
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
        fail(destination.db_, rc, "backup " + path_, {});
    }
}

bool Database::fileHasMoved() const {
    int moved = 0;
    const int rc = sqlite3_file_control(db_, "main", SQLITE_FCNTL_HAS_MOVED, &moved);
    return rc == SQLITE_OK && moved != 0;
}

// ---- Transaction --------------------------------------------------------------------------

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
    db_.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL or an I/O error);
    // a ROLLBACK then would only fail.
    if (open_ && sqlite3_get_autocommit(db_.handle()) == 0) {
        try {
            db_.exec("ROLLBACK");
        } catch (const Error&) {
            // Nothing to report to from a destructor; SQLite rolls back when the connection
            // closes, and a later BEGIN on this connection fails loudly.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace kep::db
