// The production SyncConnector: shared/net's HTTPS sync transport and the /api/v1/sync/ws nudge
// channel, trusting the server's CA and presenting the workstation's certificate.
#pragma once

#include "HttpsTransport.h"
#include "sync/SyncConnector.h"

#include <chrono>

namespace kep::desk::sync {

// `timeout` bounds each step of an exchange, and so how long quitting the desk can wait for
// the one in flight. Faults of the settings (bad URL, unreadable CA file) are thrown by the
// factories, on the sync threads, as std::exception.
SyncConnector httpsSyncConnector(ServerAddress address,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace kep::desk::sync
