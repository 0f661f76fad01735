// The server's sync stores side by side for the tests of tests/server/sync: the in-memory
// reference (kep_sync), SqliteSyncServerStore on a real, migrated kep.db file, and
// PgSyncServerStore in a fresh schema of the test cluster (PgTestSchema.h), alone or as a member
// of a PgCommitGroup (group commit).
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "PgTestSchema.h"
#include "db/Database.h"
#include "shared/sync/MemorySyncServerStore.h"
#include "storage/ServerStore.h"
#include "sync/PgCommitGroup.h"
#include "sync/PgSyncServerStore.h"
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
    // "memory", "sqlite", "postgres" or "postgres-group".
    explicit SyncStoreBackend(const QString& kind)
        : sqlite_(kind == "sqlite")
        , postgres_(kind.startsWith("postgres"))
        , grouped_(kind == "postgres-group") {
        if (sqlite_) {
            path_ = dir_.filePath("kep.db").toStdString();
            open();
        }
        if (postgres_) {
            schema_.emplace();
            openPostgres();
        }
    }

    kep::sync::SyncServerStore& store() {
        if (postgres_) {
            return member_ ? *member_ : static_cast<kep::sync::SyncServerStore&>(*pgStore_);
        }
        return sqlite_ ? static_cast<kep::sync::SyncServerStore&>(*sqliteStore_) : memory_;
    }
    bool isSqlite() const { return sqlite_; }

    std::vector<kep::cases::HistoryEntry> history(const kep::sync::EntityRef& ref) {
        if (postgres_) {
            return pgStore_->history(ref);
        }
        return sqlite_ ? sqliteStore_->history(ref) : memory_.history(ref);
    }
    std::vector<kep::sync::EntityRow> entitiesIn(const std::string& bucket) {
        if (postgres_) {
            return pgStore_->entitiesIn(bucket);
        }
        return sqlite_ ? sqliteStore_->entitiesIn(bucket) : memory_.entitiesIn(bucket);
    }

    // A restart: the process's memory is gone, the file (or database) stays. (Memory has no
    // file: a no-op.)
    void restart() {
        if (sqlite_) {
            sqliteStore_.reset();
            db_.reset();
            open();
        }
        if (postgres_) {
            member_.reset();
            group_.reset();
            pgStore_.reset();
            groupConnection_.reset();
            pg_.reset();
            openPostgres();
        }
    }
    kep::server::sync::SqliteSyncServerStore& sqlite() { return *sqliteStore_; }
    kep::db::Database& database() { return *db_; }
    const PgTestSchema& pgSchema() const { return *schema_; }

private:
    void open() {
        db_.emplace(openSyncDatabase(path_));
        sqliteStore_ = std::make_unique<kep::server::sync::SqliteSyncServerStore>(*db_);
    }

    void openPostgres() {
        pg_.emplace(schema_->connect());
        // Grouped: the contract runs through a member; the committed rows are read beside it.
        pgStore_ = std::make_unique<kep::server::sync::PgSyncServerStore>(*pg_);
        if (grouped_) {
            groupConnection_.emplace(schema_->connect());
            group_ = std::make_unique<kep::server::sync::PgCommitGroup>(*groupConnection_);
            member_ = group_->member();
        }
    }

    bool sqlite_;
    bool postgres_;
    bool grouped_;
    QTemporaryDir dir_;
    std::string path_;
    kep::sync::MemorySyncServerStore memory_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<kep::server::sync::SqliteSyncServerStore> sqliteStore_;
    // Declared in this order so that the store goes before its connection, and both before
    // the schema is dropped.
    std::optional<PgTestSchema> schema_;
    std::optional<kep::server::pg::Connection> pg_;
    std::unique_ptr<kep::server::sync::PgSyncServerStore> pgStore_;
    std::optional<kep::server::pg::Connection> groupConnection_;
    std::unique_ptr<kep::server::sync::PgCommitGroup> group_;
    std::unique_ptr<kep::sync::SyncServerStore> member_;
};

}  // namespace kep::test
