#include "audit/DeskAuditTrail.h"

#include "Clock.h"
#include "shared/cases/Actor.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/UtcTime.h"

#include <chrono>

namespace kep::desk::audit {

DeskAuditTrail::DeskAuditTrail(kep::db::Database& db, const kep::desk::Clock& clock,
                               std::string deviceId)
    : outbox_(db)
    , clock_(clock)
    , deviceId_(std::move(deviceId)) {}

void DeskAuditTrail::signedIn(AuditActor actor) {
    // Only the roles that work at an office's desk: the server refuses any other entry.
    if (actor.officeCode.empty() || !kep::cases::actorRoleFromString(actor.role)) {
        signedOut();
        return;
    }
    actor_ = std::move(actor);
    lastSearch_.clear();
}

void DeskAuditTrail::signedOut() {
    actor_.reset();
    lastSearch_.clear();
}

bool DeskAuditTrail::caseOpened(std::string_view caseId) {
    return record("case.read", "case", std::string{caseId});
}

bool DeskAuditTrail::receiptPrinted(std::string_view caseId, bool reprint) {
    return record(reprint ? "case.receipt_reprint" : "case.receipt_print", "case",
                  std::string{caseId});
}

bool DeskAuditTrail::attachmentOpened(std::string_view attachmentId) {
    return record("attachment.read", "attachment", std::string{attachmentId});
}

bool DeskAuditTrail::citizenSearched(std::string_view typed) {
    const bool identifier = (typed.size() == 9 && kep::domain::validateAfm(typed).ok()) ||
                            (typed.size() == 11 && kep::domain::validateAmka(typed).ok());
    if (!identifier || typed == lastSearch_) {
        return false;
    }
    if (!record("citizen.search", "search", ids_.next().toString())) {
        return false;
    }
    lastSearch_ = typed;
    return true;
}

bool DeskAuditTrail::record(std::string action, std::string recordType, std::string recordId) {
    if (!actor_ || recordId.empty()) {
        return false;
    }
    const auto at = std::chrono::system_clock::time_point{
        std::chrono::milliseconds{clock_.now().toMSecsSinceEpoch()}};
    kep::audit::AuditEntry entry{ids_.next().toString(),
                                 kep::domain::toUtcTextMillis(at),
                                 "user",
                                 actor_->userId,
                                 actor_->role,
                                 actor_->officeCode,
                                 deviceId_,
                                 std::move(action),
                                 std::move(recordType),
                                 std::move(recordId),
                                 "counter_service",
                                 "ok"};
    // An id the log does not allow (not one this desk makes) is left out, not sent to be refused.
    if (kep::audit::problemWith(entry)) {
        return false;
    }
    outbox_.add(entry);
    return true;
}

}  // namespace kep::desk::audit
