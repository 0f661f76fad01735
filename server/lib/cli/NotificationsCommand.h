// `kep-server notifications --data DIR`: the citizens' notifications in the outbox by state, as
// JSON, for support — read-only, so it runs beside a serving kep-server.
#pragma once

#include "notify/NotificationOutbox.h"

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace kep::server::cli {

// {"queued": N, "sent": N, "failed": N}
std::string notificationCountsJson(const kep::server::notify::OutboxCounts& counts);

bool isNotificationsCommand(std::string_view name);  // "notifications"
// `arguments` starts with "notifications". Prints the JSON and a newline on `out`; returns 0, 2
// for a usage error (reason and notificationsUsage() on `err`), 3 when the data folder cannot be
// read.
int runNotificationsCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                                std::ostream& err);
std::string notificationsUsage();

}  // namespace kep::server::cli
