#include "metrics/OfficeSyncLag.h"

#include "storage/PortableSql.h"

#include <algorithm>

namespace kep::server::metrics {

std::vector<OfficeSync> latestSyncByOffice(kep::db::Database& db) {
    auto select =
        db.prepare("SELECT o.code, max(" +
                   storage::greaterOf(db.dialect(), "coalesce(s.pushed_at_ms, 0)",
                                      "coalesce(s.pulled_at_ms, 0)") +
                   "), count(*) FROM stats_desk_sync s JOIN devices d ON d.id = s.device_id "
                   "JOIN offices o ON o.id = d.office_id "
                   "WHERE d.revoked_at IS NULL GROUP BY o.code ORDER BY o.code");
    std::vector<OfficeSync> offices;
    while (select.step()) {
        offices.push_back({select.text(0), select.int64(1), select.int64(2)});
    }
    return offices;
}

void writeOfficeSync(Exposition& out, const std::vector<OfficeSync>& offices, std::int64_t nowMs) {
    out.family("kep_office_last_sync_timestamp_seconds", "gauge",
               "When a desk of the office last pushed or pulled (Unix time).");
    for (const auto& office : offices) {
        out.sample("kep_office_last_sync_timestamp_seconds", {{"office", office.officeCode}},
                   static_cast<double>(office.lastSyncMs) / 1000.0);
    }
    out.family("kep_office_sync_lag_seconds", "gauge",
               "Seconds since any desk of the office last pushed or pulled: how far the server "
               "may be behind the office's counters.");
    for (const auto& office : offices) {
        out.sample(
            "kep_office_sync_lag_seconds", {{"office", office.officeCode}},
            static_cast<double>(std::max<std::int64_t>(0, nowMs - office.lastSyncMs)) / 1000.0);
    }
}

}  // namespace kep::server::metrics
