#include "sync/NudgeHub.h"

#include "shared/sync/SyncProtocol.h"

#include <algorithm>

namespace kep::server::sync {

void NudgeHub::join(const std::shared_ptr<http::WebSocketPeer>& peer, std::string deviceId,
                    std::vector<std::string> buckets) {
    std::lock_guard lock(mutex_);
    listeners_.push_back({peer, std::move(deviceId), std::move(buckets)});
}

void NudgeHub::leave(const http::WebSocketPeer& peer) {
    std::lock_guard lock(mutex_);
    // Also sweeps peers that went away without leaving.
    std::erase_if(listeners_, [&peer](const Listener& listener) {
        const auto live = listener.peer.lock();
        return !live || live.get() == &peer;
    });
}

std::size_t NudgeHub::publish(const kep::sync::Nudge& nudge, std::string_view originDevice) {
    std::vector<std::shared_ptr<http::WebSocketPeer>> targets;
    {
        std::lock_guard lock(mutex_);
        for (const auto& listener : listeners_) {
            if (!originDevice.empty() && listener.deviceId == originDevice) {
                continue;
            }
            if (std::find(listener.buckets.begin(), listener.buckets.end(), nudge.bucket) ==
                listener.buckets.end()) {
                continue;
            }
            if (auto peer = listener.peer.lock()) {
                targets.push_back(std::move(peer));
            }
        }
    }
    if (targets.empty()) {
        return 0;
    }
    // Outside the lock: a peer's send() may close it, and its close calls leave().
    const std::string message = kep::sync::encode(nudge);
    for (const auto& peer : targets) {
        peer->send(message);
    }
    return targets.size();
}

std::size_t NudgeHub::size() const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(listeners_.begin(), listeners_.end(),
                      [](const Listener& listener) { return !listener.peer.expired(); }));
}

}  // namespace kep::server::sync
