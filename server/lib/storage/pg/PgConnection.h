// The PostgreSQL layer of kep-server (issue 10), the counterpart of shared/db for the national
// back-end: one libpq connection with RAII, parameters always bound (never spliced into SQL),
// binary results, explicit transactions, LISTEN/NOTIFY for nudges between processes, and a
// connection that comes back by itself after the database restarts.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct pg_conn;
struct pg_result;

namespace kep::server::pg {

// Every libpq failure. `sqlState` is PostgreSQL's five-character code ("23505"), empty when
// the failure is not the server's answer (a lost connection, a malformed reply).
class PgError : public std::runtime_error {
public:
    PgError(std::string sqlState, const std::string& what)
        : std::runtime_error(what)
        , sqlState_(std::move(sqlState)) {}
    const std::string& sqlState() const noexcept { return sqlState_; }
    bool isUniqueViolation() const noexcept { return sqlState_ == "23505"; }
    // The connection failed or the server is going away (class 08, 57P01..57P03): what a
    // reconnection may cure.
    bool isConnectionFailure() const noexcept;
    // Serialization failure or deadlock: the transaction may simply be run again.
    bool isRetryable() const noexcept { return sqlState_ == "40001" || sqlState_ == "40P01"; }

private:
    std::string sqlState_;
};

using Blob = std::span<const std::uint8_t>;

// The values of one statement's $1, $2, …, in order. Text and numbers travel in text form
// (PostgreSQL converts them to the parameter's type); blobs travel as binary bytea.
class Params {
public:
    Params& add(std::int64_t value);
    Params& add(int value) { return add(static_cast<std::int64_t>(value)); }
    Params& add(std::string_view text);
    Params& add(const char* text) { return add(std::string_view(text)); }
    Params& add(const std::string& text) { return add(std::string_view(text)); }
    Params& addBlob(Blob bytes);
    Params& addNull();
    template <typename T>
    Params& add(const std::optional<T>& value) {
        return value ? add(*value) : addNull();
    }
    std::size_t size() const { return values_.size(); }

private:
    friend class Connection;
    std::vector<std::optional<std::string>> values_;
    std::vector<int> formats_;  // 0 text, 1 binary
};

// A query's rows, in binary form. Columns are 0-based. Reading a column as the wrong type
// throws PgError naming the column.
class Result {
public:
    Result(Result&&) noexcept;
    Result& operator=(Result&&) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result();

    int rows() const;
    int columns() const;
    std::int64_t affectedRows() const;  // of an INSERT/UPDATE/DELETE
    std::string commandTag() const;     // "INSERT 0 1", "COMMIT", "ROLLBACK", …

    bool isNull(int row, int column) const;
    std::int64_t int64(int row, int column) const;  // int2, int4 or int8
    bool boolean(int row, int column) const;
    std::string text(int row, int column) const;                // text, varchar, name, json
    std::vector<std::uint8_t> blob(int row, int column) const;  // bytea
    std::optional<std::string> optionalText(int row, int column) const;
    std::optional<std::int64_t> optionalInt64(int row, int column) const;

private:
    friend class Connection;
    explicit Result(pg_result* result) : result_(result) {}
    void checkCell(int row, int column) const;
    pg_result* result_ = nullptr;
};

// A notification another session sent with NOTIFY (or pg_notify()) on a channel this one LISTENs
// to.
struct Notification {
    std::string channel;
    std::string payload;
};

// What a statement does to the caller's transaction: what decides whether a connection lost
// under it may be replaced without the caller noticing.
enum class StatementRole { Begin, Commit, Rollback, Other };

// The role of SQL text by its first keyword (BEGIN/START, COMMIT/END, ROLLBACK/ABORT).
StatementRole statementRole(std::string_view sql);

// One connection. Not thread-safe: one per thread, as with SQLite.
//
// Why it reconnects: a kep-server runs for months while PostgreSQL restarts (upgrades, a
// fail-over, an operator's pg_ctl restart); a connection that stayed broken would make the
// process useless until someone restarted it too. A connection found broken (libpq's
// CONNECTION_BAD, or a failure of SQLSTATE class 08 or 57P01..57P03) fails the statement that
// found it, as before, and is connected again (PQreset, same DSN, at most connect_timeout) at the
// next statement sent outside a transaction: its session settings, prepared statements and
// LISTENs are restored. One attempt per statement; when it fails, the statement throws PgError
// (SQLSTATE 08006, "the database is unreachable"). A statement is never sent again inside a
// transaction: a connection lost in the middle of one leaves the transaction lost, and every
// statement but ROLLBACK (which then succeeds at once: the server rolled it back) or a new BEGIN
// throws until the caller ends it. Only a BEGIN that failed because the connection had died
// before it is sent again, on the new connection: it cannot have done anything.
class Connection {
public:
    // `dsn`: a libpq connection string ("host=/tmp/x port=5432 user=kep dbname=kep"); a
    // connect_timeout of kConnectTimeoutSeconds applies unless it names its own. Throws PgError
    // naming the server's reason, never the password.
    static Connection open(const std::string& dsn);
    static constexpr int kConnectTimeoutSeconds = 5;
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // SQL text without parameters (schema, SET). Several statements may be given at once.
    void exec(std::string_view sql);
    // One statement with bound parameters; parsed and planned on each call.
    Result query(std::string_view sql, const Params& params = {});
    // Prepared once per connection under `name`, then run by name: the hot paths.
    void prepare(const std::string& name, std::string_view sql);
    Result run(const std::string& name, const Params& params = {});

    // COPY … FROM STDIN (`sql`, no parameters) with `rows` in COPY's text format (CopyText.h
    // writes it): the fastest way in for a batch of rows. Returns the rows copied.
    std::int64_t copyIn(std::string_view sql, std::string_view rows);

    void listen(std::string_view channel);  // a plain identifier: [a-z_]
    void notify(std::string_view channel, std::string_view payload);
    // Waits up to `timeout` for notifications (none when it passes) and returns all received.
    std::vector<Notification> waitForNotifications(std::chrono::milliseconds timeout);

    // Session settings (SET …, no parameters): run now, and again after every reconnection.
    void setSession(std::string_view sql);

    // A readiness probe: the server answers SELECT 1 (a connection gone stale is replaced first).
    bool isReachable() noexcept;
    // The caller's transaction is open: on the server, or lost with the connection and not yet
    // rolled back by the caller.
    bool inTransaction() const;
    // How many times the connection was made again, for tests and the log.
    std::uint64_t reconnections() const noexcept { return recovery_.reconnections; }

    // libpq's handle, for the kep::db driver (PgDatabase.h) that reads results in text form.
    // Such a driver calls beforeStatement() before each statement it sends (false: nothing to
    // send, the lost transaction is already rolled back) and afterFailure() when one failed,
    // before clearing its result (which may be nullptr); mayResend() then says whether the
    // failed statement may be sent once more (a BEGIN on a connection that had died).
    pg_conn* native() const noexcept { return conn_; }
    bool beforeStatement(StatementRole role);
    void afterFailure(const pg_result* result) noexcept;
    bool mayResend() const noexcept;

private:
    struct ParamArrays;
    // What reconnection needs to know and restore.
    struct Recovery {
        std::string session;                                        // setSession()'s SQL, in order
        std::vector<std::pair<std::string, std::string>> prepared;  // name, SQL
        std::vector<std::string> channels;                          // LISTENed
        bool broken = false;                   // found broken: reconnect before the next statement
        bool transactionLost = false;          // broken inside the caller's transaction
        bool wasInTransaction = false;         // of the statement in flight
        bool reconnectedForStatement = false;  // the one attempt of the statement in flight
        StatementRole role = StatementRole::Other;
        std::uint64_t reconnections = 0;
    };
    explicit Connection(pg_conn* conn) : conn_(conn) {}
    Result check(pg_result* result, std::string_view what);
    // Sends with send() after beforeStatement(role); a BEGIN that mayResend() goes once more.
    template <typename Send>
    Result sendStatement(StatementRole role, std::string_view what, Send send);
    void reconnect();
    void restoreSession();
    pg_conn* conn_ = nullptr;
    Recovery recovery_;
};

// BEGIN … COMMIT, rolled back by the destructor unless committed. Serializable or read committed,
// as the caller's rule needs.
class Transaction {
public:
    enum class Isolation { ReadCommitted, RepeatableRead, Serializable };
    explicit Transaction(Connection& connection, Isolation isolation = Isolation::ReadCommitted);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace kep::server::pg
