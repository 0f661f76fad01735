#include "sync/SyncLanes.h"

namespace kep::server::sync {

SyncLane::SyncLane(kep::sync::SyncServerStore& laneStore,
                   kep::domain::HybridLogicalClock::PhysicalClock clock)
    : store(laneStore)
    , core(laneStore,
           kep::sync::WriteAuthority{
               [this](std::string_view, std::string_view bucket) {
                   return permissions != nullptr && bucket == permissions->bucket;
               },
               [this](std::string_view, const kep::cases::Actor& actor) {
                   return permissions != nullptr && permissions->actors.contains(actor.id);
               }},
           std::move(clock)) {}

SyncLanePool::Lease::Lease(Lease&& other) noexcept : pool_(other.pool_), lane_(other.lane_) {
    other.pool_ = nullptr;
    other.lane_ = nullptr;
}

SyncLanePool::Lease::~Lease() {
    if (pool_ != nullptr) {
        lane_->permissions = nullptr;
        pool_->giveBack(*lane_);
    }
}

SyncLanePool::SyncLanePool(MakeStore makeStore, std::size_t limit,
                           kep::domain::HybridLogicalClock::PhysicalClock clock)
    : makeStore_(std::move(makeStore))
    , limit_(limit == 0 ? 1 : limit)
    , clock_(std::move(clock)) {}

// The lanes' cores refer to their stores: the cores go first.
SyncLanePool::~SyncLanePool() {
    for (auto& owned : owned_) {
        owned.lane.reset();
    }
}

SyncLanePool::Lease SyncLanePool::lend() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty() || owned_.size() + making_ < limit_; });
    if (!idle_.empty()) {
        SyncLane* lane = idle_.back();
        idle_.pop_back();
        return Lease(*this, *lane);
    }
    // A new lane: its store (a connection, on PostgreSQL) is made outside the lock, so that the
    // lanes already made go on being lent meanwhile.
    ++making_;
    lock.unlock();
    Owned owned;
    try {
        owned.store = makeStore_();
        owned.lane = std::make_unique<SyncLane>(*owned.store, clock_);
    } catch (...) {
        lock.lock();
        --making_;
        returned_.notify_one();
        throw;
    }
    lock.lock();
    --making_;
    SyncLane& lane = *owned.lane;
    owned_.push_back(std::move(owned));
    return Lease(*this, lane);
}

std::size_t SyncLanePool::lanes() const {
    const std::lock_guard lock(mutex_);
    return owned_.size();
}

void SyncLanePool::giveBack(SyncLane& lane) {
    {
        const std::lock_guard lock(mutex_);
        idle_.push_back(&lane);
    }
    returned_.notify_one();
}

}  // namespace kep::server::sync
