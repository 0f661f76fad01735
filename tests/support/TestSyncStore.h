// The sync store a server-side test writes cases through, on the test's back-end (issue 10):
// SqliteSyncServerStore on a connection of its own to kep.db, or PgSyncServerStore on its own
// libpq connection to the test's PostgreSQL database — as `serve` builds them (SyncServices).
#pragma once

#include "TestServerStore.h"

#include "db/Database.h"
#include "shared/sync/SyncServerStore.h"
#include "storage/pg/PgConnection.h"
#include "sync/PgSyncServerStore.h"
#include "sync/SqliteSyncServerStore.h"

#include <memory>

namespace kep::test {

class TestSyncStore {
public:
    explicit TestSyncStore(const TestServerDatabase& database) {
        if (database.isPostgres()) {
            pgConnection_ = std::make_unique<kep::server::pg::Connection>(
                kep::server::pg::Connection::open(database.location()));
            store_ = std::make_unique<kep::server::sync::PgSyncServerStore>(*pgConnection_);
        } else {
            sqliteConnection_ = std::make_unique<kep::db::Database>(
                database.connect({.mode = kep::db::OpenMode::ReadWrite}));
            store_ = std::make_unique<kep::server::sync::SqliteSyncServerStore>(*sqliteConnection_);
        }
    }
    TestSyncStore(const TestSyncStore&) = delete;
    TestSyncStore& operator=(const TestSyncStore&) = delete;

    kep::sync::SyncServerStore& store() { return *store_; }

private:
    std::unique_ptr<kep::db::Database> sqliteConnection_;
    std::unique_ptr<kep::server::pg::Connection> pgConnection_;
    std::unique_ptr<kep::sync::SyncServerStore> store_;
};

}  // namespace kep::test
