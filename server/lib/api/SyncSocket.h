// The /api/v1/sync/ws WebSocket: a workstation hears "changes of bucket B up to N" for exactly
// the buckets it may read; it then pulls. Data never travels on it.
#pragma once

#include "http/WebSocketEndpoint.h"
#include "sync/NudgeHub.h"

namespace kep::server::api {

// The upgrade is admitted by the router's gate (an enrolled workstation, the protocol version);
// onOpen joins the hub with the device's readable buckets. The server sends nothing else: the
// keep-alive is the WebSocket's own ping/pong (net/HttpSession.cpp), and the client's text
// messages get no answer.
class SyncSocket : public http::WebSocketEndpoint {
public:
    explicit SyncSocket(sync::NudgeHub& hub) : hub_(hub) {}

    std::vector<std::string> onOpen(const http::Request& upgrade,
                                    const std::shared_ptr<http::WebSocketPeer>& peer) override;
    std::optional<std::string> onText(std::string_view message) override;
    void onClose(const http::WebSocketPeer& peer) override;

private:
    sync::NudgeHub& hub_;
};

}  // namespace kep::server::api
