// The stores SyncService runs on over PostgreSQL (issue 10): pushes as members of one commit
// group on the process's writer connection, pulls on a few read connections of their own.
#pragma once

#include <cstddef>
#include <functional>

#include "storage/pg/PgConnection.h"
#include "sync/PgCommitGroup.h"
#include "sync/SyncService.h"

namespace kep::server::sync {

// Pulls are two short reads each; a few connections keep them off the writer's, and the
// primary's connection slots are shared by every kep-server process.
inline constexpr std::size_t kPullConnections = 4;

// `connect` opens a read connection (the DSN's, or a test schema's); it is called the first time
// that many pulls run at once. The group must outlive the service.
SyncService::Stores pgSyncStores(PgCommitGroup& group,
                                 std::function<kep::server::pg::Connection()> connect,
                                 std::size_t pullConnections = kPullConnections);

}  // namespace kep::server::sync
