#include "sync/NudgeHub.h"

#include "shared/sync/SyncProtocol.h"

#include <algorithm>
#include <map>
#include <utility>

namespace kep::server::sync {

void NudgeHub::join(const std::shared_ptr<http::WebSocketPeer>& peer, std::string deviceId,
                    std::vector<std::string> buckets, int protocol) {
    std::lock_guard lock(mutex_);
    listeners_.push_back({peer, std::move(deviceId), std::move(buckets), protocol});
}

void NudgeHub::leave(const http::WebSocketPeer& peer) {
    std::lock_guard lock(mutex_);
    // Also sweeps peers that went away without leaving.
    std::erase_if(listeners_, [&peer](const Listener& listener) {
        const auto live = listener.peer.lock();
        return !live || live.get() == &peer;
    });
}

void NudgeHub::setForwarder(Forwarder forward) {
    forward_ = std::move(forward);
}

std::size_t NudgeHub::publish(const kep::sync::Nudge& nudge, std::string_view originDevice) {
    if (forward_) {
        forward_(nudge, originDevice);
    }
    return deliver(nudge, originDevice);
}

std::size_t NudgeHub::deliver(const kep::sync::Nudge& nudge, std::string_view originDevice) {
    std::vector<std::pair<std::shared_ptr<http::WebSocketPeer>, int>> targets;
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
                targets.emplace_back(std::move(peer), listener.protocol);
            }
        }
    }
    if (targets.empty()) {
        return 0;
    }
    // Outside the lock: a peer's send() may close it, and its close calls leave(). Each peer
    // hears the nudge in its own version (at most two are accepted: two encodings at most).
    std::map<int, std::string> messages;
    for (const auto& [peer, protocol] : targets) {
        auto [it, added] = messages.try_emplace(protocol);
        if (added) {
            kep::sync::Nudge inVersion = nudge;
            inVersion.protocol = protocol;
            it->second = kep::sync::encode(inVersion);
        }
        peer->send(it->second);
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
