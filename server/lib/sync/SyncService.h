// The server's push and pull over one sync store: SyncServerCore behind a lock, with the write
// authority of the calling workstation, and a nudge for every bucket a committed push changed.
#pragma once

#include "shared/sync/SyncServerCore.h"
#include "shared/sync/SyncServerStore.h"

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

namespace kep::server::sync {

// What one push may do, resolved by the route before the store's transaction begins (so that
// no identity look-up runs while the store is locked).
struct PushPermissions {
    std::string bucket;                         // the one bucket the device writes: its office's
    std::set<std::string, std::less<>> actors;  // ids of the users who may act at the device
};

// Thread-safe. Every push and pull takes one lock: the store is one SQLite connection, and
// SQLite has one writer at a time anyway. A push batch is one transaction, answered only after
// its commit returned (the core's rule); the nudges go out after the lock is released.
class SyncService {
public:
    // Told after each commit that appended changes: the bucket, the safe high-water mark, and
    // the device that pushed (which needs no nudge for its own ops).
    using NudgeSink = std::function<void(const kep::sync::Nudge&, std::string_view originDevice)>;

    SyncService(kep::sync::SyncServerStore& store, NudgeSink nudges = {},
                kep::domain::HybridLogicalClock::PhysicalClock clock =
                    kep::domain::HybridLogicalClock::systemClock);

    // `deviceId` is the authenticated device. Throws std::invalid_argument when the request
    // names another device, and whatever the store throws (nothing was acknowledged then).
    kep::sync::PushResponse push(std::string_view deviceId, const kep::sync::PushRequest& request,
                                 const PushPermissions& permissions);
    // The bucket's changes after the cursor; the caller has checked that it may read the bucket.
    kep::sync::PullResponse pull(const kep::sync::PullRequest& request);
    // The device's highest applied sequence (0 for a device that never pushed): where a
    // server-side writer (ServerCaseWriter) continues after a restart.
    std::int64_t lastAppliedSeq(std::string_view deviceId);

private:
    kep::sync::SyncServerStore& store_;
    NudgeSink nudges_;
    std::mutex mutex_;
    const PushPermissions* permissions_ = nullptr;  // the push in progress, under mutex_
    kep::sync::SyncServerCore core_;
};

}  // namespace kep::server::sync
