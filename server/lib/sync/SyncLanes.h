// The lanes SyncService runs pushes and pulls on: a SyncServerCore over a store of its own, lent
// to one request thread at a time, so that threads on different lanes never share a core.
#pragma once

#include "shared/sync/SyncServerCore.h"
#include "shared/sync/SyncServerStore.h"

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace kep::server::sync {

// What one push may do, resolved by the route before the store's transaction begins (so that
// no identity look-up runs while the store is locked).
struct PushPermissions {
    std::string bucket;                         // the one bucket the device writes: its office's
    std::set<std::string, std::less<>> actors;  // ids of the users who may act at the device
};

// A core and its store. The core is not thread-safe and keeps an HLC of its own; its write
// authority reads `permissions`, which the thread holding the lane sets for its push only.
class SyncLane {
public:
    SyncLane(kep::sync::SyncServerStore& store,
             kep::domain::HybridLogicalClock::PhysicalClock clock);
    SyncLane(const SyncLane&) = delete;
    SyncLane& operator=(const SyncLane&) = delete;

    kep::sync::SyncServerStore& store;
    const PushPermissions* permissions = nullptr;  // the push in progress on this lane
    kep::sync::SyncServerCore core;
};

// Lanes made on demand, at most `limit` of them, each lent whole: a thread that finds every lane
// lent waits for one. Limit 1 over one store is one lock around everything (SQLite's one
// connection); a larger limit gives each concurrent thread its own core (PostgreSQL's group
// commit members, its read connections).
class SyncLanePool {
public:
    // Shared, so that a store the caller keeps (SQLite's one connection) can be lent unowned.
    using MakeStore = std::function<std::shared_ptr<kep::sync::SyncServerStore>()>;

    SyncLanePool(MakeStore makeStore, std::size_t limit,
                 kep::domain::HybridLogicalClock::PhysicalClock clock);
    ~SyncLanePool();
    SyncLanePool(const SyncLanePool&) = delete;
    SyncLanePool& operator=(const SyncLanePool&) = delete;

    // A lane for the caller until the lease ends. A lane whose store could not be made throws
    // from here, and the pool stays as it was.
    class Lease {
    public:
        Lease(SyncLanePool& pool, SyncLane& lane) : pool_(&pool), lane_(&lane) {}
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        SyncLane* operator->() const { return lane_; }
        SyncLane& operator*() const { return *lane_; }

    private:
        SyncLanePool* pool_;
        SyncLane* lane_;
    };
    Lease lend();

    // Lanes made so far (never more than the limit).
    std::size_t lanes() const;

private:
    struct Owned {
        std::shared_ptr<kep::sync::SyncServerStore> store;
        std::unique_ptr<SyncLane> lane;
    };
    void giveBack(SyncLane& lane);

    MakeStore makeStore_;
    const std::size_t limit_;
    kep::domain::HybridLogicalClock::PhysicalClock clock_;
    mutable std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<Owned> owned_;
    std::vector<SyncLane*> idle_;
    std::size_t making_ = 0;  // lanes whose store is being made (counted against the limit)
};

}  // namespace kep::server::sync
