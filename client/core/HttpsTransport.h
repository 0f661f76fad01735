// The production ServerTransport and ServerEventStream: shared/net's HttpsClient and
// WebSocketClient, verifying the server against the CA file from the settings and presenting
// the workstation's certificate once it is enrolled.
#pragma once

#include "ServerEvents.h"
#include "ServerTransport.h"

namespace kep::desk {

struct ServerAddress {
    QString url;     // https://host:port
    QString caFile;  // PEM the server's certificate must chain to
    // The workstation credential. Presented when both files exist as a transport is created
    // (the server link makes a new one after enrolment); before that, public routes only.
    QString clientCertFile;
    QString clientKeyFile;
};

// The factory throws TransportError (on the worker thread, when first used) for a malformed
// URL or an unreadable CA file.
TransportFactory httpsTransport(ServerAddress address);

// The server's event WebSocket (wss://…/api/v1/events) with the same trust and credential.
EventStreamFactory httpsEventStream(ServerAddress address);

}  // namespace kep::desk
