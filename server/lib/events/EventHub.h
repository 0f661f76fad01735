// The desks listening on /api/v1/events, and one call to nudge them all ("changes up to N are
// available"). Data never travels here: a nudge only tells a desk that a pull is worth making.
#pragma once

#include "http/WebSocketEndpoint.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kep::server::events {

// Thread-safe: sessions join and leave from their own strands while publish() runs on any
// thread. publish() never blocks on a connection: each peer queues the message on its strand.
class EventHub {
public:
    void join(const std::shared_ptr<http::WebSocketPeer>& peer);
    void leave(const http::WebSocketPeer& peer);
    // Sends `message` to every peer still open; returns how many it was handed to.
    std::size_t publish(const std::string& message);
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::vector<std::weak_ptr<http::WebSocketPeer>> peers_;
};

// {"type":"catalogue","seq":N}: the published catalogue has changed up to change sequence N.
std::string catalogueNudge(std::int64_t seq);

}  // namespace kep::server::events
