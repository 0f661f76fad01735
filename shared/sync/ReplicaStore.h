// The desk's copy of the server's rows, bucket by bucket, with the pull cursor of each bucket:
// what the sync engine writes when it pulls. The desk's SQLite store and the in-memory one.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "shared/sync/SyncMessages.h"

namespace kep::sync {

// Contract for implementations:
//   - applyPulled() writes the changes (in order: fields merged into the row, the row's version
//     set; `deleted` removes it) and the bucket's new cursor in ONE transaction, so that a desk
//     killed mid-pull resumes from a cursor that matches its rows: no gap, no change twice.
//   - A change whose version is not above the row's is skipped (re-applying is harmless).
//   - A cursor never goes back: applyPulled() throws std::logic_error if newCursor is below the
//     stored one (the engine never asks for that; the check catches a broken server).
class ReplicaStore {
public:
    virtual ~ReplicaStore() = default;

    virtual std::int64_t cursor(std::string_view bucket) const = 0;
    virtual void applyPulled(std::string_view bucket, std::span<const Change> changes,
                             std::int64_t newCursor) = 0;
};

}  // namespace kep::sync
