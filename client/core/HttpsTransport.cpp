#include "HttpsTransport.h"

#include "net/HttpsClient.h"

#include <QFile>

#include <chrono>

namespace kep::desk {

namespace {

class HttpsTransport : public ServerTransport {
public:
    explicit HttpsTransport(const ServerAddress& address)
        : client_(net::Endpoint::fromUrl(address.url.toStdString()), tlsFor(address),
                  std::chrono::seconds(10)) {}

    HttpReply send(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
                   const QByteArray& bearerToken) override {
        std::vector<std::pair<std::string, std::string>> headers;
        if (!bearerToken.isEmpty()) {
            headers.emplace_back("Authorization", "Bearer " + bearerToken.toStdString());
        }
        try {
            const net::Response response =
                client_.request(method.toStdString(), target.toStdString(), jsonBody.toStdString(),
                                "application/json", headers);
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
    // The default serverName makes the client check the URL's own host (name or IP address).
    static net::TlsOptions tlsFor(const ServerAddress& address) {
        net::TlsOptions tls;
        tls.caFile = address.caFile.toStdString();
        if (!address.clientCertFile.isEmpty() && !address.clientKeyFile.isEmpty() &&
            QFile::exists(address.clientCertFile) && QFile::exists(address.clientKeyFile)) {
            tls.clientCertFile = QFile::encodeName(address.clientCertFile).toStdString();
            tls.clientKeyFile = QFile::encodeName(address.clientKeyFile).toStdString();
        }
        return tls;
    }

    net::HttpsClient client_;
};

}  // namespace

TransportFactory httpsTransport(ServerAddress address) {
    return [address]() -> std::unique_ptr<ServerTransport> {
        // Faults of the settings (bad URL, unreadable CA file) surface here, on first use, and
        // reach the UI as "server unreachable" with the reason.
        try {
            return std::make_unique<HttpsTransport>(address);
        } catch (const net::NetworkError& e) {
            throw TransportError(e.what());
        } catch (const std::invalid_argument& e) {
            throw TransportError(std::string("invalid server settings: ") + e.what());
        }
    };
}

}  // namespace kep::desk
