// The connection side of kep-server: one HttpSession per TLS connection (TLS handshake, a fresh
// parser per request, limits and time-outs, one request in flight), and a WebSocketSession when
// a request upgrades. One of the two translation units of the server that include Beast.
#include "net/SessionContext.h"

#include "http/RequestTarget.h"
#include "pki/ServerTlsPolicy.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>

namespace kep::server::net {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using Stream = beast::ssl_stream<beast::tcp_stream>;
using Clock = std::chrono::steady_clock;

bool isHttpParseError(const beast::error_code& ec) {
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

std::string nextRequestId(SessionContext& context) {
    char text[24];
    std::snprintf(text, sizeof text, "%012llx",
                  static_cast<unsigned long long>(context.nextRequest.fetch_add(1)));
    return context.requestIdPrefix + "-" + text;
}

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

class WebSocketSession : public Connection,
                         public http::WebSocketPeer,
                         public std::enable_shared_from_this<WebSocketSession> {
public:
    WebSocketSession(SessionContext& context, Stream&& stream, std::string remoteAddress,
                     ConnectionLimits::Slot slot, std::shared_ptr<http::WebSocketEndpoint> endpoint,
                     http::Request upgrade)
        : context_(context)
        , ws_(std::move(stream))
        , remoteAddress_(std::move(remoteAddress))
        , slot_(std::move(slot))
        , endpoint_(std::move(endpoint))
        , upgrade_(std::move(upgrade))
        , closeDeadline_(ws_.get_executor())
        , heartbeat_(ws_.get_executor()) {}

    ~WebSocketSession() override {
        context_.registry.remove(registryId_);
        context_.logger.info("websocket_closed",
                             {{"request_id", upgrade_.requestId}, {"remote", remoteAddress_}});
    }

    void accept(bhttp::request<bhttp::string_body> request) {
        registryId_ = context_.registry.add(weak_from_this());
        if (registryId_ == 0) {
            return;  // shutting down: dropping the last reference closes the socket
        }
        beast::get_lowest_layer(ws_).expires_never();
        // No idle time-out from Beast: it gives a peer one ping only. The heartbeat below
        // allows two missed pongs, and an open WebSocket is never subject to the read time-out
        // that cuts slow HTTP clients.
        websocket::stream_base::timeout timeout{};
        timeout.handshake_timeout = context_.limits.readTimeout;
        timeout.idle_timeout = websocket::stream_base::none();
        timeout.keep_alive_pings = false;
        ws_.set_option(timeout);
        ws_.control_callback([this](websocket::frame_type kind, beast::string_view) {
            if (kind == websocket::frame_type::pong) {
                unansweredPings_ = 0;
            }
        });
        ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
            response.set(bhttp::field::server, "kep-server");
        }));
        ws_.read_message_max(context_.limits.webSocketMessageMax);
        ws_.async_accept(
            request, beast::bind_front_handler(&WebSocketSession::onAccept, shared_from_this()));
    }

    void shutdown() override {
        asio::post(ws_.get_executor(), [self = shared_from_this()] { self->beginClose(); });
    }

    // From any thread (the event hub): queued on this connection's strand.
    void send(std::string message) override {
        asio::post(ws_.get_executor(),
                   [self = shared_from_this(), m = std::move(message)]() mutable {
                       self->enqueue(std::move(m));
                   });
    }

    void setRoute(std::string route) { route_ = std::move(route); }

private:
    void onAccept(beast::error_code ec) {
        if (ec) {
            return;
        }
        accepted_ = true;
        context_.logger.info(
            "websocket_open",
            {{"request_id", upgrade_.requestId}, {"route", route_}, {"remote", remoteAddress_}});
        joined_ = true;
        for (auto& message : endpoint_->onOpen(upgrade_, shared_from_this())) {
            enqueue(std::move(message));
        }
        read();
        scheduleHeartbeat();
    }

    void scheduleHeartbeat() {
        heartbeat_.expires_after(context_.limits.webSocketPingInterval);
        heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec && !self->closing_) {
                self->onHeartbeat();
            }
        });
    }

    void onHeartbeat() {
        if (unansweredPings_ >= 2) {
            context_.logger.info("websocket_peer_dead",
                                 {{"request_id", upgrade_.requestId}, {"remote", remoteAddress_}});
            closing_ = true;
            queue_.clear();
            leave();
            // A dead peer would never answer a close frame: the socket itself is closed.
            beast::get_lowest_layer(ws_).close();
            return;
        }
        ++unansweredPings_;
        ws_.async_ping({}, [self = shared_from_this()](beast::error_code) {});
        scheduleHeartbeat();
    }

    void read() {
        ws_.async_read(buffer_,
                       beast::bind_front_handler(&WebSocketSession::onRead, shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t) {
        if (ec) {
            heartbeat_.cancel();
            return leave();  // closed by the peer, time-out, or our own close: the session ends
        }
        unansweredPings_ = 0;  // any frame shows the peer is alive
        if (ws_.got_text()) {
            auto reply = endpoint_->onText(beast::buffers_to_string(buffer_.data()));
            if (reply) {
                enqueue(std::move(*reply));
            }
        }
        buffer_.consume(buffer_.size());
        read();
    }

    // The endpoint hears of the end once; the hub then stops handing us messages.
    void leave() {
        if (joined_) {
            joined_ = false;
            endpoint_->onClose(*this);
        }
    }

    void enqueue(std::string message) {
        if (closing_ || !accepted_) {
            return;
        }
        if (queue_.size() >= context_.limits.webSocketQueueLimit) {
            // A consumer this slow would hold memory without bound: drop it, as rippled does,
            // with 1008 (policy) so the client knows why and reconnects to pull.
            context_.logger.warning("websocket_slow_consumer", {{"request_id", upgrade_.requestId},
                                                                {"remote", remoteAddress_},
                                                                {"queued", queue_.size()}});
            closing_ = true;
            queue_.clear();
            leave();
            return close(websocket::close_code::policy_error);
        }
        queue_.push_back(std::move(message));
        if (queue_.size() == 1) {
            write();
        }
    }

    void write() {
        ws_.text(true);
        ws_.async_write(asio::buffer(queue_.front()),
                        beast::bind_front_handler(&WebSocketSession::onWrite, shared_from_this()));
    }

    void onWrite(beast::error_code ec, std::size_t) {
        if (ec || queue_.empty()) {
            return;  // failed, or the queue was dropped by a slow-consumer close
        }
        queue_.pop_front();
        if (!queue_.empty()) {
            write();
        } else if (closing_) {
            close(websocket::close_code::going_away);
        }
    }

    void beginClose() {
        if (closing_) {
            return;
        }
        closing_ = true;
        if (!accepted_) {
            // The accept is still writing its answer: a close frame now would be a second
            // concurrent write on the stream. Closing the socket ends the accept instead.
            beast::get_lowest_layer(ws_).close();
            return;
        }
        if (queue_.empty()) {
            close(websocket::close_code::going_away);
        }
    }

    void close(websocket::close_code code) {
        if (closeSent_) {
            return;
        }
        closeSent_ = true;
        // The peer has a second to answer our close frame; one that does not answer must not
        // hold shutdown for the whole drain time.
        heartbeat_.cancel();
        websocket::stream_base::timeout timeout{};
        timeout.handshake_timeout = std::chrono::seconds(1);
        timeout.idle_timeout = websocket::stream_base::none();
        timeout.keep_alive_pings = false;
        ws_.set_option(timeout);
        ws_.async_close(code, [self = shared_from_this()](beast::error_code) {
            self->closeDeadline_.cancel();
        });
        // A close frame waits behind a write in progress, and a consumer that reads nothing
        // never lets that write finish: past the deadline the socket itself is closed.
        closeDeadline_.expires_after(std::chrono::seconds(2));
        closeDeadline_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (!ec) {
                beast::get_lowest_layer(self->ws_).close();
            }
        });
    }

    SessionContext& context_;
    websocket::stream<Stream> ws_;
    beast::flat_buffer buffer_;
    std::string remoteAddress_;
    ConnectionLimits::Slot slot_;
    std::shared_ptr<http::WebSocketEndpoint> endpoint_;
    http::Request upgrade_;
    std::string route_ = "-";
    std::deque<std::string> queue_;
    std::uint64_t registryId_ = 0;
    asio::steady_timer closeDeadline_;
    asio::steady_timer heartbeat_;
    int unansweredPings_ = 0;  // pings sent since the peer last showed it is alive
    bool accepted_ = false;    // the upgrade's answer is written; frames may follow
    bool joined_ = false;      // endpoint_->onOpen ran; onClose is owed
    bool closing_ = false;
    bool closeSent_ = false;
};

class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(SessionContext& context, std::string remoteAddress, ConnectionLimits::Slot slot)
        : context_(context)
        , stream_(asio::make_strand(context.io), context.tls)
        , remoteAddress_(std::move(remoteAddress))
        , slot_(std::move(slot)) {}

    ~HttpSession() override {
        if (registryId_ != 0) {
            context_.registry.remove(registryId_);
        }
    }

    void start(int nativeSocket, bool ipv6) {
        beast::error_code ec;
        auto& socket = beast::get_lowest_layer(stream_).socket();
        socket.assign(ipv6 ? tcp::v6() : tcp::v4(), nativeSocket, ec);
        if (ec) {
            ::close(nativeSocket);
            return;
        }
        // Small answers on a keep-alive connection must not wait for Nagle's algorithm.
        socket.set_option(tcp::no_delay(true), ec);
        registryId_ = context_.registry.add(weak_from_this());
        if (registryId_ == 0) {
            return;  // shutting down: the socket closes with the session
        }
        asio::dispatch(stream_.get_executor(),
                       beast::bind_front_handler(&HttpSession::handshake, shared_from_this()));
    }

    void shutdown() override {
        asio::post(stream_.get_executor(), [self = shared_from_this()] {
            self->shuttingDown_ = true;
            // Waiting for a handshake or for a request that has not begun: close now. A request
            // being read or answered finishes first and then closes (keep-alive off).
            const bool idle =
                self->state_ == State::Handshaking ||
                (self->state_ == State::Reading && !(self->parser_ && self->parser_->got_some()));
            if (idle) {
                beast::error_code ignored;
                beast::get_lowest_layer(self->stream_)
                    .socket()
                    .shutdown(tcp::socket::shutdown_both, ignored);
                beast::get_lowest_layer(self->stream_).cancel();
            }
        });
    }

private:
    enum class State { Handshaking, Reading, Answering, Closing };

    // The TLS handshake and a request's header must come within this: never more than the
    // read time-out, and less by default, so a connection that sends no whole header is closed
    // within the read time-out of its start even when the server is busy (slowloris).
    std::chrono::milliseconds headerTimeout() const {
        return std::min(context_.limits.headerTimeout, context_.limits.readTimeout);
    }

    void handshake() {
        requestStart_ = Clock::now();
        beast::get_lowest_layer(stream_).expires_at(requestStart_ + headerTimeout());
        stream_.async_handshake(
            asio::ssl::stream_base::server,
            beast::bind_front_handler(&HttpSession::onHandshake, shared_from_this()));
    }

    void onHandshake(beast::error_code ec) {
        if (ec) {
            if (!shuttingDown_) {
                context_.logger.info("tls_handshake_failed",
                                     {{"remote", remoteAddress_}, {"reason", ec.message()}});
            }
            return;
        }
        peer_ = pki::verifiedPeerCertificate(stream_.native_handle());
        readRequest();
    }

    void readRequest() {
        if (shuttingDown_) {
            return close();
        }
        state_ = State::Reading;
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(context_.limits.maxHeaderBytes));
        // Beast checks Content-Length against the body limit while it parses the header, but the
        // limit depends on the route the header names: onHeader() sets it, then checks it.
        parser_->body_limit(boost::none);
        // The deadline is per request, never per byte: a header trickled a byte at a time runs
        // out with it (slowloris). The first request shares the handshake's deadline, so a
        // connection that has sent no whole header is closed one header time-out after accept,
        // however slowly its TLS hello and header came.
        if (!firstRequest_) {
            requestStart_ = Clock::now();
            beast::get_lowest_layer(stream_).expires_at(requestStart_ + headerTimeout());
        }
        firstRequest_ = false;
        bhttp::async_read_header(
            stream_, buffer_, *parser_,
            beast::bind_front_handler(&HttpSession::onHeader, shared_from_this()));
    }

    void onHeader(beast::error_code ec, std::size_t) {
        started_ = Clock::now();
        if (ec) {
            return onReadError(ec);
        }
        // The body has what is left of the request's read time-out (header and body together).
        beast::get_lowest_layer(stream_).expires_at(requestStart_ + context_.limits.readTimeout);
        bodyLimit_ = routeBodyLimit();
        parser_->body_limit(bodyLimit_);
        const auto length = parser_->content_length();
        if (length && *length > bodyLimit_) {
            return refuseAndLinger(tooLarge());
        }
        // A document larger than the server's ordinary bound (only a route that declared its
        // own limit takes one) gets time for its size at a slow office line's pace, on top of
        // the read time-out; every other request keeps the time-out whole.
        if (length && *length > context_.limits.maxBodyBytes) {
            constexpr std::uint64_t kSlowLineBytesPerSecond = 256 * 1024;
            beast::get_lowest_layer(stream_).expires_after(
                context_.limits.readTimeout +
                std::chrono::seconds{*length / kSlowLineBytesPerSecond});
        }
        // A client that asked to be told before it sends the body is told now (the body is
        // within the limit), instead of waiting for its own time-out.
        if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
            auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(
                bhttp::status::continue_, parser_->get().version());
            bhttp::async_write(
                stream_, *interim,
                [self = shared_from_this(), interim](beast::error_code writeError, std::size_t) {
                    if (!writeError) {
                        self->readBody();
                    }
                });
            return;
        }
        readBody();
    }

    // The limit of the route the header names, when it declared one (a document upload), else
    // the server's. A target that does not decode gets the server's: it is refused later anyway.
    std::size_t routeBodyLimit() const {
        const auto& message = parser_->get();
        http::DecodedTarget decoded;
        if (!http::decodeTarget(std::string(message.target()), decoded)) {
            return context_.limits.maxBodyBytes;
        }
        const auto method = http::methodFromName(std::string(message.method_string()));
        return context_.router.bodyLimit(method, decoded.path)
            .value_or(context_.limits.maxBodyBytes);
    }

    http::Response tooLarge() const {
        return http::Response::error(
            413, "payload_too_large",
            "the request body is larger than " + std::to_string(bodyLimit_) + " bytes");
    }

    void readBody() {
        bhttp::async_read(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::onRequest, shared_from_this()));
    }

    void onReadError(const beast::error_code& ec) {
        if (ec == bhttp::error::header_limit) {
            return refuseAndLinger(http::Response::error(
                431, "header_too_large",
                "the request header is larger than " +
                    std::to_string(context_.limits.maxHeaderBytes) + " bytes"));
        }
        if (ec == bhttp::error::body_limit) {
            return refuseAndLinger(tooLarge());
        }
        if (isHttpParseError(ec) && ec != bhttp::error::end_of_stream &&
            ec != bhttp::error::partial_message) {
            return refuseAndLinger(http::Response::error(
                400, "bad_request", "malformed HTTP request: " + ec.message()));
        }
        // End of stream, time-out, reset or our own cancel: nothing to answer.
        close();
    }

    void onRequest(beast::error_code ec, std::size_t) {
        if (ec) {
            return onReadError(ec);
        }
        state_ = State::Answering;
        auto& message = parser_->get();
        http::Request request;
        request.methodText = std::string(message.method_string());
        request.method = http::methodFromName(request.methodText);
        request.target = std::string(message.target());
        request.remoteAddress = remoteAddress_;
        request.peerCertificate = peer_;
        request.requestId = nextRequestId(context_);
        for (const auto& field : message) {
            request.headers.emplace_back(std::string(field.name_string()),
                                         std::string(field.value()));
        }
        http::DecodedTarget decoded;
        if (!http::decodeTarget(request.target, decoded)) {
            return answer(request, "-",
                          http::Response::error(400, "bad_target", "malformed request target"),
                          message.version(), false);
        }
        request.path = std::move(decoded.path);
        request.query = std::move(decoded.query);

        if (websocket::is_upgrade(message)) {
            // The gate runs before the upgrade is accepted: a refusal is a plain HTTP answer.
            if (auto found = context_.router.upgrade(request)) {
                if (found->refusal) {
                    return answer(request, found->pattern, std::move(*found->refusal),
                                  message.version(), false);
                }
                return upgrade(std::move(request), std::move(found->pattern),
                               std::move(found->endpoint));
            }
        }
        request.body = std::move(message.body());
        std::string route;
        auto response = context_.router.dispatch(request, &route);
        answer(request, route, std::move(response), message.version(), message.keep_alive());
    }

    void upgrade(http::Request request, std::string route,
                 std::shared_ptr<http::WebSocketEndpoint> endpoint) {
        context_.logger.info("request", {{"method", request.methodText},
                                         {"route", route},
                                         {"status", 101},
                                         {"ms", millisecondsSince(started_)},
                                         {"request_id", request.requestId},
                                         {"remote", remoteAddress_}});
        observe(route, 101);
        beast::get_lowest_layer(stream_).expires_never();
        auto session = std::make_shared<WebSocketSession>(context_, std::move(stream_),
                                                          remoteAddress_, std::move(slot_),
                                                          std::move(endpoint), std::move(request));
        session->setRoute(std::move(route));
        session->accept(parser_->release());
        state_ = State::Closing;  // this session ends here; the socket now belongs to the other
    }

    void answer(const http::Request& request, const std::string& route, http::Response response,
                unsigned version, bool keepAlive) {
        const int status = response.status;
        response_ = {};
        response_.version(version);
        response_.result(static_cast<unsigned>(status));
        response_.set(bhttp::field::server, "kep-server");
        response_.set(bhttp::field::content_type, response.contentType);
        response_.set("X-Request-Id", request.requestId);
        for (const auto& [name, value] : response.headers) {
            response_.set(name, value);
        }
        response_.keep_alive(keepAlive && !shuttingDown_);
        response_.body() = std::move(response.body);
        response_.prepare_payload();
        if (request.method == http::Method::Head) {
            response_.body().clear();  // Content-Length stays that of the GET answer
        }
        context_.logger.info("request", {{"method", request.methodText},
                                         {"route", route},
                                         {"status", status},
                                         {"ms", millisecondsSince(started_)},
                                         {"request_id", request.requestId},
                                         {"remote", remoteAddress_}});
        observe(route, status);
        write(false);
    }

    // /metrics: one wait-free count per answer (metrics/RequestMetrics.h).
    void observe(std::string_view route, int status) const {
        if (context_.requestMetrics != nullptr) {
            context_.requestMetrics->observe(route, status, Clock::now() - started_);
        }
    }

    // Answers an over-limit or malformed request, then closes without reading it: the rest of
    // the request is read and discarded for lingerTimeout so the client sees the answer.
    void refuseAndLinger(http::Response response) {
        state_ = State::Answering;
        context_.logger.info("request_refused", {{"status", response.status},
                                                 {"ms", millisecondsSince(started_)},
                                                 {"remote", remoteAddress_}});
        observe("-", response.status);
        response_ = {};
        response_.version(11);
        response_.result(static_cast<unsigned>(response.status));
        response_.set(bhttp::field::server, "kep-server");
        response_.set(bhttp::field::content_type, response.contentType);
        response_.keep_alive(false);
        response_.body() = std::move(response.body);
        response_.prepare_payload();
        write(true);
    }

    void write(bool linger) {
        beast::get_lowest_layer(stream_).expires_after(context_.limits.writeTimeout);
        bhttp::async_write(stream_, response_,
                           [self = shared_from_this(), linger](beast::error_code ec, std::size_t) {
                               self->onWrite(ec, linger);
                           });
    }

    void onWrite(beast::error_code ec, bool linger) {
        if (ec) {
            return;  // the peer is gone; dropping the last reference closes the socket
        }
        if (linger) {
            return lingeringClose();
        }
        if (!response_.keep_alive()) {
            return close();
        }
        readRequest();
    }

    void lingeringClose() {
        state_ = State::Closing;
        auto& tcpStream = beast::get_lowest_layer(stream_);
        beast::error_code ignored;
        tcpStream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        tcpStream.expires_after(context_.limits.lingerTimeout);
        discard();
    }

    void discard() {
        auto& tcpStream = beast::get_lowest_layer(stream_);
        tcpStream.async_read_some(asio::buffer(discardBuffer_),
                                  [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                      if (!ec) {
                                          self->discard();
                                      }
                                  });
    }

    // TLS close_notify, bounded: a peer that never answers it must not hold the connection.
    void close() {
        state_ = State::Closing;
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(1));
        stream_.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->stream_).socket().close(ignored);
        });
    }

    SessionContext& context_;
    Stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::size_t bodyLimit_ = 0;  // the request being read: its route's or the server's limit
    bhttp::response<bhttp::string_body> response_;
    std::array<char, 16384> discardBuffer_{};
    std::string remoteAddress_;
    ConnectionLimits::Slot slot_;
    std::optional<http::PeerCertificate> peer_;
    Clock::time_point started_ = Clock::now();
    std::uint64_t registryId_ = 0;
    State state_ = State::Handshaking;
    Clock::time_point requestStart_ = Clock::now();  // its deadlines count from here
    bool firstRequest_ = true;                       // still within the deadline set at accept
    bool shuttingDown_ = false;
};

}  // namespace

void startSession(SessionContext& context, int nativeSocket, bool ipv6, std::string remoteAddress,
                  ConnectionLimits::Slot slot) {
    auto session =
        std::make_shared<HttpSession>(context, std::move(remoteAddress), std::move(slot));
    session->start(nativeSocket, ipv6);
}

}  // namespace kep::server::net
