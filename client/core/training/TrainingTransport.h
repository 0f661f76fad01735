// The training desk's only way to the server: none. Every request is refused with a
// TransportError that says why, so that each network feature fails clearly instead of waiting.
#pragma once

#include "ServerTransport.h"

namespace kep::desk::training {

// What a refused request reports (English, for the log and the sync panel).
inline constexpr const char* kNoServerInTraining =
    "training mode: this desk never contacts the server";

class TrainingTransport final : public ServerTransport {
public:
    HttpReply send(const QByteArray& method, const QByteArray& target, const QByteArray& jsonBody,
                   const QByteArray& bearerToken) override;
    HttpReply sendContent(const QByteArray& method, const QByteArray& target,
                          const QByteArray& body, const QByteArray& contentType,
                          const QByteArray& bearerToken) override;
};

// For ServerLink in the training composition root, in place of httpsTransport().
TransportFactory trainingTransport();

}  // namespace kep::desk::training
