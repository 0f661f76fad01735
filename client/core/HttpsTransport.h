// The production ServerTransport: shared/net's HttpsClient, verifying the server against the
// CA file from the settings. The only file of the desk that includes the network client.
#pragma once

#include "ServerTransport.h"

namespace kep::desk {

struct ServerAddress {
    QString url;     // https://host:port
    QString caFile;  // PEM the server's certificate must chain to
};

// The factory throws TransportError (on the worker thread, when first used) for a malformed
// URL or an unreadable CA file.
TransportFactory httpsTransport(ServerAddress address);

}  // namespace kep::desk
