#include "privacy/PurgeConnection.h"

#include "storage/DatabaseLocation.h"
#include "storage/pg/PgDatabase.h"
#include "storage/pg/PgMigrate.h"
#include "sync/PgSyncServerStore.h"
#include "sync/SqliteSyncServerStore.h"

#include <chrono>
#include <stdexcept>
#include <thread>

namespace kep::server::privacy {

namespace {

kep::db::Database openLocation(const std::string& location) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;
    options.secureDelete = true;  // SQLite only; PostgreSQL has no such setting
    return storage::openConnection(location, options);
}

std::unique_ptr<kep::sync::SyncServerStore> changeLogOn(kep::db::Database& db) {
    if (db.dialect() != kep::db::Dialect::Postgres) {
        return std::make_unique<sync::SqliteSyncServerStore>(db);
    }
    auto* connection = pg::libpqConnectionOf(db);
    if (connection == nullptr) {
        throw std::logic_error("purge: a PostgreSQL database without a libpq connection");
    }
    return std::make_unique<sync::PgSyncServerStore>(*connection);
}

bool truncateWal(kep::db::Database& db) {
    for (int attempt = 0; attempt < 40; ++attempt) {
        auto checkpoint = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        if (checkpoint.step() && checkpoint.int64(0) == 0) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    return false;
}

}  // namespace

PurgeConnection::PurgeConnection(const std::string& location)
    : db_(openLocation(location))
    , changeLog_(changeLogOn(db_)) {}

PurgeConnection::~PurgeConnection() = default;

void PurgeConnection::begin() {
    lockWriters();
    try {
        changeLog_->begin();
    } catch (...) {
        unlockWriters();
        throw;
    }
}

void PurgeConnection::commit() {
    try {
        changeLog_->commit();
    } catch (...) {
        unlockWriters();
        throw;
    }
    unlockWriters();
}

void PurgeConnection::rollback() {
    changeLog_->rollback();
    unlockWriters();
}

void PurgeConnection::lockWriters() {
    if (onPostgres()) {
        auto lock = db_.prepare("SELECT pg_advisory_lock(CAST(?1 AS BIGINT))");
        lock.bind(1, pg::kWriterLockKey).step();
    }
}

void PurgeConnection::unlockWriters() noexcept {
    if (!onPostgres()) {
        return;
    }
    try {
        auto unlock = db_.prepare("SELECT pg_advisory_unlock(CAST(?1 AS BIGINT))");
        unlock.bind(1, pg::kWriterLockKey).step();
    } catch (const std::exception&) {
        // A connection lost meanwhile took its session's locks with it.
    }
}

bool PurgeConnection::eraseFreedSpace(std::span<const std::string_view> tables) {
    if (!onPostgres()) {
        return truncateWal(db_);
    }
    if (tables.empty()) {
        return true;
    }
    // One statement for all (VACUUM runs outside a transaction, and PQexec would wrap several
    // statements in one); the names are the purge's own constants, never input.
    std::string sql = "VACUUM ";
    for (const auto table : tables) {
        sql.append(table).append(", ");
    }
    sql.resize(sql.size() - 2);
    db_.exec(sql);
    return true;
}

}  // namespace kep::server::privacy
