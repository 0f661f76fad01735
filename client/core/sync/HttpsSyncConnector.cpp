#include "sync/HttpsSyncConnector.h"

#include "net/HttpsClient.h"
#include "net/HttpsSyncTransport.h"
#include "net/SyncNudgeChannel.h"

namespace kep::desk::sync {

namespace {

// The transport and the client it talks through, made and used together on the sync thread.
class HttpsSyncConnection final : public kep::sync::SyncTransport {
public:
    HttpsSyncConnection(const ServerAddress& address, std::chrono::milliseconds timeout)
        : client_(net::Endpoint::fromUrl(address.url.toStdString()), tlsOptionsFor(address),
                  timeout)
        , transport_(client_) {}

    kep::sync::TransportResult<kep::sync::PushResponse> push(
        const kep::sync::PushRequest& request) override {
        return transport_.push(request);
    }
    kep::sync::TransportResult<kep::sync::PullResponse> pull(
        const kep::sync::PullRequest& request) override {
        return transport_.pull(request);
    }

private:
    net::HttpsClient client_;
    net::HttpsSyncTransport transport_;
};

class WebSocketNudges final : public NudgeChannel {
public:
    WebSocketNudges(const ServerAddress& address, std::chrono::milliseconds timeout)
        : socket_(net::Endpoint::fromUrl(address.url.toStdString()), tlsOptionsFor(address),
                  timeout)
        , channel_(socket_) {}

    void open() override { channel_.open(); }
    std::optional<kep::sync::Nudge> next(std::chrono::milliseconds deadline) override {
        return channel_.next(deadline);
    }

private:
    net::WebSocketClient socket_;
    net::SyncNudgeChannel channel_;
};

}  // namespace

SyncConnector httpsSyncConnector(ServerAddress address, std::chrono::milliseconds timeout) {
    SyncConnector connector;
    connector.transport = [address, timeout]() -> std::unique_ptr<kep::sync::SyncTransport> {
        return std::make_unique<HttpsSyncConnection>(address, timeout);
    };
    connector.nudges = [address, timeout]() -> std::unique_ptr<NudgeChannel> {
        return std::make_unique<WebSocketNudges>(address, timeout);
    };
    connector.attachments = [address, timeout] {
        return std::make_unique<net::HttpsClient>(net::Endpoint::fromUrl(address.url.toStdString()),
                                                  tlsOptionsFor(address), timeout);
    };
    return connector;
}

}  // namespace kep::desk::sync
