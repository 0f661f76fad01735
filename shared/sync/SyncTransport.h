// How the sync engine reaches the server: push and pull as blocking calls that return a response
// or an error. The simulation's faulty network implements it; the real one is HTTPS (shared/net).
#pragma once

#include <string>
#include <variant>

#include "shared/sync/SyncMessages.h"

namespace kep::sync {

struct TransportError {
    enum class Kind {
        Unreachable,  // no connection (offline, DNS, TLS handshake, reset)
        Timeout,      // sent, no answer in time: the server may or may not have applied it
        Refused,      // 4xx: the server will not do this (401 device, 403 bucket, 400 request)
        ServerError,  // 5xx: the server failed (e.g. its store could not commit)
        BadResponse,  // an answer that does not decode (SyncProtocol's error message)
    };
    Kind kind = Kind::Unreachable;
    std::string message;  // for the sync panel and the log: no personal data
};

template <typename Response>
using TransportResult = std::variant<Response, TransportError>;

// Contract for implementations:
//   - The real transport POSTs encode(PushRequest) to /api/v1/sync/push and GETs
//     /api/v1/sync/pull?bucket=…&cursor=…&limit=…, decoding the answers with SyncProtocol; it
//     runs on the desk's sync thread (or one of kep-loadgen's), never on the UI thread.
//   - Every failure is returned as a TransportError, never thrown; a call returns within the
//     transport's own timeout.
//   - A PushResponse is returned only when the server sent one, which it does only after its
//     commit: an error tells nothing about whether the ops were applied, and the engine simply
//     sends them again (the server answers repeats with their stored results).
class SyncTransport {
public:
    virtual ~SyncTransport() = default;
    virtual TransportResult<PushResponse> push(const PushRequest& request) = 0;
    virtual TransportResult<PullResponse> pull(const PullRequest& request) = 0;
};

}  // namespace kep::sync
