// kep-server's registry work as background jobs (`serve --registry-url`): queuing a filed case's
// requests from the change log, and — when a registry gateway is configured — sending them.
#pragma once

#include "attachments/AttachmentStore.h"
#include "jobs/BackgroundJobs.h"
#include "log/Logger.h"
#include "registry/RegistrySettings.h"
#include "sync/SyncService.h"

#include <memory>
#include <string>

namespace kep::server::registry {

// Adds the jobs "registry_queue" and, if `settings.configured()`, "registry_send" to `jobs`
// (before jobs.start()). They open a connection of their own to `databasePath`; `service`,
// `log` and `attachments` must outlive `jobs`. Without a gateway, requests are queued and wait
// for a server started with one. Throws for a gateway URL or CA file that cannot be used.
void addRegistryJobs(jobs::BackgroundJobs& jobs, const RegistrySettings& settings,
                     const std::string& databasePath, sync::SyncService& service,
                     std::shared_ptr<attachments::AttachmentStore> attachments,
                     kep::log::Logger& log);

}  // namespace kep::server::registry
