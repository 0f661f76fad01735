// Database, Statement and Transaction over whichever driver the connection has: SQLite's
// (SqliteDriver.cpp, where Database::open lives) or another back-end's.
#include "db/Database.h"

#include <sqlite3.h>

#include <utility>

#include "db/DatabaseDriver.h"
#include "db/SqliteDriver.h"

namespace kep::db {

bool Error::isBusy() const noexcept {
    const int primary = code_ & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool Error::isConstraint() const noexcept {
    return (code_ & 0xff) == SQLITE_CONSTRAINT;
}

// ---- Statement ----------------------------------------------------------------------------

Statement::Statement(std::unique_ptr<StatementDriver> driver) : driver_(std::move(driver)) {}
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int index, std::int64_t value) {
    driver_->bindInt64(index, value);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    driver_->bindReal(index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    driver_->bindText(index, text);
    return *this;
}

Statement& Statement::bindBlob(int index, Blob bytes) {
    driver_->bindBlob(index, bytes);
    return *this;
}

Statement& Statement::bindNull(int index) {
    driver_->bindNull(index);
    return *this;
}

int Statement::parameterIndex(std::string_view name) const {
    return driver_->parameterIndex(name);
}

bool Statement::step() {
    return driver_->step();
}

void Statement::run() {
    while (driver_->step()) {
    }
    driver_->reset();
}

void Statement::reset() {
    driver_->reset();
}

bool Statement::isNull(int column) const {
    return driver_->isNull(column);
}

std::int64_t Statement::int64(int column) const {
    return driver_->int64(column);
}

double Statement::real(int column) const {
    return driver_->real(column);
}

std::string Statement::text(int column) const {
    return driver_->text(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    return driver_->blob(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (driver_->isNull(column)) {
        return std::nullopt;
    }
    return driver_->text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (driver_->isNull(column)) {
        return std::nullopt;
    }
    return driver_->int64(column);
}

int Statement::columnCount() const {
    return driver_->columnCount();
}

// ---- Database -----------------------------------------------------------------------------

Database::Database(std::unique_ptr<ConnectionDriver> driver, std::string path)
    : driver_(std::move(driver))
    , dialect_(driver_->dialect())
    , path_(std::move(path)) {
    if (const auto* sqlite = dynamic_cast<const SqliteConnection*>(driver_.get())) {
        sqlite_ = sqlite->handle();
    }
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

void Database::exec(std::string_view sql) {
    driver_->exec(sql);
}

Statement Database::prepare(std::string_view sql) {
    return Statement(driver_->prepare(sql));
}

std::int64_t Database::lastInsertRowId() const {
    return driver_->lastInsertRowId();
}

int Database::changes() const {
    return driver_->changes();
}

int Database::userVersion() {
    return driver_->schemaVersion();
}

bool Database::inTransaction() const {
    return driver_->inTransaction();
}

// ---- Transaction --------------------------------------------------------------------------

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
    db_.driver().begin(kind);
}

Transaction::~Transaction() {
    // The back-end may already have rolled back by itself (SQLite after SQLITE_FULL or an I/O
    // error); a ROLLBACK then would only fail.
    if (open_ && db_.inTransaction()) {
        try {
            db_.driver().rollback();
        } catch (const Error&) {
            // Nothing to report to from a destructor; the back-end rolls back when the
            // connection closes, and a later BEGIN on this connection fails loudly.
        }
    }
}

void Transaction::commit() {
    db_.driver().commit();
    open_ = false;
}

}  // namespace kep::db
