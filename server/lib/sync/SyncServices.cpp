#include "sync/SyncServices.h"

#include "sync/SqliteSyncServerStore.h"

namespace kep::server::sync {

namespace {

std::unique_ptr<kep::db::Database> openConnection(const std::string& path) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;  // durable: WAL and synchronous=FULL by default
    return std::make_unique<kep::db::Database>(kep::db::Database::open(path, options));
}

}  // namespace

SyncServices::SyncServices(storage::ServerStore& store, const std::string& databasePath,
                           events::EventHub& events)
    : serverStore(store)
    , directory(store)
    , catalogueBucket(store)
    , directoryBucket(store)
    , connection_(openConnection(databasePath)) {
    ownStore_ = std::make_unique<SqliteSyncServerStore>(*connection_);
    service_ = std::make_unique<SyncService>(
        *ownStore_, [this](const kep::sync::Nudge& nudge, std::string_view origin) {
            nudges.publish(nudge, origin);
        });
    relay_ = CatalogueNudgeRelay::attach(events, nudges);
}

SyncServices::~SyncServices() = default;

}  // namespace kep::server::sync
