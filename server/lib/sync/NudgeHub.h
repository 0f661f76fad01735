// The desks connected to /api/v1/sync/ws, each with the buckets it may read, and one call that
// nudges exactly the desks that may read a bucket ("changes up to N are available").
#pragma once

#include "http/WebSocketEndpoint.h"
#include "shared/sync/SyncMessages.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::sync {

// Thread-safe: sessions join and leave from their own strands while publish() runs on any
// thread (a push handler after its commit). publish() never blocks on a connection: each peer
// queues the message on its own strand, and a peer too slow to keep up is closed there.
class NudgeHub {
public:
    // `deviceId` is the desk's (empty for none); `buckets` what it may read; `protocol` the
    // version it opened the socket with: its nudges are written in that version, so that a desk
    // of the previous version still hears them.
    void join(const std::shared_ptr<http::WebSocketPeer>& peer, std::string deviceId,
              std::vector<std::string> buckets, int protocol = kep::sync::kProtocolVersion);
    void leave(const http::WebSocketPeer& peer);

    // Sends encode(nudge) to every open peer that may read nudge.bucket, except the device
    // named by `originDevice` (it has just been answered). Returns how many it was handed to.
    std::size_t publish(const kep::sync::Nudge& nudge, std::string_view originDevice = {});
    std::size_t size() const;

    // Several kep-server processes on one PostgreSQL database (issue 10): every nudge published
    // here is also handed to `forward` (events/PgNudgeChannel sends it to the other processes),
    // and what they publish arrives through deliver(), to this process's desks only. Set before
    // the server serves.
    using Forwarder = std::function<void(const kep::sync::Nudge&, std::string_view originDevice)>;
    void setForwarder(Forwarder forward);
    std::size_t deliver(const kep::sync::Nudge& nudge, std::string_view originDevice = {});

private:
    struct Listener {
        std::weak_ptr<http::WebSocketPeer> peer;
        std::string deviceId;
        std::vector<std::string> buckets;
        int protocol = kep::sync::kProtocolVersion;
    };

    mutable std::mutex mutex_;
    std::vector<Listener> listeners_;
    Forwarder forward_;
};

}  // namespace kep::server::sync
