// What a WebSocket endpoint of kep-server says, free of Beast: the greeting on open and the
// answer to a text message. The network layer owns the socket, the queue and the keep-alive.
#pragma once

#include "http/HttpMessage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::http {

class WebSocketEndpoint {
public:
    virtual ~WebSocketEndpoint() = default;
    // Text messages to send once the upgrade succeeded, in order.
    virtual std::vector<std::string> onOpen(const Request& upgrade) = 0;
    // The answer to one text message from the client, if any. Runs on an I/O thread.
    virtual std::optional<std::string> onText(std::string_view message) = 0;
};

}  // namespace kep::http
