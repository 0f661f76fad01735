// The statement half of kep::db's PostgreSQL driver. A statement runs on its first step(), by
// the name its text is prepared under on the connection (PQexecPrepared: the server neither
// parses nor plans it again), or with PQexecParams when it has none; its whole result is kept;
// step() then walks the rows. Values are parsed from PostgreSQL's text form, and a value that is
// not what the caller reads throws an Error naming the column (never the value: it may be personal
// data).
#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "shared/domain/HexDigit.h"
#include "storage/pg/PgDatabaseDriver.h"

namespace kep::server::pg {

namespace {

constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;

}  // namespace

PgStatementDriver::PgStatementDriver(PgConnectionDriver& connection, PgStatementText text,
                                     std::string excerpt)
    : connection_(connection)
    , text_(std::move(text))
    , excerpt_(std::move(excerpt)) {
    const std::string keyword = leadingKeyword(text_.sql);
    planned_ = isPlannedStatement(keyword);
    changesSchema_ = changesSchema(keyword);
    const auto count = static_cast<std::size_t>(text_.parameterCount);
    values_.resize(count);
    isNull_.assign(count, 1);  // an unbound parameter is NULL, as in SQLite
    formats_.assign(count, 0);
    types_.assign(count, 0);
    pointers_.resize(count);
    lengths_.resize(count);
}

PgStatementDriver::~PgStatementDriver() {
    PQclear(result_);
}

std::string& PgStatementDriver::slot(int index, int format, unsigned type) {
    if (index < 1 || index > text_.parameterCount) {
        throw kep::db::Error(SQLITE_RANGE,
                             "bind: parameter " + std::to_string(index) + " out of range 1.." +
                                 std::to_string(text_.parameterCount) + " [" + excerpt_ + "]");
    }
    const auto at = static_cast<std::size_t>(index - 1);
    isNull_[at] = 0;
    formats_[at] = format;
    types_[at] = type;
    return values_[at];
}

void PgStatementDriver::bindInt64(int index, std::int64_t value) {
    std::string& out = slot(index, 0, 0);
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.assign(buffer, end);
}

void PgStatementDriver::bindReal(int index, double value) {
    std::string& out = slot(index, 0, 0);
    if (std::isnan(value)) {
        out = "NaN";
    } else if (std::isinf(value)) {
        out = value > 0 ? "Infinity" : "-Infinity";
    } else {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        out.assign(buffer, end);
    }
}

void PgStatementDriver::bindText(int index, std::string_view text) {
    // libpq reads a text parameter up to its first NUL, and PostgreSQL's text cannot hold one:
    // refused, rather than stored cut short.
    if (text.find('\0') != std::string_view::npos) {
        throw kep::db::Error(SQLITE_MISMATCH, "bind: parameter " + std::to_string(index) +
                                                  ": text with a NUL byte [" + excerpt_ + "]");
    }
    slot(index, 0, 0).assign(text.data() != nullptr ? text.data() : "", text.size());
}

void PgStatementDriver::bindBlob(int index, kep::db::Blob bytes) {
    // Binary bytea, typed: the server needs no escaping and no guess.
    slot(index, 1, kByteaOid).assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

void PgStatementDriver::bindNull(int index) {
    slot(index, 0, 0);
    isNull_[static_cast<std::size_t>(index - 1)] = 1;
}

int PgStatementDriver::parameterIndex(std::string_view name) const {
    std::string key(name);
    if (!key.empty() && key.front() != ':' && key.front() != '@' && key.front() != '$') {
        key.insert(key.begin(), ':');
    }
    for (const auto& [known, index] : text_.names) {
        if (known == key) {
            return index;
        }
    }
    throw kep::db::Error(SQLITE_RANGE,
                         "bind: no parameter " + key + " in statement [" + excerpt_ + "]");
}

void PgStatementDriver::clearResult() {
    PQclear(result_);
    result_ = nullptr;
    state_ = State::NotRun;
    rows_ = 0;
    row_ = -1;
}

const std::string* PgStatementDriver::preparedName(std::string_view operation) const {
    if (!planned_) {
        return nullptr;
    }
    return connection_.preparedName(text_.sql, types_, operation, excerpt_);
}

void PgStatementDriver::execute() {
    clearResult();
    connection_.beforeStatement(StatementRole::Other);
    for (std::size_t i = 0; i < values_.size(); ++i) {
        pointers_[i] = isNull_[i] != 0 ? nullptr : values_[i].data();
        lengths_[i] = static_cast<int>(values_[i].size());
    }
    // Prepared with the types bound now: a blob's parameter is bytea, as PQexecParams says.
    const std::string* name = preparedName("step");
    pg_conn* conn = connection_.native();
    pg_result* result =
        name != nullptr ? PQexecPrepared(conn, name->c_str(), text_.parameterCount,
                                         pointers_.data(), lengths_.data(), formats_.data(), 0)
                        : PQexecParams(conn, text_.sql.c_str(), text_.parameterCount, types_.data(),
                                       pointers_.data(), lengths_.data(), formats_.data(), 0);
    result_ = connection_.checked(result, "step", excerpt_);
    connection_.countChanges(result_);
    rows_ = PQntuples(result_);
    state_ = State::Rows;
    if (changesSchema_) {
        connection_.forgetPreparedStatements();
    }
}

bool PgStatementDriver::step() {
    // After the last row, a further step runs the statement again, as sqlite3_step() does.
    if (state_ != State::Rows) {
        execute();
    }
    if (++row_ < rows_) {
        return true;
    }
    state_ = State::Done;
    return false;
}

void PgStatementDriver::reset() {
    clearResult();
    std::fill(isNull_.begin(), isNull_.end(), 1);
    std::fill(formats_.begin(), formats_.end(), 0);
    std::fill(types_.begin(), types_.end(), 0);
}

std::string PgStatementDriver::columnName(int column) const {
    const char* name = PQfname(result_, column);
    return name != nullptr ? name : std::to_string(column);
}

const char* PgStatementDriver::cell(int column) const {
    const bool hasRow = state_ == State::Rows && row_ >= 0 && row_ < rows_;
    if (!hasRow || column < 0 || column >= PQnfields(result_)) {
        throw kep::db::Error(SQLITE_RANGE, "column " + std::to_string(column) +
                                               (hasRow ? ": out of range" : ": no current row") +
                                               " [" + excerpt_ + "]");
    }
    if (PQgetisnull(result_, row_, column) != 0) {
        return nullptr;
    }
    return PQgetvalue(result_, row_, column);
}

bool PgStatementDriver::isNull(int column) const {
    return cell(column) == nullptr;
}

std::int64_t PgStatementDriver::int64(int column) const {
    const char* value = cell(column);
    if (value == nullptr) {
        return 0;  // as sqlite3_column_int64() of NULL
    }
    if (PQftype(result_, column) == kBoolOid) {
        return value[0] == 't' ? 1 : 0;
    }
    const char* end = value + PQgetlength(result_, row_, column);
    std::int64_t number = 0;
    auto [rest, error] = std::from_chars(value, end, number);
    // numeric (sum(), avg() of integers) prints "12" or "12.000": a zero fraction is whole.
    if (error == std::errc() && rest != end && *rest == '.') {
        ++rest;
        while (rest != end && *rest == '0') {
            ++rest;
        }
    }
    if (error != std::errc() || rest != end) {
        throw kep::db::Error(SQLITE_MISMATCH, "column " + columnName(column) +
                                                  ": not a 64-bit integer [" + excerpt_ + "]");
    }
    return number;
}

double PgStatementDriver::real(int column) const {
    const char* value = cell(column);
    if (value == nullptr) {
        return 0.0;
    }
    if (PQftype(result_, column) == kBoolOid) {
        return value[0] == 't' ? 1.0 : 0.0;
    }
    const std::string_view text(value,
                                static_cast<std::size_t>(PQgetlength(result_, row_, column)));
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity" || text == "-Infinity") {
        return text.front() == '-' ? -std::numeric_limits<double>::infinity()
                                   : std::numeric_limits<double>::infinity();
    }
    double number = 0.0;
    const auto [rest, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || rest != text.data() + text.size()) {
        throw kep::db::Error(SQLITE_MISMATCH,
                             "column " + columnName(column) + ": not a number [" + excerpt_ + "]");
    }
    return number;
}

std::vector<std::uint8_t> PgStatementDriver::blob(int column) const {
    const char* value = cell(column);
    if (value == nullptr) {
        return {};
    }
    const auto length = static_cast<std::size_t>(PQgetlength(result_, row_, column));
    if (PQftype(result_, column) != kByteaOid) {
        return {value, value + length};  // a text column's bytes, as SQLite gives them
    }
    // bytea_output = 'hex' (openDatabase): "\x" and two digits a byte.
    if (length < 2 || value[0] != '\\' || value[1] != 'x' || length % 2 != 0) {
        throw kep::db::Error(SQLITE_MISMATCH, "column " + columnName(column) +
                                                  ": bytea not in hex form [" + excerpt_ + "]");
    }
    std::vector<std::uint8_t> bytes;
    bytes.reserve((length - 2) / 2);
    for (std::size_t i = 2; i < length; i += 2) {
        const int high = kep::domain::hexDigitValue(value[i]);
        const int low = kep::domain::hexDigitValue(value[i + 1]);
        if (high < 0 || low < 0) {
            throw kep::db::Error(SQLITE_MISMATCH, "column " + columnName(column) +
                                                      ": bytea not in hex form [" + excerpt_ + "]");
        }
        bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    return bytes;
}

std::string PgStatementDriver::text(int column) const {
    const char* value = cell(column);
    if (value == nullptr) {
        return {};
    }
    if (PQftype(result_, column) == kByteaOid) {
        const auto bytes = blob(column);
        return {bytes.begin(), bytes.end()};
    }
    return {value, static_cast<std::size_t>(PQgetlength(result_, row_, column))};
}

int PgStatementDriver::columnCount() const {
    if (result_ != nullptr) {
        return PQnfields(result_);
    }
    // Not run yet: the server describes the statement without running it.
    connection_.beforeStatement(StatementRole::Other);
    const std::string* name = preparedName("prepare");
    pg_conn* conn = connection_.native();
    if (name == nullptr) {
        PQclear(connection_.checked(
            PQprepare(conn, "", text_.sql.c_str(), text_.parameterCount, types_.data()), "prepare",
            excerpt_));
    }
    pg_result* described = connection_.checked(
        PQdescribePrepared(conn, name != nullptr ? name->c_str() : ""), "prepare", excerpt_);
    const int columns = PQnfields(described);
    PQclear(described);
    return columns;
}

}  // namespace kep::server::pg
