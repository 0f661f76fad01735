// What a WebSocket endpoint of kep-server says, free of Beast: the greeting on open, the answer
// to a text message, and a handle to send later. The network layer owns the socket and queue.
#pragma once

#include "http/HttpMessage.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::http {

// One open WebSocket as an endpoint sees it, to send to it later (a nudge). Thread-safe: send()
// only posts the message onto the connection's own strand; a connection whose queue is full
// is closed there (the slow consumer is dropped, not waited for).
class WebSocketPeer {
public:
    virtual ~WebSocketPeer() = default;
    virtual void send(std::string message) = 0;
};

class WebSocketEndpoint {
public:
    virtual ~WebSocketEndpoint() = default;
    // Called once the upgrade was accepted (its access already checked); returns the text
    // messages to send first, in order. `peer` stays valid until onClose.
    virtual std::vector<std::string> onOpen(const Request& upgrade,
                                            const std::shared_ptr<WebSocketPeer>& peer) = 0;
    // The answer to one text message from the client, if any. Runs on an I/O thread.
    virtual std::optional<std::string> onText(std::string_view message) = 0;
    // The connection of `peer` has ended (called once, only after onOpen).
    virtual void onClose(const WebSocketPeer& peer) { static_cast<void>(peer); }
};

}  // namespace kep::http
