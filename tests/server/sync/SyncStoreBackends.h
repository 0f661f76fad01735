// The server's sync stores side by side for the tests of tests/server/sync: the in-memory
// reference (kep_sync) and SqliteSyncServerStore on a real, migrated kep.db file.
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/Database.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "storage/ServerStore.h"
#include "sync/SqliteSyncServerStore.h"

namespace kep::test {

// Opens (creating and migrating if new) the sync store's database at `path` as kep-server does.
inline kep::db::Database openSyncDatabase(const std::string& path) {
    auto db = kep::db::Database::open(path);
    kep::db::migrate(db, kep::server::storage::migrations());
    return db;
}

// One store of either kind behind the SyncServerStore contract, plus what only the tests read.
class SyncStoreBackend {
public:
    // "memory" or "sqlite".
    explicit SyncStoreBackend(const QString& kind) : sqlite_(kind == "sqlite") {
        if (sqlite_) {
            path_ = dir_.filePath("kep.db").toStdString();
            open();
        }
    }

    kep::sync::SyncServerStore& store() {
        return sqlite_ ? static_cast<kep::sync::SyncServerStore&>(*sqliteStore_) : memory_;
    }
    bool isSqlite() const { return sqlite_; }

    std::vector<kep::cases::HistoryEntry> history(const kep::sync::EntityRef& ref) {
        return sqlite_ ? sqliteStore_->history(ref) : memory_.history(ref);
    }
    std::vector<kep::sync::EntityRow> entitiesIn(const std::string& bucket) {
        return sqlite_ ? sqliteStore_->entitiesIn(bucket) : memory_.entitiesIn(bucket);
    }

    // A restart: the process's memory is gone, the file stays. (Memory has no file: a no-op.)
    void restart() {
        if (sqlite_) {
            sqliteStore_.reset();
            db_.reset();
            open();
        }
    }
    kep::server::sync::SqliteSyncServerStore& sqlite() { return *sqliteStore_; }
    kep::db::Database& database() { return *db_; }

private:
    void open() {
        db_.emplace(openSyncDatabase(path_));
        sqliteStore_ = std::make_unique<kep::server::sync::SqliteSyncServerStore>(*db_);
    }

    bool sqlite_;
    QTemporaryDir dir_;
    std::string path_;
    kep::sync::MemorySyncServerStore memory_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<kep::server::sync::SqliteSyncServerStore> sqliteStore_;
};

}  // namespace kep::test
