#include "storage/pg/PgConnection.h"

#include "storage/pg/PgErrors.h"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kep::server::pg {

namespace {

// The type OIDs of pg_type that the binary reader understands.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kJsonbOid = 3802;

std::int64_t bigEndian(const char* bytes, int length) {
    std::uint64_t value = 0;
    for (int i = 0; i < length; ++i) {
        value = (value << 8U) | static_cast<std::uint8_t>(bytes[i]);
    }
    // Sign-extend the shorter integer types.
    const int unusedBits = 64 - 8 * length;
    return unusedBits == 0 ? static_cast<std::int64_t>(value)
                           : static_cast<std::int64_t>(value << unusedBits) >> unusedBits;
}

bool isPlainIdentifier(std::string_view name) {
    return !name.empty() && name.size() <= 63 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '_';
    });
}

}  // namespace

// --- Params ---------------------------------------------------------------------------------

Params& Params::add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    formats_.push_back(0);
    return *this;
}

Params& Params::add(std::string_view text) {
    values_.emplace_back(std::string(text));
    formats_.push_back(0);
    return *this;
}

Params& Params::addBlob(Blob bytes) {
    values_.emplace_back(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    formats_.push_back(1);
    return *this;
}

Params& Params::addNull() {
    values_.emplace_back(std::nullopt);
    formats_.push_back(0);
    return *this;
}

// --- Result ---------------------------------------------------------------------------------

Result::Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}

Result& Result::operator=(Result&& other) noexcept {
    if (this != &other) {
        PQclear(result_);
        result_ = std::exchange(other.result_, nullptr);
    }
    return *this;
}

Result::~Result() {
    PQclear(result_);
}

int Result::rows() const {
    return PQntuples(result_);
}
std::string Result::commandTag() const {
    return PQcmdStatus(result_);
}
int Result::columns() const {
    return PQnfields(result_);
}

std::int64_t Result::affectedRows() const {
    const char* count = PQcmdTuples(result_);
    return count == nullptr || *count == '\0' ? 0 : std::stoll(count);
}

void Result::checkCell(int row, int column) const {
    if (row < 0 || row >= rows() || column < 0 || column >= columns()) {
        throw PgError("", "pg: no cell (" + std::to_string(row) + ", " + std::to_string(column) +
                              ") in a result of " + std::to_string(rows()) + " rows");
    }
    if (PQgetisnull(result_, row, column) != 0) {
        throw PgError("", "pg: column " + std::string(PQfname(result_, column)) + " is NULL");
    }
}

bool Result::isNull(int row, int column) const {
    return PQgetisnull(result_, row, column) != 0;
}

std::int64_t Result::int64(int row, int column) const {
    checkCell(row, column);
    const Oid type = PQftype(result_, column);
    const int length = PQgetlength(result_, row, column);
    const bool known = (type == kInt8Oid && length == 8) || (type == kInt4Oid && length == 4) ||
                       (type == kInt2Oid && length == 2);
    if (!known) {
        throw PgError("",
                      "pg: column " + std::string(PQfname(result_, column)) + " is not an integer");
    }
    return bigEndian(PQgetvalue(result_, row, column), length);
}

bool Result::boolean(int row, int column) const {
    checkCell(row, column);
    if (PQftype(result_, column) != kBoolOid || PQgetlength(result_, row, column) != 1) {
        throw PgError("",
                      "pg: column " + std::string(PQfname(result_, column)) + " is not a boolean");
    }
    return PQgetvalue(result_, row, column)[0] != 0;
}

std::string Result::text(int row, int column) const {
    checkCell(row, column);
    const Oid type = PQftype(result_, column);
    const char* value = PQgetvalue(result_, row, column);
    const int length = PQgetlength(result_, row, column);
    if (type == kByteaOid || type == kInt8Oid || type == kInt4Oid || type == kInt2Oid ||
        type == kBoolOid) {
        throw PgError("", "pg: column " + std::string(PQfname(result_, column)) + " is not text");
    }
    // jsonb's binary form is a version byte (1) before the text.
    if (type == kJsonbOid && length >= 1) {
        return std::string(value + 1, static_cast<std::size_t>(length - 1));
    }
    return std::string(value, static_cast<std::size_t>(length));
}

std::vector<std::uint8_t> Result::blob(int row, int column) const {
    checkCell(row, column);
    if (PQftype(result_, column) != kByteaOid) {
        throw PgError("", "pg: column " + std::string(PQfname(result_, column)) + " is not bytea");
    }
    const auto* value = reinterpret_cast<const std::uint8_t*>(PQgetvalue(result_, row, column));
    return {value, value + PQgetlength(result_, row, column)};
}

std::optional<std::string> Result::optionalText(int row, int column) const {
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return text(row, column);
}

std::optional<std::int64_t> Result::optionalInt64(int row, int column) const {
    if (isNull(row, column)) {
        return std::nullopt;
    }
    return int64(row, column);
}

// --- Connection -----------------------------------------------------------------------------

Connection Connection::open(const std::string& dsn) {
    // connect_timeout before the DSN: a value the DSN names itself is expanded after it and wins.
    // PQreset() reconnects with the same values, so a reconnection is bounded the same way.
    const std::string timeout = std::to_string(kConnectTimeoutSeconds);
    const char* const keywords[] = {"connect_timeout", "dbname", nullptr};
    const char* const values[] = {timeout.c_str(), dsn.c_str(), nullptr};
    pg_conn* conn = PQconnectdbParams(keywords, values, 1);
    if (conn == nullptr) {
        throw PgError("", "pg: out of memory opening a connection");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string reason = trimmedMessage(PQerrorMessage(conn));
        PQfinish(conn);
        throw PgError("", "pg: cannot connect: " + reason);
    }
    Connection connection(conn);
    // Every *_at the server writes is UTC; text is UTF-8 whatever the cluster's default.
    connection.setSession("SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'");
    return connection;
}

Connection::Connection(Connection&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr))
    , recovery_(std::move(other.recovery_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        PQfinish(conn_);
        conn_ = std::exchange(other.conn_, nullptr);
        recovery_ = std::move(other.recovery_);
    }
    return *this;
}

Connection::~Connection() {
    PQfinish(conn_);
}

Result Connection::check(pg_result* result, std::string_view what) {
    if (result == nullptr) {
        afterFailure(nullptr);
        throw PgError("",
                      "pg: " + std::string(what) + ": " + trimmedMessage(PQerrorMessage(conn_)));
    }
    Result owned(result);
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        return owned;
    }
    afterFailure(result);
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    throw PgError(state != nullptr ? state : "",
                  "pg: " + std::string(what) + ": " + trimmedMessage(PQresultErrorMessage(result)));
}

template <typename Send>
Result Connection::sendStatement(StatementRole role, std::string_view what, Send send) {
    if (!beforeStatement(role)) {
        return Result(PQmakeEmptyPGresult(conn_, PGRES_COMMAND_OK));
    }
    try {
        return check(send(), what);
    } catch (const PgError&) {
        if (!mayResend()) {
            throw;
        }
    }
    beforeStatement(role);  // the one reconnection of this statement
    return check(send(), what);
}

void Connection::exec(std::string_view sql) {
    // PQexec takes several statements at once, which a schema migration needs.
    const std::string text(sql);
    sendStatement(statementRole(sql), "exec", [&] { return PQexec(conn_, text.c_str()); });
}

void Connection::setSession(std::string_view sql) {
    exec(sql);
    recovery_.session.append(sql).append(";");
}

// libpq's view of the parameters: pointers into `params`, which must outlive the call.
struct Connection::ParamArrays {
    explicit ParamArrays(const Params& params) : formats(params.formats_.data()) {
        for (const auto& value : params.values_) {
            values.push_back(value ? value->data() : nullptr);
            lengths.push_back(value ? static_cast<int>(value->size()) : 0);
        }
    }
    int count() const { return static_cast<int>(values.size()); }
    std::vector<const char*> values;
    std::vector<int> lengths;
    const int* formats;
};

Result Connection::query(std::string_view sql, const Params& params) {
    const ParamArrays p(params);
    const std::string text(sql);
    return sendStatement(statementRole(sql), "query", [&] {
        return PQexecParams(conn_, text.c_str(), p.count(), nullptr, p.values.data(),
                            p.lengths.data(), p.formats, 1);
    });
}

void Connection::prepare(const std::string& name, std::string_view sql) {
    std::string text(sql);
    sendStatement(StatementRole::Other, "prepare " + name,
                  [&] { return PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr); });
    // Kept for a reconnection, which prepares them all again on the new session.
    recovery_.prepared.emplace_back(name, std::move(text));
}

Result Connection::run(const std::string& name, const Params& params) {
    const ParamArrays p(params);
    return sendStatement(StatementRole::Other, name, [&] {
        return PQexecPrepared(conn_, name.c_str(), p.count(), p.values.data(), p.lengths.data(),
                              p.formats, 1);
    });
}

std::int64_t Connection::copyIn(std::string_view sql, std::string_view rows) {
    beforeStatement(StatementRole::Other);
    pg_result* started = PQexec(conn_, std::string(sql).c_str());
    if (started == nullptr || PQresultStatus(started) != PGRES_COPY_IN) {
        check(started, "copy");  // throws the server's reason when it has one
        throw PgError("", "pg: copy: the statement is not COPY … FROM STDIN");
    }
    PQclear(started);
    const bool sent = PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) == 1 &&
                      PQputCopyEnd(conn_, nullptr) == 1;
    // The COPY's outcome, then nothing: every result is read so that the connection stays usable.
    pg_result* finished = PQgetResult(conn_);
    while (pg_result* extra = PQgetResult(conn_)) {
        PQclear(extra);
    }
    if (!sent) {
        afterFailure(finished);
        PQclear(finished);
        throw PgError("", "pg: copy: " + trimmedMessage(PQerrorMessage(conn_)));
    }
    return check(finished, "copy").affectedRows();
}

void Connection::listen(std::string_view channel) {
    // LISTEN takes no parameter; the channel is checked to be a plain identifier instead.
    if (!isPlainIdentifier(channel)) {
        throw PgError("", "pg: listen: channel must be [a-z_], at most 63 characters");
    }
    exec("LISTEN " + std::string(channel));
    auto& channels = recovery_.channels;
    if (std::find(channels.begin(), channels.end(), channel) == channels.end()) {
        channels.emplace_back(channel);  // LISTENed again after a reconnection
    }
}

void Connection::notify(std::string_view channel, std::string_view payload) {
    query("SELECT pg_notify($1, $2)", Params().add(channel).add(payload));
}

std::vector<Notification> Connection::waitForNotifications(std::chrono::milliseconds timeout) {
    beforeStatement(StatementRole::Other);
    std::vector<Notification> received;
    const auto collect = [&] {
        if (PQconsumeInput(conn_) == 0) {
            afterFailure(nullptr);
            throw PgError("", "pg: connection lost: " + trimmedMessage(PQerrorMessage(conn_)));
        }
        while (PGnotify* note = PQnotifies(conn_)) {
            received.push_back({note->relname, note->extra != nullptr ? note->extra : ""});
            PQfreemem(note);
        }
    };
    collect();
    if (!received.empty()) {
        return received;
    }
    pollfd socket{PQsocket(conn_), POLLIN, 0};
    const int ready = ::poll(&socket, 1, static_cast<int>(timeout.count()));
    if (ready < 0 && errno != EINTR) {
        throw PgError("", std::string("pg: waiting for notifications: ") + std::strerror(errno));
    }
    if (ready > 0) {
        collect();
    }
    return received;
}

// --- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(Connection& connection, Isolation isolation) : connection_(connection) {
    switch (isolation) {
        case Isolation::ReadCommitted:
            connection_.exec("BEGIN ISOLATION LEVEL READ COMMITTED");
            break;
        case Isolation::RepeatableRead:
            connection_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
            break;
        case Isolation::Serializable:
            connection_.exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
            break;
    }
}

Transaction::~Transaction() {
    if (open_) {
        try {
            connection_.exec("ROLLBACK");
        } catch (const std::exception&) {
            // The connection is gone: the server rolls the transaction back itself.
        }
    }
}

void Transaction::commit() {
    open_ = false;
    // COMMIT of a failed transaction "succeeds" with the tag ROLLBACK: that must not be taken for
    // a commit, or something would be acknowledged that was never written.
    const Result result = connection_.query("COMMIT");
    if (result.commandTag() != "COMMIT") {
        throw PgError("40000", "pg: commit: the transaction had failed and was rolled back");
    }
}

}  // namespace kep::server::pg
