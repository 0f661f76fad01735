// How kep-server listens and what it tolerates: address, threads, TLS files, and the limits and
// time-outs that keep one slow or hostile client from hurting the others.
#pragma once

#include "metrics/RequestMetrics.h"
#include "pki/ServerTlsPolicy.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kep::server::net {

struct ServerLimits {
    std::size_t maxBodyBytes = 1024 * 1024;  // larger → 413, answered from the header alone
    std::size_t maxHeaderBytes = 8 * 1024;   // larger → 431
    std::size_t maxConnections = 16384;
    std::size_t maxConnectionsPerAddress = 512;
    // A request (header and body) must arrive within this; an idle keep-alive connection is
    // closed after it too.
    std::chrono::milliseconds readTimeout = std::chrono::seconds(10);
    // The TLS handshake with the first request's header, and each later request's header, must
    // arrive within this (at most readTimeout): a connection that never sends a whole header
    // (slowloris) is closed within the 10 s the read time-out promises, with a second to spare
    // for a busy server.
    std::chrono::milliseconds headerTimeout = std::chrono::seconds(9);
    std::chrono::milliseconds writeTimeout = std::chrono::seconds(10);
    // After a 413 or 431 the server reads and discards for this long before closing, so the
    // client can read the answer instead of seeing a reset.
    std::chrono::milliseconds lingerTimeout = std::chrono::seconds(2);
    // How long shutdown waits for in-flight requests and WebSocket closes.
    std::chrono::milliseconds drainTimeout = std::chrono::seconds(5);
    // An open WebSocket is pinged this often; a peer that has left two pings in a row unanswered
    // (no pong, no frame) is dead and is closed, at the third tick. A desk behind a NAT that
    // drops idle flows after a minute stays reachable with the default.
    std::chrono::milliseconds webSocketPingInterval = std::chrono::seconds(30);
    std::size_t webSocketQueueLimit = 64;  // messages waiting for a slow consumer; more → drop it
    // The largest message a WebSocket peer may send, however it is fragmented: larger → close
    // 1009 (too big). Desks send only short control texts; pushes go over HTTP.
    std::size_t webSocketMessageMax = 64 * 1024;
};

struct ServerOptions {
    std::string host = "127.0.0.1";  // an IP address or a name that resolves to one
    std::uint16_t port = 8443;       // 0 = any free port (see HttpsServer::listen)
    unsigned threads = 2;
    pki::ServerTlsFiles tls;
    ServerLimits limits;
    // Told of every answer (route, status, latency) for /metrics; none: nothing is counted.
    std::shared_ptr<metrics::RequestMetrics> requestMetrics;
};

}  // namespace kep::server::net
