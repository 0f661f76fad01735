// The `catalogue` sync bucket: the published procedure catalogue's change sequence seen as sync
// changes, so that a desk pulls it like any other bucket (one change per procedure version).
#pragma once

#include "shared/sync/SyncMessages.h"
#include "storage/ServerStore.h"

namespace kep::server::sync {

// The entity type of a procedure in the bucket; its id is the procedure's id.
inline constexpr std::string_view kProcedureType = "procedure";

// A thin adapter over catalogue::CatalogueStore::publishedSince: a change's seq is the
// procedure's catalogue change_seq, its version the published version, and its one field
// "record" the JSON that GET /api/v1/catalogue/procedures/{id} answers. A procedure no longer
// offered at KEPs comes as deleted. The cursor is a catalogue change sequence number.
class CatalogueBucket {
public:
    explicit CatalogueBucket(storage::ServerStore& store) : store_(store) {}

    // Thread-safe (takes the store's lock). `limit` is clamped to [1, SyncServerCore's max].
    kep::sync::PullResponse pull(const kep::sync::PullRequest& request);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::sync
