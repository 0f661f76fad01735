#include "privacy/PrivacyActor.h"

#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"

namespace kep::server::privacy {

PrivacyActor retentionJobActor() {
    return {"server", "server:retention", {}, {}, {}};
}

PrivacyActor commandLineActor() {
    return {"admin_tool", "cli", "central_admin", {}, {}};
}

kep::audit::AuditEntry auditEntry(const PrivacyActor& actor, std::string_view action,
                                  std::string_view recordType, std::string_view recordId,
                                  std::string_view purpose,
                                  std::chrono::system_clock::time_point at,
                                  std::string_view outcome) {
    // One generator for the process: UUIDv7s from it are unique and ordered.
    static kep::domain::UuidV7Generator ids;
    kep::audit::AuditEntry entry;
    entry.entryId = ids.next().toString();
    entry.at = kep::domain::toUtcTextMillis(at);
    entry.actorKind = actor.kind;
    entry.actorId = actor.id;
    entry.role = actor.role;
    entry.office = actor.office;
    entry.workstation = actor.workstation;
    entry.action = action;
    entry.recordType = recordType;
    entry.recordId = recordId;
    entry.purpose = purpose;
    entry.outcome = outcome;
    return entry;
}

}  // namespace kep::server::privacy
