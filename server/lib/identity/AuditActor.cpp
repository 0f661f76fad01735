#include "identity/AuditActor.h"

#include "audit/AuditLog.h"

#include "shared/domain/UtcTime.h"
#include "shared/domain/Uuid.h"

#include <chrono>

namespace kep::server::identity {

std::string_view purposeOf(auth::Role role) {
    switch (role) {
        case auth::Role::Clerk:
            return "counter_service";
        case auth::Role::Manager:
            return "approval";
        case auth::Role::CentralAdmin:
        case auth::Role::It:
            return "administration";
        case auth::Role::Authority:
        case auth::Role::AuthoritySystem:
            return "authority_processing";
        case auth::Role::GovChannel:
        case auth::Role::EuGoChannel:
            return "online_application";
        case auth::Role::Any:
            break;
    }
    return "sync";
}

AuditActor actorOf(const auth::Principal& principal, const http::Caller& caller) {
    AuditActor actor;
    actor.workstation = caller.deviceId;
    switch (principal.kind) {
        case auth::PrincipalKind::User:
            actor.kind = "user";
            actor.id = principal.userId;
            actor.role = auth::toString(principal.role);
            // A central user has no office: the entry names the workstation's.
            actor.office =
                principal.officeCode.empty() ? caller.workstation.officeCode : principal.officeCode;
            actor.purpose = purposeOf(principal.role);
            break;
        case auth::PrincipalKind::ApiKey:
            actor.kind = "api_key";
            actor.id = caller.systemKeyId;
            actor.role = auth::toString(principal.role);
            actor.purpose = purposeOf(principal.role);
            break;
        case auth::PrincipalKind::Workstation:
            actor.kind = "device";
            actor.id = caller.deviceId;
            actor.office = principal.officeCode;
            actor.purpose = purposeOf(auth::Role::Any);
            break;
        case auth::PrincipalKind::AdminTool:
            actor.kind = "admin_tool";
            actor.id = caller.certificateFingerprint;
            actor.purpose = "administration";
            break;
    }
    return actor;
}

AuditActor actorOf(const http::Caller& caller) {
    if (caller.user) {
        return actorOf(*caller.user, caller);
    }
    if (caller.system) {
        return actorOf(*caller.system, caller);
    }
    return actorOf(caller.workstation, caller);
}

AuditActor adminCommandActor() {
    return {"admin_tool", "kep-server", "", "", "", "administration"};
}

AuditActor serverActor(std::string_view part, std::string_view purpose) {
    return {"server", "server:" + std::string(part), "", "", "", std::string(purpose)};
}

kep::audit::AuditEntry auditEntry(const AuditActor& actor, std::string_view action,
                                  std::string_view recordType, std::string_view recordId,
                                  std::string_view outcome) {
    return {kep::domain::newUuidV7().toString(),
            kep::domain::toUtcTextMillis(std::chrono::system_clock::now()),
            actor.kind,
            actor.id,
            actor.role,
            actor.office,
            actor.workstation,
            std::string(action),
            std::string(recordType),
            std::string(recordId),
            actor.purpose,
            std::string(outcome)};
}

void auditChange(kep::db::Database& db, const AuditActor& by, std::string_view action,
                 std::string_view recordType, std::string_view recordId) {
    const auto entry = auditEntry(by, action, recordType, recordId, "applied");
    audit::AuditLog(db).append({&entry, 1});
}

}  // namespace kep::server::identity
