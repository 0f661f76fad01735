#include "privacy/CitizenErasure.h"

#include "audit/AuditLog.h"

#include <filesystem>

namespace kep::server::privacy {

audit::CitizenRef citizenRefsOf(const std::string& dataDir) {
    const auto folder = std::filesystem::path{dataDir} / "audit";
    std::filesystem::create_directories(folder);
    return audit::CitizenRef::loadOrCreate(folder / "citizen-ref.key");
}

ErasureOutcome eraseCitizen(const std::string& database, const std::string& dataDir,
                            const std::string& taxId, const std::string& reason,
                            const PrivacyActor& actor, const RetentionSettings& settings,
                            const audit::CitizenRef& refs,
                            std::chrono::system_clock::time_point now) {
    PurgeConnection connection(database);
    auto& db = connection.database();
    ErasureOutcome outcome;
    const auto cases = casesOfCitizen(db, taxId);
    for (const auto& c : cases) {
        if (auto why = erasureBlock(db, c, settings, now)) {
            outcome.blocked.push_back({c.caseId, std::move(*why)});
        }
    }
    const auto citizen = refs.of(taxId);
    if (outcome.refused()) {
        const auto entry =
            auditEntry(actor, "citizen.erase", "citizen", citizen, reason, now, "denied");
        kep::db::Transaction tx(db);
        audit::AuditLog(db).append({&entry, 1});
        tx.commit();
        return outcome;
    }
    for (const auto& c : cases) {
        outcome.erased.push_back(c.caseId);
    }
    const auto entry = auditEntry(actor, "citizen.erase", "citizen", citizen, reason, now);
    CasePurge purge(connection, dataDir);
    outcome.purge = purge.purge(outcome.erased, PurgeReason::Erasure, actor, now, {&entry, 1});
    purge.eraseFreedSpace();
    return outcome;
}

}  // namespace kep::server::privacy
