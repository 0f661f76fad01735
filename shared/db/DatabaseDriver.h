// The seam between kep::db's API and a back-end: what a driver (SQLite here, PostgreSQL in
// server/lib/storage/pg) implements, so that the same store code runs on either.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/Database.h"

namespace kep::db {

// One prepared statement of a driver. Same contract as Statement: parameters 1-based, columns
// 0-based, Error on every failure. A column read without a current row throws.
class StatementDriver {
public:
    virtual ~StatementDriver() = default;

    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindReal(int index, double value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;  // copied
    virtual void bindBlob(int index, Blob bytes) = 0;             // copied
    virtual void bindNull(int index) = 0;
    virtual int parameterIndex(std::string_view name) const = 0;

    virtual bool step() = 0;
    virtual void reset() = 0;  // also clears bindings

    virtual bool isNull(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual std::vector<std::uint8_t> blob(int column) const = 0;
    virtual int columnCount() const = 0;
};

// One connection of a driver.
class ConnectionDriver {
public:
    virtual ~ConnectionDriver() = default;

    virtual Dialect dialect() const noexcept = 0;
    virtual void exec(std::string_view sql) = 0;
    virtual std::unique_ptr<StatementDriver> prepare(std::string_view sql) = 0;
    virtual std::int64_t lastInsertRowId() const = 0;
    virtual int changes() const = 0;

    virtual void begin(TransactionKind kind) = 0;
    // Throws Error when the transaction did not commit (it is then rolled back or still open).
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool inTransaction() const = 0;

    // migrate()'s bookkeeping: the version reached, and recording one more step inside the
    // migration's own transaction.
    virtual int schemaVersion() = 0;
    virtual void recordSchemaVersion(int version, std::string_view name) = 0;
    // While on, exec() refuses SQL that would end the migration's transaction (BEGIN, COMMIT,
    // ROLLBACK) or set the version behind migrate()'s back, with an SQLITE_AUTH Error, before
    // any of it runs.
    virtual void guardMigrationFile(bool on) = 0;
};

}  // namespace kep::db
