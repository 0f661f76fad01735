// Everything the sync routes need while kep-server serves, built once at start-up: the sync
// store on its own connection to kep.db, push and pull, the bucket adapters and the nudge hub.
#pragma once

#include "db/Database.h"
#include "events/EventHub.h"
#include "identity/Directory.h"
#include "metrics/SyncMetrics.h"
#include "shared/sync/SyncServerStore.h"
#include "stats/DeskActivity.h"
#include "storage/ServerStore.h"
#include "storage/pg/PgConnection.h"
#include "sync/CatalogueBucket.h"
#include "sync/CatalogueNudgeRelay.h"
#include "sync/DirectoryBucket.h"
#include "sync/NudgeHub.h"
#include "sync/PgCommitGroup.h"
#include "sync/SyncService.h"

#include <memory>
#include <string>

namespace kep::server::sync {

// The sync store has a connection of its own (pushes then never hold ServerStore's lock, which
// every request's identity look-up takes); SQLite's WAL lets it commit while the other
// connection reads. On PostgreSQL, pushes share COMMITs on one writer connection (PgCommitGroup)
// and pulls have read connections of their own. `serverStore` and `events` must outlive the
// services.
class SyncServices {
public:
    // Opens `databasePath` (already migrated by ServerStore::open or ::connect) and the sync
    // store: SQLite's, or PostgreSQL's when it is a PostgreSQL location (storage/DatabaseLocation).
    SyncServices(storage::ServerStore& serverStore, const std::string& databasePath,
                 events::EventHub& events);
    ~SyncServices();
    SyncServices(const SyncServices&) = delete;
    SyncServices& operator=(const SyncServices&) = delete;

    storage::ServerStore& serverStore;
    identity::Directory directory;
    NudgeHub nudges;
    CatalogueBucket catalogueBucket;
    DirectoryBucket directoryBucket;
    // When each desk last pushed and pulled (the stats job writes it down: sync lag per office).
    stats::DeskActivity deskActivity;
    // Ops pushed by outcome, counted by the push route for /metrics.
    metrics::SyncMetrics pushedOps;

    SyncService& service() { return *service_; }

private:
    // Declared before the service, whose lanes hold members of the group and stores on these.
    std::unique_ptr<kep::db::Database> connection_;
    std::unique_ptr<pg::Connection> pgConnection_;
    std::unique_ptr<kep::sync::SyncServerStore> ownStore_;
    std::unique_ptr<PgCommitGroup> commitGroup_;
    std::unique_ptr<SyncService> service_;
    std::shared_ptr<CatalogueNudgeRelay> relay_;
};

}  // namespace kep::server::sync
