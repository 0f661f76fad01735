// The sync lag of each office as its desks report it: how long since any desk of the office last
// pushed or pulled (stats_desk_sync, kept by the stats job from DeskActivity), for /metrics.
#pragma once

#include "db/Database.h"
#include "metrics/Exposition.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kep::server::metrics {

struct OfficeSync {
    std::string officeCode;
    std::int64_t lastSyncMs = 0;  // the newest push or pull of the office's enrolled desks
    std::int64_t desks = 0;       // desks of the office that have synced at least once
};

// One query on a read connection; offices whose desks never synced are left out.
std::vector<OfficeSync> latestSyncByOffice(kep::db::Database& db);

// kep_office_last_sync_timestamp_seconds and kep_office_sync_lag_seconds, per office.
void writeOfficeSync(Exposition& out, const std::vector<OfficeSync>& offices, std::int64_t nowMs);

}  // namespace kep::server::metrics
