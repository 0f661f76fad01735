// The server's push and pull over the sync store: SyncServerCore with the write authority of the
// calling workstation, and a nudge for every bucket a committed push changed.
#pragma once

#include "shared/sync/SyncServerCore.h"
#include "shared/sync/SyncServerStore.h"
#include "sync/SyncLanes.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

namespace kep::server::sync {

// Thread-safe. Each push and pull runs on a lane (SyncLanes.h): a core over a store, lent to one
// thread at a time. A push batch is one transaction, answered only after its commit returned
// (the core's rule); the nudges go out after the lane is given back.
class SyncService {
public:
    // Told after each commit that appended changes: the bucket, the safe high-water mark, and
    // the device that pushed (which needs no nudge for its own ops).
    using NudgeSink = std::function<void(const kep::sync::Nudge&, std::string_view originDevice)>;

    // One store for everything, one lane: every push and pull takes its turn (SQLite has one
    // writer at a time anyway, and the store is one connection).
    SyncService(kep::sync::SyncServerStore& store, NudgeSink nudges = {},
                kep::domain::HybridLogicalClock::PhysicalClock clock =
                    kep::domain::HybridLogicalClock::systemClock);

    // Stores of their own for pushes and for pulls (PostgreSQL): pushes on as many lanes as
    // threads push at once, each lane's store a member of one commit group; pulls on at most
    // `pullers` read connections, never queued behind a push.
    struct Stores {
        SyncLanePool::MakeStore pusher;
        std::size_t pushers = 1;
        SyncLanePool::MakeStore puller;
        std::size_t pullers = 1;
        // The safe high-water mark as the last commit left it, without a round trip: what a
        // push's nudge announces (at least the push's own changes, all committed).
        std::function<std::int64_t()> committedMark;
    };
    explicit SyncService(Stores stores, NudgeSink nudges = {},
                         kep::domain::HybridLogicalClock::PhysicalClock clock =
                             kep::domain::HybridLogicalClock::systemClock);
    ~SyncService();
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

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
    NudgeSink nudges_;
    std::function<std::int64_t()> committedMark_;  // none: asked of the push's store
    std::unique_ptr<SyncLanePool> pushLanes_;
    std::unique_ptr<SyncLanePool> ownPullLanes_;  // none: pulls share the push lanes
    SyncLanePool* pullLanes_ = nullptr;
};

}  // namespace kep::server::sync
