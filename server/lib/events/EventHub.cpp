#include "events/EventHub.h"

#include <boost/json.hpp>

#include <algorithm>

namespace kep::server::events {

void EventHub::join(const std::shared_ptr<http::WebSocketPeer>& peer) {
    std::lock_guard lock(mutex_);
    peers_.push_back(peer);
}

void EventHub::leave(const http::WebSocketPeer& peer) {
    std::lock_guard lock(mutex_);
    // Also sweeps peers that went away without leaving (expired weak pointers).
    std::erase_if(peers_, [&peer](const std::weak_ptr<http::WebSocketPeer>& entry) {
        const auto live = entry.lock();
        return !live || live.get() == &peer;
    });
}

std::size_t EventHub::publish(const std::string& message) {
    std::vector<std::shared_ptr<http::WebSocketPeer>> live;
    {
        std::lock_guard lock(mutex_);
        live.reserve(peers_.size());
        for (const auto& entry : peers_) {
            if (auto peer = entry.lock()) {
                live.push_back(std::move(peer));
            }
        }
    }
    // Outside the lock: a peer's send() may close it, and its close may call leave().
    for (const auto& peer : live) {
        peer->send(message);
    }
    return live.size();
}

std::size_t EventHub::size() const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        peers_.begin(), peers_.end(),
        [](const std::weak_ptr<http::WebSocketPeer>& entry) { return !entry.expired(); }));
}

std::string catalogueNudge(std::int64_t seq) {
    return boost::json::serialize(boost::json::object{{"type", "catalogue"}, {"seq", seq}});
}

}  // namespace kep::server::events
