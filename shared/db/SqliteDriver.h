// kep::db's SQLite driver: the statement and connection of the SQLite C API behind the driver
// seam (DatabaseDriver.h). Internal to kep_db; Database::open() builds it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/DatabaseDriver.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kep::db {

class SqliteStatement final : public StatementDriver {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement() override;

    void bindInt64(int index, std::int64_t value) override;
    void bindReal(int index, double value) override;
    void bindText(int index, std::string_view text) override;
    void bindBlob(int index, Blob bytes) override;
    void bindNull(int index) override;
    int parameterIndex(std::string_view name) const override;

    bool step() override;
    void reset() override;

    bool isNull(int column) const override;
    std::int64_t int64(int column) const override;
    double real(int column) const override;
    std::string text(int column) const override;
    std::vector<std::uint8_t> blob(int column) const override;
    int columnCount() const override;

private:
    void check(int rc) const;
    void checkColumn(int column) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

class SqliteConnection final : public ConnectionDriver {
public:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;
    ~SqliteConnection() override;

    Dialect dialect() const noexcept override { return Dialect::Sqlite; }
    void exec(std::string_view sql) override;
    std::unique_ptr<StatementDriver> prepare(std::string_view sql) override;
    std::int64_t lastInsertRowId() const override;
    int changes() const override;

    void begin(TransactionKind kind) override;
    void commit() override;
    void rollback() override;
    bool inTransaction() const override;

    int schemaVersion() override;
    void recordSchemaVersion(int version, std::string_view name) override;
    void guardMigrationFile(bool on) override;

    sqlite3* handle() const noexcept { return db_; }

private:
    sqlite3* db_;
};

}  // namespace kep::db
