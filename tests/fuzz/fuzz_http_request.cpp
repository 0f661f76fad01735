// libFuzzer target: kep-server's HTTP request path without sockets — the bytes of one
// connection go through Beast's request parser with the server's limits, become http::Request
// as net/HttpSession.cpp makes them, and are dispatched through the public routes.
//
// HttpSession's own conversion lives in an anonymous namespace of a Beast translation unit, so
// this file repeats its few steps (onHeader, onReadError, onRequest, answer) over the same
// public pieces: ServerLimits, decodeTarget, methodFromName, Router.
#include "FuzzCheck.h"

#include "api/CatalogueRoutes.h"
#include "api/PublicRoutes.h"
#include "catalogue/PublishedCatalogue.h"
#include "cli/CatalogueDemo.h"
#include "http/RequestTarget.h"
#include "http/Router.h"
#include "net/ServerOptions.h"
#include "storage/ServerStore.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/json/parse.hpp>

#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using kep::fuzz::expect;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace http = kep::http;
namespace server = kep::server;

// Keep-alive requests one input may carry: enough for pipelining to matter, few enough that
// one input stays fast.
constexpr int kMaxRequestsPerConnection = 8;

// The server's limits, with the body bound lowered below the fuzzer's 16 KiB inputs so that both
// it and a route's own larger bound (kDocumentBodyBytes) are crossed.
server::net::ServerLimits fuzzLimits() {
    server::net::ServerLimits limits;
    limits.maxBodyBytes = 4 * 1024;
    return limits;
}
constexpr std::size_t kDocumentBodyBytes = 12 * 1024;

// The public side of kep-server in this process: a store in a temporary data folder with the
// sample catalogue published (so that search and look-up find something), and the routes that
// need no identity. Identity's routes are left out: their public one (enrolment) counts every
// attempt per address, which would make an input's answer depend on the inputs before it.
class PublicServer {
public:
    PublicServer() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kep-fuzz-http-XXXXXX");
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("cannot create a temporary data folder");
        }
        dir_ = pattern;
        store_ = server::storage::ServerStore::create((dir_ / "kep.db").string());
        server::cli::loadSampleCatalogue(*store_, server::cli::locateSampleCatalogue(""));
        server::api::registerPublicRoutes(router_, *store_);
        catalogue_ = std::make_shared<server::catalogue::PublishedCatalogue>(*store_);
        catalogue_->refresh();
        server::api::registerCatalogueRoutes(router_, *store_, catalogue_);
        // A route that declares a body bound of its own, as the authorities' result upload does
        // (that one needs a session): the session must read its header before it knows.
        router_.add(http::Method::Post, "/fuzz/document",
                    http::RouteAccess::publicRoute().withMaxBodyBytes(kDocumentBodyBytes),
                    [](http::Request& request) {
                        return http::Response::json(
                            200, "{\"bytes\":" + std::to_string(request.body.size()) + "}");
                    });
    }
    ~PublicServer() {
        catalogue_.reset();
        store_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    PublicServer(const PublicServer&) = delete;
    PublicServer& operator=(const PublicServer&) = delete;

    const http::Router& router() const { return router_; }

private:
    std::filesystem::path dir_;
    std::unique_ptr<server::storage::ServerStore> store_;
    std::shared_ptr<server::catalogue::PublishedCatalogue> catalogue_;
    http::Router router_;
};

// The WebSocket a fuzzed upgrade opens: what the endpoint sends later goes nowhere.
class SilentPeer : public http::WebSocketPeer {
public:
    void send(std::string) override {}
};

using RequestParser = bhttp::request_parser<bhttp::string_body>;

// Feeds the parser from the connection's bytes until `done` holds. False when the connection
// ended first (the server's read would see end of stream or time out: nothing is answered) or
// the parser refused (ec says why).
template <typename Done>
bool feed(RequestParser& parser, std::string_view& connection, beast::error_code& ec, Done done) {
    while (!done()) {
        if (connection.empty()) {
            // Nothing more will come: the peer closed. Beast's read then calls put_eof.
            if (parser.got_some()) {
                parser.put_eof(ec);
            }
            return !ec && done();
        }
        const auto used = parser.put(asio::buffer(connection.data(), connection.size()), ec);
        connection.remove_prefix(used);
        if (ec == bhttp::error::need_more) {
            // Beast's read appends what arrives next and parses again; here nothing more
            // arrives than the input holds.
            ec = {};
            if (used == 0) {
                connection = {};
            }
            continue;
        }
        if (ec) {
            return false;
        }
    }
    return true;
}

// HttpSession::onRequest's conversion from Beast's message to the server's request.
http::Request toRequest(RequestParser& parser) {
    auto& message = parser.get();
    http::Request request;
    request.methodText = std::string(message.method_string());
    request.method = http::methodFromName(request.methodText);
    request.target = std::string(message.target());
    request.remoteAddress = "127.0.0.2";
    request.requestId = "fuzz-000000000001";
    for (const auto& field : message) {
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    return request;
}

// HttpSession::answer's Beast response, serialised, must read back as exactly one response
// with the same status and body: a handler's header value cannot split or corrupt the answer.
void checkWireAnswer(const http::Response& response, unsigned version, bool head) {
    bhttp::response<bhttp::string_body> wire;
    wire.version(version);
    wire.result(static_cast<unsigned>(response.status));
    wire.set(bhttp::field::server, "kep-server");
    wire.set(bhttp::field::content_type, response.contentType);
    wire.set("X-Request-Id", "fuzz-000000000001");
    for (const auto& [name, value] : response.headers) {
        wire.set(name, value);
    }
    wire.body() = response.body;
    wire.prepare_payload();
    if (head) {
        wire.body().clear();  // Content-Length stays that of the GET answer
    }
    std::ostringstream text;
    text << wire;
    const auto bytes = text.str();

    bhttp::response_parser<bhttp::string_body> reader;
    reader.header_limit(1 << 20);
    reader.body_limit(1 << 24);
    reader.skip(head);
    reader.eager(true);
    beast::error_code ec;
    const auto used = reader.put(asio::buffer(bytes), ec);
    expect(!ec && reader.is_done() && used == bytes.size(),
           "the answer is one well-formed HTTP response");
    expect(reader.get().result_int() == static_cast<unsigned>(response.status) &&
               reader.get().body() == (head ? std::string() : response.body),
           "the answer keeps its status and body");
}

void checkAnswer(const http::Response& response) {
    expect(response.status >= 200 && response.status <= 599, "a final HTTP status");
    // The router turns an exception other than HttpError into a 500: for a public route that
    // means some input escaped the handler's checks.
    expect(response.status != 500, "no input makes a public route fail with 500");
    if (response.contentType == "application/json") {
        boost::json::error_code ec;
        (void)boost::json::parse(response.body, ec);
        expect(!ec, "a JSON answer is valid JSON");
    }
}

// HttpSession::routeBodyLimit: the bound of the route the header names, or the server's.
std::size_t routeBodyLimit(const http::Router& router, const RequestParser& parser,
                           const server::net::ServerLimits& limits) {
    const auto& message = parser.get();
    http::DecodedTarget decoded;
    if (!http::decodeTarget(std::string(message.target()), decoded)) {
        return limits.maxBodyBytes;
    }
    return router
        .bodyLimit(http::methodFromName(std::string(message.method_string())), decoded.path)
        .value_or(limits.maxBodyBytes);
}

// One request of the connection; false when the server would close the connection after it.
bool exchange(const http::Router& router, std::string_view& connection) {
    RequestParser parser;
    const auto limits = fuzzLimits();
    parser.header_limit(static_cast<std::uint32_t>(limits.maxHeaderBytes));
    // As HttpSession: no body bound while the header is read, the route's once it is.
    parser.body_limit(boost::none);

    beast::error_code ec;
    // A refused header (431 over the limit, 400 malformed) or a connection that ends first:
    // the session answers or not, and closes either way.
    if (!feed(parser, connection, ec, [&] { return parser.is_header_done(); })) {
        return false;
    }
    // onHeader: an over-limit Content-Length is refused from the header alone.
    const auto bodyLimit = routeBodyLimit(router, parser, limits);
    parser.body_limit(bodyLimit);
    if (const auto length = parser.content_length(); length && *length > bodyLimit) {
        return false;
    }
    parser.eager(true);
    if (!feed(parser, connection, ec, [&] { return parser.is_done(); })) {
        return false;  // 413 over the body limit, 400 malformed, or the connection ended
    }

    auto& message = parser.get();
    auto request = toRequest(parser);
    http::DecodedTarget decoded;
    if (!http::decodeTarget(request.target, decoded)) {
        return false;  // 400 bad_target, connection closed
    }
    request.path = std::move(decoded.path);
    request.query = std::move(decoded.query);

    if (beast::websocket::is_upgrade(message)) {
        // The gate runs before the upgrade is accepted: a refusal is a plain HTTP answer, and
        // an accepted upgrade hands the connection to the WebSocket.
        if (auto found = router.upgrade(request)) {
            if (found->refusal) {
                checkAnswer(*found->refusal);
                checkWireAnswer(*found->refusal, message.version(), false);
                return false;
            }
            const auto peer = std::make_shared<SilentPeer>();
            (void)found->endpoint->onOpen(request, peer);
            (void)found->endpoint->onText(message.body());
            found->endpoint->onClose(*peer);
            return false;
        }
    }
    expect(message.body().size() <= bodyLimit, "no body is read past its route's bound");
    request.body = std::move(message.body());
    std::string route;
    const auto response = router.dispatch(request, &route);
    expect(!route.empty(), "every answer names its route (or \"-\") for the log");
    checkAnswer(response);
    checkWireAnswer(response, message.version(), request.method == http::Method::Head);
    return message.keep_alive();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const PublicServer publicServer;
    std::string_view connection(reinterpret_cast<const char*>(data), size);
    for (int i = 0; i < kMaxRequestsPerConnection && !connection.empty(); ++i) {
        if (!exchange(publicServer.router(), connection)) {
            break;
        }
    }
    return 0;
}
