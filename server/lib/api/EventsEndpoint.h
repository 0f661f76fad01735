// The /api/v1/events WebSocket: today a greeting and an application-level ping; later the
// channel that nudges desks when changes are ready to pull (data itself always moves by pull).
#pragma once

#include "http/WebSocketEndpoint.h"

namespace kep::server::api {

class EventsEndpoint : public http::WebSocketEndpoint {
public:
    // {"type":"hello","server":"kep-server","version":"…"}
    std::vector<std::string> onOpen(const http::Request& upgrade) override;
    // "ping" → {"type":"pong"}; anything else → no answer.
    std::optional<std::string> onText(std::string_view message) override;
};

}  // namespace kep::server::api
