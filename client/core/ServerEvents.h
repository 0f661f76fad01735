// The seam between the desk and the server's event WebSocket (/api/v1/events), which only nudges
// ("changes up to N are ready"): a blocking stream of text messages, over shared/net's
// WebSocketClient in production and scripted in tests.
#pragma once

#include <QByteArray>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kep::desk {

class ServerEventStream {
public:
    virtual ~ServerEventStream() = default;
    // Connects and upgrades. Throws TransportError (ServerTransport.h).
    virtual void open() = 0;
    // The next message, or nullopt when none came within `deadline`. Throws TransportError
    // when the connection is lost.
    virtual std::optional<QByteArray> receive(std::chrono::milliseconds deadline) = 0;
};

// Called on the listener's thread, once per connection attempt.
using EventStreamFactory = std::function<std::unique_ptr<ServerEventStream>()>;

}  // namespace kep::desk
