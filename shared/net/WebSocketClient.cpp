// WebSocketClient over Beast: wss with the same TLS set-up as HttpsClient, a read that outlives
// a receive() time-out, and a close handshake with a deadline.
#include "net/HttpsClient.h"

#include "net/RequestHeaders.h"
#include "net/TlsConnection.h"
#include "net/TlsSetup.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <optional>

namespace kep::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;

namespace {

// One connection's state. The io_context is declared first so that it outlives the stream:
// destroying it discards the handlers of operations that never completed.
struct Connection {
    asio::io_context io{1};
    websocket::stream<TlsStream> ws;
    beast::flat_buffer incoming;
    bool readPending = false;
    std::optional<beast::error_code> readResult;  // a read that completed, not yet taken

    explicit Connection(asio::ssl::context& tlsContext) : ws(io, tlsContext) {}

    // The socket goes; pending operations finish (aborted) within `io`, never touching us later.
    void tearDown() {
        beast::error_code ignored;
        beast::get_lowest_layer(ws).socket().close(ignored);
    }
};

}  // namespace

struct WebSocketClient::Impl {
    Endpoint endpoint;
    TlsOptions tls;
    std::chrono::milliseconds timeout;
    asio::ssl::context tlsContext;
    std::unique_ptr<Connection> connection;
    bool open = false;

    Impl(Endpoint e, TlsOptions t, std::chrono::milliseconds ms)
        : endpoint(std::move(e))
        , tls(std::move(t))
        , timeout(ms)
        , tlsContext(newClientTlsContext(tls)) {}

    void drop() {
        if (connection) {
            connection->tearDown();
            connection.reset();
        }
        open = false;
    }

    Connection& live() {
        if (!open || !connection) {
            throw NetworkError("The WebSocket to " + endpoint.authority() + " is not open");
        }
        return *connection;
    }

    void startRead(Connection& c) {
        c.readPending = true;
        c.ws.async_read(c.incoming, [&c](beast::error_code ec, std::size_t) {
            c.readPending = false;
            c.readResult = ec;
        });
    }
};

WebSocketClient::WebSocketClient(Endpoint endpoint, TlsOptions tls,
                                 std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(std::move(endpoint), std::move(tls), timeout)) {}

WebSocketClient::~WebSocketClient() {
    impl_->drop();
}

void WebSocketClient::connect(const std::string& target,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
    checkRequestHeaders(headers);
    impl_->drop();
    auto connection = std::make_unique<Connection>(impl_->tlsContext);
    Connection& c = *connection;
    openTlsStream(c.io, c.ws.next_layer(), impl_->endpoint, impl_->tls, impl_->timeout);

    // From here the WebSocket's own timers watch the connection, not the TCP stream's.
    beast::get_lowest_layer(c.ws).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = impl_->timeout;
    timeouts.idle_timeout = 2 * impl_->timeout;
    timeouts.keep_alive_pings = true;
    c.ws.set_option(timeouts);
    c.ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
        request.set(beast::http::field::user_agent, "kep-net");
        for (const auto& [name, value] : headers) {
            request.set(name, value);
        }
    }));

    websocket::response_type response;
    std::optional<beast::error_code> result;
    c.ws.async_handshake(response, impl_->endpoint.authority(), target,
                         [&](beast::error_code ec) { result = ec; });
    if (!runUntil(
            c.io, [&] { return result.has_value(); }, Clock::now() + impl_->timeout * 2)) {
        c.tearDown();
        runUntil(
            c.io, [&] { return result.has_value(); }, Clock::now() + impl_->timeout);
        throw stepFailure("WebSocket upgrade", impl_->endpoint, beast::error::timeout,
                          impl_->timeout);
    }
    if (*result == websocket::error::upgrade_declined) {
        throw NetworkError("WebSocket upgrade with " + impl_->endpoint.authority() +
                           " failed: the server answered HTTP " +
                           std::to_string(response.result_int()) + " instead of 101");
    }
    if (*result) {
        throw stepFailure("WebSocket upgrade", impl_->endpoint, *result, impl_->timeout);
    }
    c.ws.text(true);
    impl_->connection = std::move(connection);
    impl_->open = true;
}

void WebSocketClient::send(const std::string& text) {
    Connection& c = impl_->live();
    std::optional<beast::error_code> result;
    c.ws.async_write(asio::buffer(text), [&](beast::error_code ec, std::size_t) { result = ec; });
    if (!runUntil(
            c.io, [&] { return result.has_value(); }, Clock::now() + impl_->timeout)) {
        // A write that cannot finish means a dead connection; wait for the aborted write so
        // that it no longer refers to `text`.
        c.tearDown();
        runUntil(
            c.io, [&] { return result.has_value(); }, Clock::now() + impl_->timeout);
        impl_->drop();
        throw stepFailure("Sending a WebSocket message", impl_->endpoint, beast::error::timeout,
                          impl_->timeout);
    }
    if (*result) {
        impl_->drop();
        throw stepFailure("Sending a WebSocket message", impl_->endpoint, *result, impl_->timeout);
    }
}

std::optional<std::string> WebSocketClient::receive(std::chrono::milliseconds deadline) {
    Connection& c = impl_->live();
    if (!c.readPending && !c.readResult) {
        impl_->startRead(c);
    }
    // A time-out leaves the read pending: the next receive() goes on waiting for it.
    if (!runUntil(
            c.io, [&] { return c.readResult.has_value(); }, Clock::now() + deadline)) {
        return std::nullopt;
    }
    const beast::error_code ec = *c.readResult;
    c.readResult.reset();
    // The server's close frame may be followed by a reset before the TLS goodbye completes;
    // the frame, once received, is what happened.
    if (ec == websocket::error::closed || c.ws.reason().code != websocket::close_code::none) {
        const std::string reason(c.ws.reason().reason.c_str());
        impl_->drop();
        throw NetworkError("The WebSocket with " + impl_->endpoint.authority() +
                           " was closed by the server" + (reason.empty() ? "" : ": " + reason));
    }
    if (ec) {
        impl_->drop();
        throw stepFailure("Receiving from the WebSocket", impl_->endpoint, ec, impl_->timeout);
    }
    std::string message = beast::buffers_to_string(c.incoming.data());
    c.incoming.consume(c.incoming.size());
    if (!c.ws.got_text()) {
        throw NetworkError("The WebSocket with " + impl_->endpoint.authority() +
                           " sent a binary message; only text is expected");
    }
    return message;
}

void WebSocketClient::close() {
    if (!impl_->open || !impl_->connection) {
        impl_->drop();
        return;
    }
    Connection& c = *impl_->connection;
    bool closed = false;
    c.ws.async_close(websocket::close_code::normal, [&](beast::error_code) { closed = true; });
    // A pending read sees the server's close frame and ends too; both must finish before the
    // connection goes, or the server never learns that we left cleanly.
    runUntil(
        c.io, [&] { return closed && !c.readPending; }, Clock::now() + impl_->timeout);
    c.tearDown();
    runUntil(
        c.io, [&] { return closed && !c.readPending; }, Clock::now() + impl_->timeout);
    impl_->drop();
}

bool WebSocketClient::isOpen() const {
    return impl_->open;
}

}  // namespace kep::net
