// kep-server's HTTPS and WebSocket front: listens, runs TLS, reads requests within the limits,
// hands them to the router and writes the answers; drains every connection on SIGTERM/SIGINT.
// Handlers run on the I/O threads (ServerOptions::threads): they must be short.
#pragma once

#include "http/Router.h"
#include "log/Logger.h"
#include "net/ServerOptions.h"

#include <cstdint>
#include <memory>

namespace kep::server::net {

class HttpsServer {
public:
    // Loads the TLS files; throws std::runtime_error naming the file that failed.
    HttpsServer(ServerOptions options, const http::Router& router, log::Logger& logger);
    ~HttpsServer();
    HttpsServer(const HttpsServer&) = delete;
    HttpsServer& operator=(const HttpsServer&) = delete;

    // Binds and listens (no SO_REUSEPORT: a second server on the port fails here). Returns the
    // actual port. Throws std::runtime_error "cannot listen on HOST:PORT: <reason>".
    std::uint16_t listen();

    // Serves until SIGTERM or SIGINT (or stop()), then stops accepting, lets in-flight requests
    // finish and closes WebSockets with 1001, for at most drainTimeout. Returns true when every
    // connection finished in time.
    bool run();

    // Thread-safe, also from a signal-free test thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kep::server::net
