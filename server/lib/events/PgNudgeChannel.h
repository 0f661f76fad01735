// Nudges between kep-server processes on one PostgreSQL database (issue 10): what one process's
// NudgeHub publishes after a commit goes out by NOTIFY, and every other process, LISTENing on its
// own connection, hands it to its own WebSocket desks.
#pragma once

#include "storage/pg/PgConnection.h"
#include "sync/NudgeHub.h"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

namespace kep::server::events {

class PgNudgeChannel {
public:
    // The channel every kep-server process LISTENs on.
    static constexpr const char* kChannel = "kep_nudge";

    // Connects twice to `location` (a postgresql:// URI): one connection sends, one listens on
    // its own thread. Installs itself as `hub`'s forwarder; `hub` must outlive it. Throws
    // PgError when it cannot connect.
    PgNudgeChannel(const std::string& location, sync::NudgeHub& hub);
    ~PgNudgeChannel();  // stops listening and joins
    PgNudgeChannel(const PgNudgeChannel&) = delete;
    PgNudgeChannel& operator=(const PgNudgeChannel&) = delete;

    // Nudges sent and received from other processes since start, for tests and /metrics.
    std::uint64_t sent() const { return sent_; }
    std::uint64_t received() const { return received_; }

private:
    void send(const kep::sync::Nudge& nudge, std::string_view originDevice);
    void listen();

    std::string location_;
    sync::NudgeHub& hub_;
    std::string process_;  // this process's token: its own notifications come back, and are not
                           // delivered twice
    std::mutex senderMutex_;
    kep::server::pg::Connection sender_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> received_{0};
    std::thread listener_;
};

}  // namespace kep::server::events
