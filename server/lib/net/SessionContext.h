// What every connection of the server shares, and the hand-over from the listener to a new
// session. Asio's types are only declared here, so this header stays cheap and Beast-free.
#pragma once

#include "http/Router.h"
#include "log/Logger.h"
#include "net/ConnectionLimits.h"
#include "net/ConnectionRegistry.h"
#include "net/ServerOptions.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
}  // namespace boost::asio

namespace kep::server::net {

struct SessionContext {
    boost::asio::io_context& io;
    boost::asio::ssl::context& tls;
    const http::Router& router;
    log::Logger& logger;
    const ServerLimits& limits;
    ConnectionRegistry& registry;
    std::atomic<std::uint64_t> nextRequest{1};
    std::string requestIdPrefix;  // random per process: ids stay unique across restarts
    metrics::RequestMetrics* requestMetrics = nullptr;  // ServerOptions::requestMetrics
};

// Takes over an accepted socket (its native handle), runs TLS and HTTP on it, and upgrades it
// to a WebSocket when the router has an endpoint for the path. `slot` is held until it closes.
void startSession(SessionContext& context, int nativeSocket, bool ipv6, std::string remoteAddress,
                  ConnectionLimits::Slot slot);

}  // namespace kep::server::net
