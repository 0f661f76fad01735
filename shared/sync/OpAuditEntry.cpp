#include "shared/sync/OpAuditEntry.h"

#include <chrono>

#include "shared/domain/UtcTime.h"

namespace kep::sync {

namespace {

constexpr std::string_view kOfficePrefix = "office:";

// Systems acting through their API keys (an authority's system, gov.gr): not a signed-in person.
std::string_view actorKindOf(cases::ActorRole role) {
    return role == cases::ActorRole::AuthoritySystem || role == cases::ActorRole::GovChannel
               ? "api_key"
               : "user";
}

std::string_view officeOfBucket(std::string_view bucket) {
    return bucket.starts_with(kOfficePrefix) ? bucket.substr(kOfficePrefix.size())
                                             : std::string_view{};
}

}  // namespace

std::string_view purposeOf(const OutboxOp& op) {
    switch (op.actor.role) {
        case cases::ActorRole::Clerk:
            return "counter_service";
        case cases::ActorRole::Manager:
            return op.kind == OpKind::Transition ? "approval" : "counter_service";
        case cases::ActorRole::CentralAdmin:
            return "administration";
        case cases::ActorRole::Authority:
        case cases::ActorRole::AuthoritySystem:
            return "authority_processing";
        case cases::ActorRole::GovChannel:
            return "online_application";
    }
    return "counter_service";
}

audit::AuditEntry auditEntryFor(const OutboxOp& op, OpOutcome outcome, std::int64_t atMs) {
    audit::AuditEntry entry;
    entry.entryId = op.opId.toString();
    entry.at = domain::toUtcTextMillis(
        std::chrono::system_clock::time_point{std::chrono::milliseconds{atMs}});
    entry.actorKind = actorKindOf(op.actor.role);
    entry.actorId = op.actor.id;
    entry.role = cases::toString(op.actor.role);
    entry.office = officeOfBucket(op.bucket);
    entry.workstation = op.deviceId;
    entry.action = op.entity.type;
    entry.action += '.';
    entry.action += toString(op.kind);
    entry.recordType = op.entity.type;
    entry.recordId = op.entity.id;
    entry.purpose = purposeOf(op);
    entry.outcome = toString(outcome);
    return entry;
}

}  // namespace kep::sync
