// `kep-server stats --data DIR`: how many cases the server holds, by office and status, as JSON
// read straight from kep.db — read-only, so it runs beside a serving kep-server.
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/Database.h"

namespace kep::server::cli {

struct OfficeCaseCounts {
    std::string bucket;      // "office:0101"
    std::string officeCode;  // "0101" ("" for a bucket that is not an office's)
    std::string officeName;  // from the offices table; "" when the office is not registered
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> byStatus;  // status code → cases
};

struct CaseCounts {
    std::int64_t total = 0;
    std::vector<OfficeCaseCounts> offices;  // by bucket
};

// The committed cases of the sync store (sync_entity); none in a database older than it.
CaseCounts countCases(kep::db::Database& db);

// {"cases": N, "offices": [{"bucket", "office", "name", "cases", "by_status": {…}}, …]}
std::string caseCountsJson(const CaseCounts& counts);

bool isStatsCommand(std::string_view name);  // "stats"
// `arguments` starts with "stats". Prints the JSON and a newline on `out`; returns 0, 2 for a
// usage error (reason and statsUsage() on `err`), 3 when the data folder cannot be read.
int runStatsCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                        std::ostream& err);
std::string statsUsage();

}  // namespace kep::server::cli
