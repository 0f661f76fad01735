// The cases of one citizen, found by ΑΦΜ in the case's `citizen` field (the applicant, not a
// representative): what erasure checks and purges, and what the Art. 15 export gathers.
#pragma once

#include "db/Database.h"
#include "privacy/RetentionRules.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::privacy {

struct CitizenCase {
    std::string caseId;
    std::string officeCode;
    std::string procedureId;
    std::string status;
    std::optional<std::int64_t> closedAtMs;  // set for a terminal status
};

// Scans the cases' citizen JSON (no index holds an ΑΦΜ: none should); purged cases no longer
// name anyone and are not found. Oldest first (case ids are UUIDv7).
std::vector<CitizenCase> casesOfCitizen(kep::db::Database& db, std::string_view taxId);

// Why a case may not be erased now, or nullopt: "open" (not in a terminal status) or
// "retention" (closed less than its procedure's keep_at_least_years ago).
std::optional<std::string> erasureBlock(kep::db::Database& db, const CitizenCase& c,
                                        const RetentionSettings& settings,
                                        std::chrono::system_clock::time_point now);

}  // namespace kep::server::privacy
