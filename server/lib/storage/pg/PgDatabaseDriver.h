// kep::db's PostgreSQL driver (DatabaseDriver.h over libpq): statements prepared on the server
// once per connection and run by name (PQexecPrepared), parameters as text (blobs as binary
// bytea), results read in text form. Internal to kep_pg.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/DatabaseDriver.h"
#include "storage/pg/PgConnection.h"
#include "storage/pg/PgPreparedStatements.h"
#include "storage/pg/PgSqlText.h"

namespace kep::server::pg {

class PgConnectionDriver;

class PgStatementDriver final : public kep::db::StatementDriver {
public:
    PgStatementDriver(PgConnectionDriver& connection, PgStatementText text, std::string excerpt);
    PgStatementDriver(const PgStatementDriver&) = delete;
    PgStatementDriver& operator=(const PgStatementDriver&) = delete;
    ~PgStatementDriver() override;

    void bindInt64(int index, std::int64_t value) override;
    void bindReal(int index, double value) override;
    void bindText(int index, std::string_view text) override;
    void bindBlob(int index, kep::db::Blob bytes) override;
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
    enum class State { NotRun, Rows, Done };
    std::string& slot(int index, int format, unsigned type);
    void execute();
    void clearResult();
    // The server-side name to run under; nullptr: unnamed, parsed and planned on each run.
    const std::string* preparedName(std::string_view operation) const;
    const char* cell(int column) const;  // checks the column; nullptr for NULL
    std::string columnName(int column) const;

    PgConnectionDriver& connection_;
    PgStatementText text_;
    std::string excerpt_;
    bool planned_ = false;        // worth a server-side prepared statement (isPlannedStatement)
    bool changesSchema_ = false;  // the connection's prepared statements are forgotten after it
    // One slot per parameter, reused from one execution to the next.
    std::vector<std::string> values_;
    std::vector<char> isNull_;
    std::vector<int> formats_;
    std::vector<unsigned> types_;
    std::vector<const char*> pointers_;
    std::vector<int> lengths_;
    pg_result* result_ = nullptr;
    State state_ = State::NotRun;
    int rows_ = 0;
    int row_ = -1;
};

class PgConnectionDriver final : public kep::db::ConnectionDriver {
public:
    explicit PgConnectionDriver(Connection connection);

    kep::db::Dialect dialect() const noexcept override { return kep::db::Dialect::Postgres; }
    void exec(std::string_view sql) override;
    std::unique_ptr<kep::db::StatementDriver> prepare(std::string_view sql) override;
    std::int64_t lastInsertRowId() const override;
    int changes() const override { return changes_; }

    void begin(kep::db::TransactionKind kind) override;
    void commit() override;
    void rollback() override;
    bool inTransaction() const override;

    int schemaVersion() override;
    void recordSchemaVersion(int version, std::string_view name) override;
    void guardMigrationFile(bool on) override { guarded_ = on; }

    pg_conn* native() const noexcept { return connection_.native(); }
    // The libpq connection itself: pg::migrate() takes it back after lending it, and a writer
    // that runs a libpq-level store in kep::db's transaction uses it (pg::libpqConnectionOf).
    Connection& connection() noexcept { return connection_; }
    // Before each statement sent to native(): a broken connection is made again here, outside
    // a transaction (Connection's rules); false when there is nothing to send. Throws Error.
    bool beforeStatement(StatementRole role);
    // Takes `result` (which may be nullptr): returns it when it succeeded, else clears it and
    // throws the mapped Error for `operation` on `sql` (a lost connection noted for the next).
    pg_result* checked(pg_result* result, std::string_view operation, std::string_view sql);
    void countChanges(pg_result* result);
    // The name `sql` with parameter `types` is prepared under on the current session, prepared
    // now when it is not yet and the cache has room; nullptr when it has none. A PREPARE that
    // fails throws the Error that running the text would have thrown, named `operation`.
    const std::string* preparedName(const std::string& sql, std::span<const unsigned> types,
                                    std::string_view operation, std::string_view excerpt);
    // After the schema changed: every prepared statement is deallocated and forgotten, to be
    // prepared again against the new schema when next run.
    void forgetPreparedStatements();
    void setPreparedStatementLimit(std::size_t limit) noexcept { prepared_.setLimit(limit); }

private:
    void refuseTransactionControl(std::string_view sql) const;
    Connection connection_;
    PreparedStatements prepared_;
    // connection_.reconnections() when prepared_ was last valid: a new session has none of them.
    std::uint64_t preparedSession_ = 0;
    int changes_ = 0;
    bool guarded_ = false;
};

}  // namespace kep::server::pg
