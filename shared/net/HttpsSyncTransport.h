// The sync engine's transport over HTTPS (shared/sync/SyncTransport.h): push and pull as
// requests to kep-server's sync routes on one keep-alive HttpsClient, every failure a value.
#pragma once

#include "net/HttpsClient.h"
#include "shared/sync/SyncProtocol.h"
#include "shared/sync/SyncTransport.h"

namespace kep::net {

// POST /api/v1/sync/push with encode(PushRequest); GET /api/v1/sync/pull?protocol=&bucket=
// &cursor=&limit=. The workstation certificate the client presents is the device's identity.
//
// Every failure is a TransportError, never an exception:
//   - no connection, TLS failure, a reset: Unreachable (nothing or not all of it was sent);
//   - sent and no answer within the client's timeout: Timeout;
//   - 4xx: Refused, 5xx: ServerError, both with the server's error code and message;
//   - a 2xx body that does not decode, or answers another bucket: BadResponse.
// Runs on the thread that owns `client` (the desk's sync thread, a kep-loadgen worker).
class HttpsSyncTransport final : public kep::sync::SyncTransport {
public:
    explicit HttpsSyncTransport(HttpsClient& client, kep::sync::ProtocolLimits limits = {})
        : client_(client)
        , limits_(limits) {}

    kep::sync::TransportResult<kep::sync::PushResponse> push(
        const kep::sync::PushRequest& request) override;
    kep::sync::TransportResult<kep::sync::PullResponse> pull(
        const kep::sync::PullRequest& request) override;

    // The request target of a pull, as sent.
    static std::string pullTarget(const kep::sync::PullRequest& request);

private:
    HttpsClient& client_;
    kep::sync::ProtocolLimits limits_;
};

}  // namespace kep::net
