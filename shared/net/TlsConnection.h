// Opening a verified TLS connection with a deadline on each step, for HttpsClient and
// WebSocketClient alike. Includes Beast: only HttpsClient.cpp and WebSocketClient.cpp use it.
#pragma once

#include "net/HttpsClient.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace kep::net {

using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// Resolves, connects and does the TLS handshake on `stream` (fresh, made on `io`), each step
// within `timeout`. Throws NetworkError naming the failed step. Defined in HttpsClient.cpp.
void openTlsStream(boost::asio::io_context& io, TlsStream& stream, const Endpoint& endpoint,
                   const TlsOptions& tls, std::chrono::milliseconds timeout);

// "<step> with <host:port> failed: <cause>", the cause in words (time-outs say how long).
NetworkError stepFailure(std::string_view step, const Endpoint& endpoint,
                         const boost::beast::error_code& ec, std::chrono::milliseconds timeout);

// Runs `io` until `done` holds; false if `deadline` came first. Leaves `io` ready for more.
template <typename Predicate>
bool runUntil(boost::asio::io_context& io, Predicate done,
              std::chrono::steady_clock::time_point deadline) {
    while (!done()) {
        if (io.stopped()) {
            io.restart();
        }
        // Nothing ran: either the deadline passed or no operation is left to wait for.
        if (io.run_one_until(deadline) == 0) {
            return done();
        }
    }
    return true;
}

}  // namespace kep::net
