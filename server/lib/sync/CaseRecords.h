// Reading the server's cases outside sync (issue 7): by id, by protocol number, and the cases a
// competent authority holds — from the sync tables, which are the one truth about a case.
#pragma once

#include "db/Database.h"
#include "shared/cases/CaseHistory.h"
#include "shared/cases/CaseStatus.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::sync {

// A case as the server holds it now: its fields' current values (docs/api.md, "Case fields").
struct CaseRecord {
    std::string id;
    std::string officeCode;  // from the bucket "office:<code>"
    std::int64_t version = 0;
    kep::cases::CaseStatus status = kep::cases::CaseStatus::Draft;
    std::map<std::string, std::string> fields;

    // The field's value, or "" when the case has none.
    const std::string& field(std::string_view name) const;
};

// The caller serialises use of `db` (ServerStore's mutex, or a connection of its own). Throws
// kep::db::Error on a database fault.
std::optional<CaseRecord> findCase(kep::db::Database& db, std::string_view caseId);
std::optional<CaseRecord> findCaseByProtocol(kep::db::Database& db,
                                             std::string_view protocolNumber);

// The cases that reached `authorityId` (forwarded and after), optionally in one status, newest
// change first; at most `limit` (1..500). The index sync_entity_authority answers it.
std::vector<CaseRecord> casesOfAuthority(kep::db::Database& db, std::string_view authorityId,
                                         std::optional<kep::cases::CaseStatus> status, int limit);

// The case's status history, oldest first.
std::vector<kep::cases::HistoryEntry> caseHistory(kep::db::Database& db, std::string_view caseId);

}  // namespace kep::server::sync
