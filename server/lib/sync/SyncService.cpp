#include "sync/SyncService.h"

#include <stdexcept>
#include <vector>

namespace kep::server::sync {

SyncService::SyncService(kep::sync::SyncServerStore& store, NudgeSink nudges,
                         kep::domain::HybridLogicalClock::PhysicalClock clock)
    : store_(store)
    , nudges_(std::move(nudges))
    , core_(store,
            kep::sync::WriteAuthority{
                [this](std::string_view, std::string_view bucket) {
                    return permissions_ != nullptr && bucket == permissions_->bucket;
                },
                [this](std::string_view, const kep::cases::Actor& actor) {
                    return permissions_ != nullptr && permissions_->actors.contains(actor.id);
                }},
            std::move(clock)) {}

kep::sync::PushResponse SyncService::push(std::string_view deviceId,
                                          const kep::sync::PushRequest& request,
                                          const PushPermissions& permissions) {
    if (request.deviceId != deviceId) {
        throw std::invalid_argument("sync push: the request names another device");
    }
    kep::sync::PushResponse response;
    std::int64_t mark = 0;
    {
        std::lock_guard lock(mutex_);
        permissions_ = &permissions;
        try {
            response = core_.push(deviceId, request);
        } catch (...) {
            permissions_ = nullptr;
            throw;
        }
        permissions_ = nullptr;
        mark = store_.safeHighWaterMark();
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
        std::lock_guard lock(mutex_);
        response = core_.pull(request);
    }
    response.protocol = request.protocol;
    return response;
}

std::int64_t SyncService::lastAppliedSeq(std::string_view deviceId) {
    std::lock_guard lock(mutex_);
    store_.begin();
    try {
        const std::int64_t seq = store_.lastAppliedSeq(deviceId);
        store_.rollback();  // a read: nothing to keep
        return seq;
    } catch (...) {
        store_.rollback();
        throw;
    }
}

}  // namespace kep::server::sync
