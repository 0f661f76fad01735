#include "sync/SyncService.h"

#include <stdexcept>
#include <vector>

namespace kep::server::sync {

SyncService::SyncService(kep::sync::SyncServerStore& store, NudgeSink nudges,
                         kep::domain::HybridLogicalClock::PhysicalClock clock)
    : nudges_(std::move(nudges))
    , pushLanes_(std::make_unique<SyncLanePool>(
          [&store] {
              // Lent, not owned: the caller keeps the store.
              return std::shared_ptr<kep::sync::SyncServerStore>(std::shared_ptr<void>{}, &store);
          },
          1, std::move(clock)))
    , pullLanes_(pushLanes_.get()) {}

SyncService::SyncService(Stores stores, NudgeSink nudges,
                         kep::domain::HybridLogicalClock::PhysicalClock clock)
    : nudges_(std::move(nudges))
    , committedMark_(std::move(stores.committedMark))
    , pushLanes_(std::make_unique<SyncLanePool>(std::move(stores.pusher), stores.pushers, clock))
    , ownPullLanes_(std::make_unique<SyncLanePool>(std::move(stores.puller), stores.pullers, clock))
    , pullLanes_(ownPullLanes_.get()) {}

SyncService::~SyncService() = default;

kep::sync::PushResponse SyncService::push(std::string_view deviceId,
                                          const kep::sync::PushRequest& request,
                                          const PushPermissions& permissions) {
    if (request.deviceId != deviceId) {
        throw std::invalid_argument("sync push: the request names another device");
    }
    kep::sync::PushResponse response;
    std::int64_t mark = 0;
    {
        auto lane = pushLanes_->lend();
        lane->permissions = &permissions;  // the lease clears it, whatever happens
        response = lane->core.push(deviceId, request);
        mark = committedMark_ ? committedMark_() : lane->store.safeHighWaterMark();
    }
    response.protocol = request.protocol;  // answered in the version the desk speaks
    // An op appended changes when this push applied it (not a duplicate of an earlier one), and
    // an op only ever writes its own bucket (the core refuses an entity of another one).
    bool changed = false;
    for (const auto& result : response.results) {
        changed = changed || result.outcome == kep::sync::OpOutcome::Applied ||
                  result.outcome == kep::sync::OpOutcome::Conflict;
    }
    if (changed && nudges_) {
        nudges_(kep::sync::Nudge{kep::sync::kProtocolVersion, permissions.bucket, mark}, deviceId);
    }
    return response;
}

kep::sync::PullResponse SyncService::pull(const kep::sync::PullRequest& request) {
    kep::sync::PullResponse response;
    {
        auto lane = pullLanes_->lend();
        response = lane->core.pull(request);
    }
    response.protocol = request.protocol;
    return response;
}

std::int64_t SyncService::lastAppliedSeq(std::string_view deviceId) {
    auto lane = pushLanes_->lend();
    kep::sync::SyncServerStore& store = lane->store;
    store.begin();
    try {
        const std::int64_t seq = store.lastAppliedSeq(deviceId);
        store.rollback();  // a read: nothing to keep
        return seq;
    } catch (...) {
        store.rollback();
        throw;
    }
}

}  // namespace kep::server::sync
