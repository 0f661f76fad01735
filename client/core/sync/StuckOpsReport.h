// The export of outbox entries needing attention for support: what an op was and what the server
// said of it (ids, sequence numbers, kinds, reasons, times), never the values it carried.
#pragma once

#include "shared/sync/OutboxStore.h"

#include <QByteArray>

#include <string>
#include <vector>

namespace kep::desk::sync {

// One JSON document: {"device", "exported_at", "ops": [{"op_id", "device_seq", "kind",
// "entity_type", "entity_id", "state", "reason", "queued_at", "hlc", "base_version",
// "server_version"?}]}. Times are ISO 8601 UTC. Field values, the actor and the op's own reason
// text are left out: they may name or describe a citizen.
QByteArray stuckOpsReport(const std::string& deviceId,
                          const std::vector<kep::sync::OutboxEntry>& entries,
                          kep::sync::Instant exportedAt);

}  // namespace kep::desk::sync
