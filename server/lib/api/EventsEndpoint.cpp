#include "api/EventsEndpoint.h"

#include "api/Version.h"

#include <boost/json.hpp>

namespace kep::server::api {

std::vector<std::string> EventsEndpoint::onOpen(const http::Request&,
                                                const std::shared_ptr<http::WebSocketPeer>& peer) {
    hub_->join(peer);
    return {boost::json::serialize(boost::json::object{
        {"type", "hello"}, {"server", "kep-server"}, {"version", serverVersion()}})};
}

std::optional<std::string> EventsEndpoint::onText(std::string_view message) {
    if (message == "ping") {
        return boost::json::serialize(boost::json::object{{"type", "pong"}});
    }
    return std::nullopt;
}

void EventsEndpoint::onClose(const http::WebSocketPeer& peer) {
    hub_->leave(peer);
}

}  // namespace kep::server::api
