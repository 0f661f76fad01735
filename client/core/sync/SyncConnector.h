// How the desk's sync threads reach the server, as seams: the engine's transport (HTTPS in the
// desk, the in-process core in tests) and the nudge channel (the sync WebSocket).
#pragma once

#include "shared/sync/SyncMessages.h"
#include "shared/sync/SyncTransport.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kep::net {
class HttpsClient;
}

namespace kep::desk::sync {

// A live channel of nudges. Both calls throw std::exception (offline, refused, connection lost);
// reconnecting is the listener's.
class NudgeChannel {
public:
    virtual ~NudgeChannel() = default;
    virtual void open() = 0;
    // The next nudge, or nullopt when none came within `deadline`.
    virtual std::optional<kep::sync::Nudge> next(std::chrono::milliseconds deadline) = 0;
};

// Each factory is called on the thread that will use what it makes (a connection per thread).
struct SyncConnector {
    std::function<std::unique_ptr<kep::sync::SyncTransport>()> transport;
    std::function<std::unique_ptr<NudgeChannel>()> nudges;  // empty: no live nudges, polls only
    // The client the attachments go up through (AttachmentUploader); empty: none are sent.
    std::function<std::unique_ptr<kep::net::HttpsClient>()> attachments;
};

}  // namespace kep::desk::sync
