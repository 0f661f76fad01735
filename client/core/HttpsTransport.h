// The production ServerTransport and ServerEventStream: shared/net's HttpsClient and
// WebSocketClient, verifying the server against the CA file from the settings and presenting
// the workstation's certificate once it is enrolled.
#pragma once

#include "ServerEvents.h"
#include "ServerTransport.h"

#include <QByteArray>

#include <functional>

namespace kep::net {
struct TlsOptions;
}

namespace kep::desk {

struct ServerAddress {
    QString url;     // https://host:port
    QString caFile;  // PEM the server's certificate must chain to
    // The workstation credential. Presented when both files exist as a transport is created
    // (the server link makes a new one after enrolment); before that, public routes only.
    QString clientCertFile;
    QString clientKeyFile;
    // Instead of clientKeyFile when the key is in the OS key store: asked for the PEM as each
    // transport is created (WorkstationCredential::tlsKeySource()); an empty PEM: not yet.
    std::function<QByteArray()> clientKeyPem = {};
};

// shared/net's TLS options for the address: its CA, and the workstation's certificate with its
// key (from the file or the key store) once both exist.
net::TlsOptions tlsOptionsFor(const ServerAddress& address);

// The factory throws TransportError (on the worker thread, when first used) for a malformed
// URL or an unreadable CA file.
TransportFactory httpsTransport(ServerAddress address);

// The server's event WebSocket (wss://…/api/v1/events) with the same trust and credential.
EventStreamFactory httpsEventStream(ServerAddress address);

}  // namespace kep::desk
