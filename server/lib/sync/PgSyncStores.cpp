#include "sync/PgSyncStores.h"

#include <memory>
#include <utility>

#include "sync/PgSyncServerStore.h"

namespace kep::server::sync {

namespace {

// One lane per request thread pushing at once: a member of the commit group costs no connection,
// so this is only a bound, above any --threads an installation runs with.
constexpr std::size_t kPushLanes = 256;

// A pull's store on a read connection of its own. Outside a transaction the store reads the
// committed counter, then the changes up to it: the safe high-water mark's rule holds as on the
// writer (PgSyncServerStore.h), whichever connection reads.
struct PullConnection {
    explicit PullConnection(kep::server::pg::Connection opened)
        : connection(std::move(opened))
        , store(connection) {}
    kep::server::pg::Connection connection;
    PgSyncServerStore store;
};

}  // namespace

SyncService::Stores pgSyncStores(PgCommitGroup& group,
                                 std::function<kep::server::pg::Connection()> connect,
                                 std::size_t pullConnections) {
    SyncService::Stores stores;
    stores.pusher = [&group] {
        return std::shared_ptr<kep::sync::SyncServerStore>(group.member());
    };
    stores.pushers = kPushLanes;
    stores.puller = [connect =
                         std::move(connect)]() -> std::shared_ptr<kep::sync::SyncServerStore> {
        auto pull = std::make_shared<PullConnection>(connect());
        return {pull, &pull->store};
    };
    stores.pullers = pullConnections;
    // The group's own record of its last COMMIT: no round trip on the writer's connection.
    stores.committedMark = [&group] { return group.committedMark(); };
    return stores;
}

}  // namespace kep::server::sync
