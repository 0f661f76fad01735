// The one seam between the desk's server link and the network: a blocking request/response
// call, implemented over shared/net's HttpsClient in production and by fakes in tests.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <stdexcept>

namespace kep::desk {

struct HttpReply {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;  // the Retry-After header, empty if absent
};

// No HTTP answer at all: resolve, connect, TLS, time-out. The text names the fault, not a user.
class TransportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ServerTransport {
public:
    virtual ~ServerTransport() = default;
    // Blocking; called on the server link's worker thread only. Throws TransportError.
    virtual HttpReply send(const QByteArray& method, const QByteArray& target,
                           const QByteArray& jsonBody, const QByteArray& bearerToken) = 0;
    // A body of another media type (an authority's result PDF). A transport that only speaks
    // JSON (a test's scripted server) takes it through send().
    virtual HttpReply sendContent(const QByteArray& method, const QByteArray& target,
                                  const QByteArray& body, const QByteArray& contentType,
                                  const QByteArray& bearerToken) {
        Q_UNUSED(contentType);
        return send(method, target, body, bearerToken);
    }
};

// Called on the worker thread, so that a transport with thread affinity (HttpsClient: one
// instance per thread) is created where it is used.
using TransportFactory = std::function<std::unique_ptr<ServerTransport>()>;

}  // namespace kep::desk
