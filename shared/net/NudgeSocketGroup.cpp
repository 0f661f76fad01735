// NudgeSocketGroup over Beast: every socket's opening steps and reads are handlers on one
// io_context, run by one thread, so no socket waits for another.
#include "net/NudgeSocketGroup.h"

#include "net/SyncNudgeChannel.h"
#include "net/TlsConnection.h"
#include "net/TlsSetup.h"
#include "shared/sync/SyncProtocol.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/error.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace kep::net {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

struct DeskSocket {
    std::string credentialFile;
    std::string bucket;
    std::optional<websocket::stream<TlsStream>> ws;
    websocket::response_type upgradeAnswer;
    beast::flat_buffer incoming;
    NudgeSocketReport report;  // written on the loop thread under Impl::mutex
};

// The desk's own certificate on this one connection; the shared context carries none.
void useCredential(SSL* ssl, const std::string& file) {
    ERR_clear_error();
    if (SSL_use_certificate_chain_file(ssl, file.c_str()) != 1 ||
        SSL_use_PrivateKey_file(ssl, file.c_str(), SSL_FILETYPE_PEM) != 1) {
        ERR_clear_error();
        throw NetworkError("Loading the desk credential '" + file + "' failed");
    }
}

TlsOptions caOnly(std::string caFile) {
    TlsOptions trust;
    trust.caFile = std::move(caFile);
    return trust;
}

}  // namespace

struct NudgeSocketGroup::Impl {
    Endpoint endpoint;
    TlsOptions trust;  // the CA only
    std::chrono::milliseconds timeout;
    std::string target;
    // Declared before the io_context and the sockets, so it outlives the handlers they leave.
    asio::ssl::context tls;
    asio::io_context io{1};
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::thread loop;
    tcp::resolver::results_type addresses;
    std::vector<std::unique_ptr<DeskSocket>> desks;
    std::size_t next = 0;  // the next desk to open (loop thread)
    bool closing = false;  // close() began: reads ending now are ours (loop thread)

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::size_t settled = 0;     // desks open or failed
    std::size_t closesSent = 0;  // close frames sent by close()
    std::size_t closesDone = 0;  // of which answered (or failed)
    bool closesIssued = false;   // close() has sent all it will send

    Impl(Endpoint e, std::string caFile, std::chrono::milliseconds ms)
        : endpoint(std::move(e))
        , trust(caOnly(std::move(caFile)))
        , timeout(ms)
        , target(std::string(SyncNudgeChannel::kPath) +
                 "?protocol=" + std::to_string(kep::sync::kProtocolVersion))
        , tls(newClientTlsContext(trust)) {}

    void settle(DeskSocket& desk, bool opened, std::string why) {
        {
            std::lock_guard lock(mutex);
            desk.report.opened = desk.report.open = opened;
            desk.report.failure = std::move(why);
            ++settled;
        }
        changed.notify_all();
        if (!opened) {
            drop(desk);
        }
        startNext();
    }

    void drop(DeskSocket& desk) {
        if (desk.ws) {
            beast::error_code ignored;
            beast::get_lowest_layer(*desk.ws).socket().close(ignored);
        }
    }

    void startNext() {
        if (next >= desks.size()) {
            return;
        }
        DeskSocket& desk = *desks[next++];
        try {
            desk.ws.emplace(io, tls);
            SSL* ssl = desk.ws->next_layer().native_handle();
            useCredential(ssl, desk.credentialFile);
            applyPeerIdentity(ssl, peerIdentityFor(endpoint.host, trust));
        } catch (const std::exception& error) {
            // Posted, not called: a run of bad credentials must not recurse through every desk.
            return asio::post(
                io, [this, &desk, why = std::string(error.what())] { settle(desk, false, why); });
        }
        auto& tcpStream = beast::get_lowest_layer(*desk.ws);
        tcpStream.expires_after(timeout);
        tcpStream.async_connect(addresses,
                                [this, &desk](beast::error_code ec, const tcp::endpoint&) {
                                    if (ec) {
                                        return settle(desk, false, failure("Connecting", ec));
                                    }
                                    handshake(desk);
                                });
    }

    void handshake(DeskSocket& desk) {
        beast::get_lowest_layer(*desk.ws).expires_after(timeout);
        desk.ws->next_layer().async_handshake(
            asio::ssl::stream_base::client, [this, &desk](beast::error_code ec) {
                if (ec) {
                    std::string why = failure("TLS handshake", ec);
                    const auto verify =
                        certificateVerifyFailure(desk.ws->next_layer().native_handle());
                    return settle(desk, false, verify.empty() ? why : why + " (" + verify + ")");
                }
                upgrade(desk);
            });
    }

    void upgrade(DeskSocket& desk) {
        // From here the WebSocket's own timers watch the connection, not the TCP stream's.
        beast::get_lowest_layer(*desk.ws).expires_never();
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = timeout;
        timeouts.idle_timeout = 2 * timeout;
        timeouts.keep_alive_pings = true;
        desk.ws->set_option(timeouts);
        desk.ws->set_option(websocket::stream_base::decorator([](websocket::request_type& request) {
            request.set(beast::http::field::user_agent, "kep-net");
        }));
        desk.ws->async_handshake(
            desk.upgradeAnswer, endpoint.authority(), target, [this, &desk](beast::error_code ec) {
                if (ec == websocket::error::upgrade_declined) {
                    return settle(desk, false,
                                  "WebSocket upgrade with " + endpoint.authority() +
                                      " failed: the server answered HTTP " +
                                      std::to_string(desk.upgradeAnswer.result_int()) +
                                      " instead of 101");
                }
                if (ec) {
                    return settle(desk, false, failure("WebSocket upgrade", ec));
                }
                desk.upgradeAnswer = {};
                settle(desk, true, {});
                read(desk);
            });
    }

    void read(DeskSocket& desk) {
        desk.ws->async_read(desk.incoming, [this, &desk](beast::error_code ec, std::size_t) {
            if (ec) {
                return ended(desk, ec);
            }
            heard(desk);
            read(desk);
        });
    }

    void heard(DeskSocket& desk) {
        const std::string message = beast::buffers_to_string(desk.incoming.data());
        desk.incoming.consume(desk.incoming.size());
        if (!desk.ws->got_text()) {
            return;
        }
        try {
            if (kep::sync::decodeNudge(message).bucket == desk.bucket) {
                std::lock_guard lock(mutex);
                ++desk.report.nudges;
            }
        } catch (const kep::sync::ProtocolError&) {
            // Not a nudge of this protocol: a newer server may say more; only nudges count.
        }
    }

    // The read loop is over: by our close(), the server's close, or a lost connection.
    void ended(DeskSocket& desk, const beast::error_code& ec) {
        std::string why;
        if (!closing) {
            const auto& reason = desk.ws->reason();
            if (reason.code != websocket::close_code::none || ec == websocket::error::closed) {
                why = "The WebSocket with " + endpoint.authority() +
                      " was closed by the server (code " + std::to_string(reason.code) +
                      (reason.reason.empty() ? "" : ": " + std::string(reason.reason.c_str())) +
                      ")";
            } else {
                why = failure("Receiving from the WebSocket", ec);
            }
        }
        {
            std::lock_guard lock(mutex);
            desk.report.open = false;
            if (!why.empty()) {
                desk.report.failure = std::move(why);
            }
        }
        if (!closing) {
            drop(desk);  // its descriptor back at once
        }
    }

    void sendCloses() {
        closing = true;
        std::size_t sent = 0;
        for (auto& owned : desks) {
            DeskSocket& desk = *owned;
            if (!desk.ws || !desk.report.open) {
                continue;
            }
            ++sent;
            desk.ws->async_close(websocket::close_code::normal, [this](beast::error_code) {
                {
                    std::lock_guard lock(mutex);
                    ++closesDone;
                }
                changed.notify_all();
            });
        }
        {
            std::lock_guard lock(mutex);
            closesSent = sent;
            closesIssued = true;
        }
        changed.notify_all();
    }

    std::string failure(std::string_view step, const beast::error_code& ec) const {
        return stepFailure(step, endpoint, ec, timeout).what();
    }

    void stopLoop() {
        if (!loop.joinable()) {
            return;
        }
        work.reset();
        io.stop();
        loop.join();
        for (auto& desk : desks) {
            drop(*desk);  // the loop has stopped: no handler runs beside this
        }
    }
};

NudgeSocketGroup::NudgeSocketGroup(Endpoint server, std::string caFile,
                                   std::chrono::milliseconds timeout)
    : impl_(std::make_unique<Impl>(std::move(server), std::move(caFile), timeout)) {}

NudgeSocketGroup::~NudgeSocketGroup() {
    impl_->stopLoop();
}

std::size_t NudgeSocketGroup::add(std::string credentialFile, std::string bucket) {
    auto desk = std::make_unique<DeskSocket>();
    desk->credentialFile = std::move(credentialFile);
    desk->bucket = std::move(bucket);
    impl_->desks.push_back(std::move(desk));
    return impl_->desks.size() - 1;
}

void NudgeSocketGroup::open(std::size_t parallel) {
    Impl& impl = *impl_;
    beast::error_code ec;
    impl.addresses = tcp::resolver(impl.io).resolve(impl.endpoint.host, impl.endpoint.port, ec);
    if (ec) {
        throw stepFailure("Resolving", impl.endpoint, ec, impl.timeout);
    }
    impl.work.emplace(impl.io.get_executor());
    impl.loop = std::thread([&impl] { impl.io.run(); });
    asio::post(impl.io, [&impl, parallel] {
        for (std::size_t i = 0; i < std::max<std::size_t>(parallel, 1); ++i) {
            impl.startNext();
        }
    });
    std::unique_lock lock(impl.mutex);
    impl.changed.wait(lock, [&impl] { return impl.settled == impl.desks.size(); });
}

std::vector<NudgeSocketReport> NudgeSocketGroup::reports() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<NudgeSocketReport> reports;
    reports.reserve(impl_->desks.size());
    for (const auto& desk : impl_->desks) {
        reports.push_back(desk->report);
    }
    return reports;
}

void NudgeSocketGroup::close() {
    Impl& impl = *impl_;
    if (!impl.loop.joinable()) {
        return;
    }
    asio::post(impl.io, [&impl] { impl.sendCloses(); });
    {
        std::unique_lock lock(impl.mutex);
        impl.changed.wait_for(lock, impl.timeout, [&impl] {
            return impl.closesIssued && impl.closesDone == impl.closesSent;
        });
    }
    impl.stopLoop();
    std::lock_guard lock(impl.mutex);
    for (auto& desk : impl.desks) {
        desk->report.open = false;
    }
}

}  // namespace kep::net
