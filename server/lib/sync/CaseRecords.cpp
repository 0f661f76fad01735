#include "sync/CaseRecords.h"

#include "shared/sync/SyncServerCore.h"
#include "sync/SyncRowJson.h"

#include <algorithm>
#include <chrono>

namespace kep::server::sync {

namespace {

constexpr std::string_view kOfficePrefix = "office:";

// Columns: entity_id, bucket, version, status, state.
CaseRecord readCase(kep::db::Statement& select) {
    CaseRecord record;
    record.id = select.text(0);
    const std::string bucket = select.text(1);
    if (bucket.starts_with(kOfficePrefix)) {
        record.officeCode = bucket.substr(kOfficePrefix.size());
    }
    record.version = select.int64(2);
    record.status =
        kep::cases::caseStatusFromString(select.text(3)).value_or(kep::cases::CaseStatus::Draft);
    for (auto& [name, state] : decodeEntityState(select.text(4))) {
        record.fields.emplace(name, std::move(state.value));
    }
    return record;
}

constexpr std::string_view kCaseColumns =
    "SELECT entity_id, bucket, version, coalesce(status, 'draft'), state FROM sync_entity ";

std::optional<CaseRecord> single(kep::db::Statement select) {
    if (!select.step()) {
        return std::nullopt;
    }
    return readCase(select);
}

}  // namespace

const std::string& CaseRecord::field(std::string_view name) const {
    static const std::string none;
    const auto it = fields.find(std::string{name});
    return it == fields.end() ? none : it->second;
}

std::optional<CaseRecord> findCase(kep::db::Database& db, std::string_view caseId) {
    auto select =
        db.prepare(std::string{kCaseColumns} + "WHERE entity_type = 'case' AND entity_id = ?1");
    select.bind(1, caseId);
    return single(std::move(select));
}

std::optional<CaseRecord> findCaseByProtocol(kep::db::Database& db,
                                             std::string_view protocolNumber) {
    auto select = db.prepare(std::string{kCaseColumns} +
                             "WHERE protocol_number = ?1 AND entity_type = 'case' "
                             "ORDER BY entity_no LIMIT 1");
    select.bind(1, protocolNumber);
    return single(std::move(select));
}

std::vector<CaseRecord> casesOfAuthority(kep::db::Database& db, std::string_view authorityId,
                                         std::optional<kep::cases::CaseStatus> status, int limit) {
    auto select = db.prepare(std::string{kCaseColumns} +
                             "WHERE authority_id = ?1 AND (?2 IS NULL OR status = ?2) "
                             "ORDER BY entity_no DESC LIMIT ?3");
    select.bind(1, authorityId);
    select.bind(2, status ? std::optional<std::string>{std::string{kep::cases::toString(*status)}}
                          : std::nullopt);
    select.bind(3, std::clamp(limit, 1, 500));
    std::vector<CaseRecord> out;
    while (select.step()) {
        out.push_back(readCase(select));
    }
    return out;
}

std::vector<kep::cases::HistoryEntry> caseHistory(kep::db::Database& db, std::string_view caseId) {
    auto select = db.prepare(
        "SELECT from_status, to_status, actor_id, actor_role, at_ms, reason "
        "FROM sync_case_history WHERE entity_type = 'case' AND entity_id = ?1 ORDER BY entry_no");
    select.bind(1, caseId);
    std::vector<kep::cases::HistoryEntry> out;
    while (select.step()) {
        kep::cases::HistoryEntry entry;
        entry.from = kep::cases::caseStatusFromString(select.text(0))
                         .value_or(kep::cases::CaseStatus::Draft);
        entry.to = kep::cases::caseStatusFromString(select.text(1))
                       .value_or(kep::cases::CaseStatus::Draft);
        entry.actorId = select.text(2);
        entry.role =
            kep::cases::actorRoleFromString(select.text(3)).value_or(kep::cases::ActorRole::Clerk);
        entry.at = kep::cases::Instant{std::chrono::milliseconds{select.int64(4)}};
        entry.reason = select.text(5);
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace kep::server::sync
