// kep-server's listener: binds without SO_REUSEPORT, accepts within the connection caps, hands
// each socket to a session, and drains every connection on SIGTERM/SIGINT. The other
// translation unit of the server that includes Asio.
#include "net/HttpsServer.h"

#include "net/SessionContext.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/json.hpp>

#include <openssl/rand.h>

#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kep::server::net {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

std::string randomPrefix() {
    unsigned char bytes[4] = {};
    RAND_bytes(bytes, sizeof bytes);
    char text[9];
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2], bytes[3]);
    return text;
}

}  // namespace

struct HttpsServer::Impl {
    Impl(ServerOptions serverOptions, const http::Router& router, log::Logger& serverLogger)
        : options(std::move(serverOptions))
        , logger(serverLogger)
        , tls(asio::ssl::context::tls_server)
        , limits(options.limits.maxConnections, options.limits.maxConnectionsPerAddress)
        , context{io,
                  tls,
                  router,
                  serverLogger,
                  options.limits,
                  registry,
                  {1},
                  randomPrefix(),
                  options.requestMetrics.get()}
        , io(static_cast<int>(std::max(1u, options.threads)))
        , acceptStrand(asio::make_strand(io))
        , acceptor(acceptStrand)
        , retryTimer(acceptStrand)
        , signals(acceptStrand) {
        pki::applyServerTlsPolicy(tls.native_handle(), options.tls);
    }

    void accept() {
        acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open()) {
                return;
            }
            if (ec) {
                // Out of descriptors or memory: wait a little instead of spinning on accept.
                logger.warning("accept_failed", {{"reason", ec.message()}});
                retryTimer.expires_after(std::chrono::milliseconds(100));
                retryTimer.async_wait([this](boost::system::error_code timerError) {
                    if (!timerError) {
                        accept();
                    }
                });
                return;
            }
            admit(std::move(socket));
            accept();
        });
    }

    void admit(tcp::socket socket) {
        boost::system::error_code ec;
        const auto remote = socket.remote_endpoint(ec);
        if (ec) {
            return;
        }
        auto address = remote.address();
        if (address.is_v6() && address.to_v6().is_v4_mapped()) {
            address = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
        }
        auto remoteAddress = address.to_string();
        auto slot = limits.tryAcquire(remoteAddress);
        if (!slot) {
            logger.warning("connection_refused", {{"remote", remoteAddress},
                                                  {"reason", "connection cap"},
                                                  {"open", limits.total()}});
            socket.close(ec);
            return;
        }
        const bool ipv6 = socket.local_endpoint(ec).address().is_v6();
        const int fd = socket.release(ec);
        if (ec) {
            return;
        }
        startSession(context, fd, ipv6, std::move(remoteAddress), std::move(slot));
    }

    void requestStop() {
        std::lock_guard lock(mutex);
        stopRequested = true;
        stopped.notify_all();
    }

    // Order matters: the io_context is destroyed after the acceptor, timer and signals, and
    // before what the sessions it may still hold refer to (context, registry, limits, tls).
    ServerOptions options;
    log::Logger& logger;
    asio::ssl::context tls;
    ConnectionLimits limits;
    ConnectionRegistry registry;
    SessionContext context;
    asio::io_context io;
    // The acceptor and its retry timer are touched by their own handlers and by the stop in
    // run(); with several I/O threads those would race, so all of it runs on this strand.
    asio::strand<asio::io_context::executor_type> acceptStrand;
    tcp::acceptor acceptor;
    asio::steady_timer retryTimer;
    asio::signal_set signals;
    std::mutex mutex;
    std::condition_variable stopped;
    bool stopRequested = false;
};

HttpsServer::HttpsServer(ServerOptions options, const http::Router& router, log::Logger& logger)
    : impl_(std::make_unique<Impl>(std::move(options), router, logger)) {}

HttpsServer::~HttpsServer() = default;

std::uint16_t HttpsServer::listen() {
    auto& impl = *impl_;
    const auto where = impl.options.host + ":" + std::to_string(impl.options.port);
    boost::system::error_code ec;
    tcp::resolver resolver(impl.io);
    const auto results =
        resolver.resolve(impl.options.host, std::to_string(impl.options.port),
                         tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty()) {
        throw std::runtime_error("cannot listen on " + where + ": " +
                                 (ec ? ec.message() : std::string("no such address")));
    }
    const auto endpoint = results.begin()->endpoint();
    auto fail = [&](boost::system::error_code error) {
        boost::system::error_code ignored;
        impl.acceptor.close(ignored);
        return std::runtime_error("cannot listen on " + where + ": " + error.message());
    };
    impl.acceptor.open(endpoint.protocol(), ec);
    if (ec) {
        throw fail(ec);
    }
    // SO_REUSEADDR only lets a restarted server bind past TIME_WAIT; it does not let two
    // servers share the port (that would be SO_REUSEPORT, which is never set).
    impl.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    impl.acceptor.bind(endpoint, ec);
    if (ec) {
        throw fail(ec);
    }
    impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        throw fail(ec);
    }
    return impl.acceptor.local_endpoint().port();
}

bool HttpsServer::run() {
    auto& impl = *impl_;
    impl.signals.add(SIGTERM);
    impl.signals.add(SIGINT);
    impl.signals.async_wait([&impl](boost::system::error_code ec, int signal) {
        if (!ec) {
            impl.logger.info("signal", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"}});
            impl.requestStop();
        }
    });
    asio::dispatch(impl.acceptStrand, [&impl] { impl.accept(); });

    auto work = asio::make_work_guard(impl.io);
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < std::max(1u, impl.options.threads); ++i) {
        threads.emplace_back([&impl] { impl.io.run(); });
    }
    {
        std::unique_lock lock(impl.mutex);
        impl.stopped.wait(lock, [&impl] { return impl.stopRequested; });
    }

    // Stop accepting first, then ask every connection to finish, then wait for them (bounded).
    asio::post(impl.acceptStrand, [&impl] {
        boost::system::error_code ignored;
        impl.acceptor.close(ignored);
        impl.retryTimer.cancel();
        impl.signals.cancel();
    });

    impl.registry.shutdownAll();
    const auto deadline = std::chrono::steady_clock::now() + impl.options.limits.drainTimeout;
    const bool drained = impl.registry.waitUntilEmpty(deadline);
    impl.logger.info("drained",
                     {{"complete", drained}, {"connections_left", impl.registry.size()}});
    work.reset();
    impl.io.stop();
    for (auto& thread : threads) {
        thread.join();
    }
    return drained;
}

void HttpsServer::stop() {
    impl_->requestStop();
}

}  // namespace kep::server::net
