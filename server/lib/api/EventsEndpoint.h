// The /api/v1/events WebSocket: a greeting, an application-level ping, and the channel that
// nudges desks when changes are ready to pull (data itself always moves by pull).
#pragma once

#include "events/EventHub.h"
#include "http/WebSocketEndpoint.h"

#include <memory>

namespace kep::server::api {

class EventsEndpoint : public http::WebSocketEndpoint {
public:
    explicit EventsEndpoint(std::shared_ptr<events::EventHub> hub) : hub_(std::move(hub)) {}

    // Joins the hub; greets with {"type":"hello","server":"kep-server","version":"…"}.
    std::vector<std::string> onOpen(const http::Request& upgrade,
                                    const std::shared_ptr<http::WebSocketPeer>& peer) override;
    // "ping" → {"type":"pong"}; anything else → no answer.
    std::optional<std::string> onText(std::string_view message) override;
    void onClose(const http::WebSocketPeer& peer) override;

private:
    std::shared_ptr<events::EventHub> hub_;
};

}  // namespace kep::server::api
