// The one database layer of the project, desk and server alike: RAII handles, prepared
// statements with bound parameters only, explicit transactions, numbered migrations. SQLite by
// default; the same API runs on PostgreSQL through a driver (server/lib/storage/pg/PgDatabase.h).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace kep::db {

class ConnectionDriver;
class StatementDriver;

// Which SQL the connection speaks: for the few statements that cannot be written once for both.
enum class Dialect { Sqlite, Postgres };

// Thrown for every database failure; carries SQLite's extended result code. On PostgreSQL the
// server's SQLSTATE is kept as well and mapped onto the nearest SQLite code (23505 to
// SQLITE_CONSTRAINT_UNIQUE, 40001/40P01/55P03 to SQLITE_BUSY, ...), so callers test one thing.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& what, std::string sqlState = {})
        : std::runtime_error(what)
        , code_(code)
        , sqlState_(std::move(sqlState)) {}
    int code() const noexcept { return code_; }
    // PostgreSQL's five-character code ("23505"); empty on SQLite or without a server answer.
    const std::string& sqlState() const noexcept { return sqlState_; }
    bool isBusy() const noexcept;        // SQLITE_BUSY / SQLITE_LOCKED (PG: retry or lock wait)
    bool isConstraint() const noexcept;  // SQLITE_CONSTRAINT_* (PG: SQLSTATE class 23)
private:
    int code_;
    std::string sqlState_;
};

using Blob = std::span<const std::uint8_t>;

// A prepared statement. Parameters are 1-based (as in SQLite), columns 0-based. Parameter markers
// are SQLite's (`?`, `?NNN`, `:name`); the PostgreSQL driver numbers them the same way.
class Statement {
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);  // copied (SQLITE_TRANSIENT)
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bindBlob(int index, Blob bytes);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Named parameters (":name"); throws Error if the statement has no such parameter.
    int parameterIndex(std::string_view name) const;

    // Advances; true while a row is available, false when done. Throws on error.
    bool step();
    // Runs a statement that returns no rows (or ignores them) and resets it for reuse.
    void run();
    void reset();  // also clears bindings

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    int columnCount() const;

private:
    friend class Database;
    explicit Statement(std::unique_ptr<StatementDriver> driver);
    std::unique_ptr<StatementDriver> driver_;
};

enum class OpenMode { ReadWrite, ReadWriteCreate, ReadOnly };

// SQLite's options. Only busyTimeoutMs applies on PostgreSQL, as lock_timeout (0 there means
// "do not wait": 1 ms, since PostgreSQL's own 0 would wait for ever).
struct OpenOptions {
    OpenMode mode = OpenMode::ReadWriteCreate;
    bool wal = true;              // journal_mode=WAL
    bool synchronousFull = true;  // synchronous=FULL: nothing is acknowledged before durable
    int busyTimeoutMs = 5000;
    bool foreignKeys = true;
    // PRAGMA secure_delete: overwrite what a write frees (old row versions, freed pages). On by
    // default: every connection that ever rewrote a case must leave no copy of its personal
    // data behind, or a purge (server/lib/privacy) cannot make it unrecoverable.
    bool secureDelete = true;
};

enum class TransactionKind { Deferred, Immediate };

// One connection. Not thread-safe: use one per thread.
class Database {
public:
    // A SQLite file (or ":memory:").
    static Database open(const std::string& path, const OpenOptions& options = {});
    // Any other back-end: its driver (server/lib/storage/pg/PgDatabase.h builds PostgreSQL's).
    explicit Database(std::unique_ptr<ConnectionDriver> driver, std::string path = {});
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Dialect dialect() const noexcept { return dialect_; }
    // Runs SQL text that has no parameters (schema, pragmas), one or several statements. Never
    // for values: bind them.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // SQLite only: throws Error on PostgreSQL, where `INSERT ... RETURNING id` works on both.
    std::int64_t lastInsertRowId() const;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    // The schema version migrate() reached: PRAGMA user_version, or PostgreSQL's
    // kep_schema_version table (0 when it does not exist yet).
    int userVersion();
    bool inTransaction() const;
    // SQLite only (throws Error otherwise). Copies this database into `destination` as one
    // consistent snapshot (SQLite's online backup API, every page in one step: under WAL,
    // writers go on meanwhile and are not seen, where a step-by-step copy would restart on each
    // of their commits). Throws Error.
    void backupInto(Database& destination);
    // True when the main database file was renamed, moved or deleted since it was opened: the
    // connection then reads and writes a file nobody else will ever see. False on PostgreSQL.
    bool fileHasMoved() const;
    // The SQLite file's path; empty for other back-ends.
    const std::string& path() const noexcept { return path_; }
    // SQLite's handle, for SQLite-only tools and tests; nullptr on other back-ends.
    sqlite3* handle() const noexcept { return sqlite_; }
    // The back-end, for migrate() and Transaction.
    ConnectionDriver& driver() const noexcept { return *driver_; }

private:
    std::unique_ptr<ConnectionDriver> driver_;
    sqlite3* sqlite_ = nullptr;
    Dialect dialect_ = Dialect::Sqlite;
    std::string path_;
};

// BEGIN IMMEDIATE by default (writers take the lock up front, so they never fail mid-way on a
// read-to-write upgrade); rolls back in the destructor unless committed. On PostgreSQL,
// Immediate also takes one advisory lock that every kep-server process shares, so writers
// serialise across processes exactly as SQLite's one writer does; Deferred is a plain BEGIN.
class Transaction {
public:
    using Kind = TransactionKind;
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

// One numbered schema step. Migration files are `NNNN_name.sql`, embedded at build time by
// kep_add_migrations() (cmake/KepMigrations.cmake).
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Applies, in one transaction each, every migration whose version is above userVersion(), in
// order, and records its version (PRAGMA user_version; kep_schema_version on PostgreSQL). Refuses
// (Error) a database newer than the migrations know, or a gap in the numbering. Returns the number
// applied.
int migrate(Database& db, std::span<const Migration> migrations);

}  // namespace kep::db
