// The one SQLite layer of the project, desk and server alike: RAII handles, prepared
// statements with bound parameters only, explicit transactions, migrations by user_version.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kep::db {

// Thrown for every SQLite failure; carries SQLite's extended result code.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    int code() const noexcept { return code_; }
    bool isBusy() const noexcept;        // SQLITE_BUSY / SQLITE_LOCKED
    bool isConstraint() const noexcept;  // SQLITE_CONSTRAINT_*
private:
    int code_;
};

using Blob = std::span<const std::uint8_t>;

// A prepared statement. Parameters are 1-based (as in SQLite), columns 0-based.
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
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    void check(int rc) const;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

enum class OpenMode { ReadWrite, ReadWriteCreate, ReadOnly };

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

// One connection. Not thread-safe: use one per thread.
class Database {
public:
    static Database open(const std::string& path, const OpenOptions& options = {});
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs SQL text that has no parameters (schema, pragmas). Never for values: bind them.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    int userVersion();
    // Copies this database into `destination` as one consistent snapshot (SQLite's online
    // backup API, every page in one step: under WAL, writers go on meanwhile and are not seen,
    // where a step-by-step copy would restart on each of their commits). Throws Error.
    void backupInto(Database& destination);
    // True when the main database file was renamed, moved or deleted since it was opened: the
    // connection then reads and writes a file nobody else will ever see.
    bool fileHasMoved() const;
    const std::string& path() const noexcept { return path_; }
    sqlite3* handle() const noexcept { return db_; }

private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::string path_;
};

// BEGIN IMMEDIATE by default (writers take the lock up front, so they never fail mid-way on a
// read-to-write upgrade); rolls back in the destructor unless committed.
class Transaction {
public:
    enum class Kind { Deferred, Immediate };
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

// Applies, in one transaction each, every migration whose version is above PRAGMA user_version,
// in order, and sets user_version. Refuses (Error) a database newer than the migrations know,
// or a gap in the numbering. Returns the number applied.
int migrate(Database& db, std::span<const Migration> migrations);

}  // namespace kep::db
