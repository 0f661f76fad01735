#include "HttpsTransport.h"

#include "net/HttpsClient.h"

#include <QFile>

#include <chrono>

namespace kep::desk {

// The default serverName makes the client check the URL's own host (name or IP address).
net::TlsOptions tlsOptionsFor(const ServerAddress& address) {
    net::TlsOptions tls;
    tls.caFile = QFile::encodeName(address.caFile).toStdString();
    if (address.clientCertFile.isEmpty() || !QFile::exists(address.clientCertFile)) {
        return tls;
    }
    if (address.clientKeyPem) {
        const QByteArray pem = address.clientKeyPem();
        if (!pem.isEmpty()) {
            tls.clientCertFile = QFile::encodeName(address.clientCertFile).toStdString();
            tls.clientKeyPem = pem.toStdString();
        }
    } else if (!address.clientKeyFile.isEmpty() && QFile::exists(address.clientKeyFile)) {
        tls.clientCertFile = QFile::encodeName(address.clientCertFile).toStdString();
        tls.clientKeyFile = QFile::encodeName(address.clientKeyFile).toStdString();
    }
    return tls;
}

namespace {

class HttpsTransport : public ServerTransport {
public:
    explicit HttpsTransport(const ServerAddress& address)
        : client_(net::Endpoint::fromUrl(address.url.toStdString()), tlsOptionsFor(address),
                  std::chrono::seconds(10)) {}

    HttpReply send(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
                   const QByteArray& bearerToken) override {
        return sendContent(method, target, jsonBody, "application/json", bearerToken);
    }

    HttpReply sendContent(const QByteArray& method, const QByteArray& target,
                          const QByteArray& body, const QByteArray& contentType,
                          const QByteArray& bearerToken) override {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!bearerToken.isEmpty()) {
            headers.emplace_back("Authorization", "Bearer " + bearerToken.toStdString());
        }
        try {
            const net::Response response =
                client_.request(method.toStdString(), target.toStdString(), body.toStdString(),
                                contentType.toStdString(), headers);
            HttpReply reply;
            reply.status = response.status;
            reply.body = QByteArray::fromStdString(response.body);
            for (const auto& [name, value] : response.headers) {
                if (QByteArray::fromStdString(name).compare("Retry-After", Qt::CaseInsensitive) ==
                    0) {
                    reply.retryAfter = QByteArray::fromStdString(value);
                }
            }
            return reply;
        } catch (const net::NetworkError& e) {
            throw TransportError(e.what());
        }
    }

private:
    net::HttpsClient client_;
};

class WebSocketEventStream : public ServerEventStream {
public:
    explicit WebSocketEventStream(const ServerAddress& address)
        : client_(net::Endpoint::fromUrl(address.url.toStdString()), tlsOptionsFor(address),
                  std::chrono::seconds(15)) {}

    void open() override {
        try {
            client_.connect("/api/v1/events");
        } catch (const net::NetworkError& e) {
            throw TransportError(e.what());
        }
    }

    std::optional<QByteArray> receive(std::chrono::milliseconds deadline) override {
        try {
            const auto message = client_.receive(deadline);
            if (!message) {
                return std::nullopt;
            }
            return QByteArray::fromStdString(*message);
        } catch (const net::NetworkError& e) {
            throw TransportError(e.what());
        }
    }

private:
    net::WebSocketClient client_;
};

// Faults of the settings (bad URL, unreadable CA file) surface on first use, as TransportError.
template <typename Made>
auto makeFor(const ServerAddress& address) {
    try {
        return std::make_unique<Made>(address);
    } catch (const net::NetworkError& e) {
        throw TransportError(e.what());
    } catch (const std::invalid_argument& e) {
        throw TransportError(std::string("invalid server settings: ") + e.what());
    }
}

}  // namespace

TransportFactory httpsTransport(ServerAddress address) {
    // The faults reach the UI as "server unreachable" with the reason.
    return [address]() -> std::unique_ptr<ServerTransport> {
        return makeFor<HttpsTransport>(address);
    };
}

EventStreamFactory httpsEventStream(ServerAddress address) {
    return [address]() -> std::unique_ptr<ServerEventStream> {
        return makeFor<WebSocketEventStream>(address);
    };
}

}  // namespace kep::desk
