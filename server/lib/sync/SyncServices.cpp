#include "sync/SyncServices.h"

#include "storage/DatabaseLocation.h"
#include "storage/pg/PgConnection.h"
#include "sync/PgSyncStores.h"
#include "sync/SqliteSyncServerStore.h"

namespace kep::server::sync {

namespace {

std::unique_ptr<kep::db::Database> openConnection(const std::string& path) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;  // durable: WAL and synchronous=FULL by default
    return std::make_unique<kep::db::Database>(kep::server::storage::openConnection(path, options));
}

}  // namespace

SyncServices::SyncServices(storage::ServerStore& store, const std::string& databasePath,
                           events::EventHub& events)
    : serverStore(store)
    , directory(store)
    , catalogueBucket(store)
    , directoryBucket(store) {
    const auto publish = [this](const kep::sync::Nudge& nudge, std::string_view origin) {
        nudges.publish(nudge, origin);
    };
    // On PostgreSQL the sync store is its own, over libpq directly: the hot path (issue 10).
    if (storage::isPostgresLocation(databasePath)) {
        pgConnection_ = std::make_unique<pg::Connection>(pg::Connection::open(databasePath));
        commitGroup_ = std::make_unique<PgCommitGroup>(*pgConnection_);
        service_ = std::make_unique<SyncService>(
            pgSyncStores(*commitGroup_,
                         [databasePath] { return pg::Connection::open(databasePath); }),
            publish);
    } else {
        connection_ = openConnection(databasePath);
        ownStore_ = std::make_unique<SqliteSyncServerStore>(*connection_);
        service_ = std::make_unique<SyncService>(*ownStore_, publish);
    }
    relay_ = CatalogueNudgeRelay::attach(events, nudges);
}

SyncServices::~SyncServices() = default;

}  // namespace kep::server::sync
