// The desk's end of /api/v1/sync/ws: reads the server's nudges ("bucket B has changes up to N")
// off a WebSocketClient, for the sync thread to hand to SyncClient::onNudge.
#pragma once

#include "net/HttpsClient.h"
#include "shared/sync/SyncMessages.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace kep::net {

// Blocking, one thread (the one that owns `socket`). Reconnecting is the caller's: after
// next() throws, call open() again — at most once a second, with backoff (issue 6).
class SyncNudgeChannel {
public:
    static constexpr const char* kPath = "/api/v1/sync/ws";

    explicit SyncNudgeChannel(WebSocketClient& socket) : socket_(socket) {}

    // Connects and upgrades (the workstation certificate is the socket's TLS identity). Throws
    // NetworkError when the server cannot be reached or refuses (the message has its status).
    void open(int protocol = kep::sync::kProtocolVersion);
    // The next nudge, or nullopt when none came within `deadline`. Messages that are not nudges
    // of an accepted protocol version are skipped (counted in skipped()). Throws NetworkError
    // when the connection is lost or the server closed it; pings are answered while it waits.
    std::optional<kep::sync::Nudge> next(std::chrono::milliseconds deadline);
    void close() { socket_.close(); }
    bool isOpen() const { return socket_.isOpen(); }
    std::uint64_t skipped() const { return skipped_; }

private:
    WebSocketClient& socket_;
    std::uint64_t skipped_ = 0;
};

}  // namespace kep::net
