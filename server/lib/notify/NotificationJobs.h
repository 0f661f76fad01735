// The notifications' two background jobs as `kep-server serve` runs them: one queues messages
// from the case change log, the other delivers them through the configured sender.
#pragma once

#include "jobs/BackgroundJobs.h"
#include "log/Logger.h"
#include "notify/NotifySettings.h"

#include <optional>
#include <string>

namespace kep::server::notify {

// The follower's cursor name in change_follower.
inline constexpr std::string_view kFollowerName = "notifications";

// Adds the jobs "notify-queue" and "notify-send" (the latter only with a sender configured; with
// none, messages stay queued and the log says so once) to `jobs`, before jobs.start(). They
// share one connection of their own to `databasePath`. The queueing follower starts at the end
// of the log the first time, so that an upgrade does not notify about cases from before it.
// Throws when the sender cannot be set up (an unreadable token or CA file, a bad URL), so that
// the server does not start with a configuration that would never deliver. `logger` outlives
// `jobs`.
// Returns the sender's kind ("file", "webhook"), or nullopt when none is configured: the caller
// logs it once the server is listening (a server that cannot bind its port says only that).
std::optional<std::string> addNotificationJobs(kep::server::jobs::BackgroundJobs& jobs,
                                               const std::string& databasePath,
                                               const NotifySettings& settings,
                                               kep::log::Logger& logger);

}  // namespace kep::server::notify
