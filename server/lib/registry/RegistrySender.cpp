#include "registry/RegistrySender.h"

#include "audit/AuditLog.h"
#include "identity/AuditActor.h"
#include "registry/RegistryWire.h"
#include "shared/cases/CaseFields.h"
#include "sync/CaseRecords.h"

#include <boost/json.hpp>

namespace kep::server::registry {

namespace {

// The identifier registries look a citizen up by, from the case field "citizen"; "" if absent.
std::string citizenIdentifier(const boost::json::value& citizen, std::string_view name) {
    const auto* object = citizen.if_object();
    const auto* value = object ? object->if_contains(name) : nullptr;
    return value && value->is_string() ? std::string{value->get_string()} : std::string{};
}

}  // namespace

kep::cases::Actor registryActor(std::string_view issuerId) {
    return {"registry:" + std::string{issuerId}, kep::cases::ActorRole::AuthoritySystem};
}

RegistrySender::RegistrySender(kep::db::Database& db, Services services, RegistryRetryPolicy policy,
                               Clock now, Random random)
    : db_(db)
    , services_(services)
    , policy_(policy)
    , now_(std::move(now))
    , random_(std::move(random))
    , requests_(db) {}

bool RegistrySender::step() {
    return updateCase() || sendNext();
}

bool RegistrySender::updateCase() {
    const auto target = requests_.caseToUpdate();
    if (!target) {
        return false;
    }
    // The whole list each time: the field holds every closed request of the case, and a write
    // that a crash cut off is simply made again.
    const auto result = services_.writer.setFields(
        target->caseId, target->officeCode, registryActor(target->issuerId),
        {{std::string{kRegistryDocumentsField},
          registryDocumentsJson(requests_.outcomesOf(target->caseId))}});
    if (!result.ok() && services_.log) {
        // Nothing to retry: the core refuses this case's writes (its reason says why).
        services_.log->warning("registry_case_write_refused",
                               {{"case_id", target->caseId}, {"code", result.code()}});
    }
    requests_.markUpdated(target->caseId);
    return true;
}

std::optional<DocumentRequest> RegistrySender::documentRequest(const QueuedRequest& queued) {
    const auto record = sync::findCase(db_, queued.subject.caseId);
    if (!record) {
        return std::nullopt;
    }
    boost::system::error_code error;
    const auto citizen = boost::json::parse(record->field(kep::cases::fields::kCitizen), error);
    DocumentRequest request{queued.requestId,
                            queued.subject.caseId,
                            queued.subject.protocolNumber,
                            queued.subject.document.evidenceId,
                            queued.subject.document.evidenceTypeId,
                            queued.subject.document.issuerId,
                            error ? std::string{} : citizenIdentifier(citizen, "afm"),
                            error ? std::string{} : citizenIdentifier(citizen, "amka")};
    if (request.afm.empty() && request.amka.empty()) {
        return std::nullopt;
    }
    return request;
}

bool RegistrySender::sendNext() {
    const Instant sentAt = now_();
    const auto queued = requests_.nextDue(sentAt);
    if (!queued) {
        return false;
    }
    const auto request = documentRequest(*queued);
    if (request) {
        auditDisclosure(queued->subject.caseId);
    }
    record(*queued,
           request ? services_.connector.request(*request)
                   : RegistryAnswer{RegistryRefusal{
                         "no_citizen_identifier",
                         "the case names neither ΑΦΜ nor ΑΜΚΑ: ask the citizen for the document"}},
           sentAt);
    return true;
}

void RegistrySender::record(const QueuedRequest& queued, RegistryAnswer answer, Instant sentAt) {
    if (const auto* document = std::get_if<RegistryDocument>(&answer)) {
        std::string sha256;
        try {
            sha256 = services_.attachments.storeComplete(document->pdf,
                                                         attachments::AttachmentType::Pdf);
        } catch (const attachments::AttachmentRefused& refused) {
            answer = RegistryUnavailable{std::string{"document not stored: "} + refused.what()};
        }
        if (!sha256.empty()) {
            requests_.answered(queued, sha256, sentAt, now_());
            logOutcome(queued, "document");
            return;
        }
    }
    if (const auto* refusal = std::get_if<RegistryRefusal>(&answer)) {
        requests_.refused(queued, *refusal, sentAt, now_());
        logOutcome(queued, "refused");
        return;
    }
    const Instant now = now_();
    const auto next = policy_.afterFailure(queued.attempts + 1, sentAt, now, random_());
    requests_.unavailable(queued, std::get<RegistryUnavailable>(answer).detail, next, sentAt, now);
    logOutcome(queued, next ? "unavailable" : "given_up");
}

void RegistrySender::auditDisclosure(const std::string& caseId) {
    const auto entry =
        identity::auditEntry(identity::serverActor("registry", "ex_officio_documents"),
                             "case.registry_request", "case", caseId, "ok");
    kep::db::Transaction transaction(db_);
    audit::AuditLog(db_).append({&entry, 1});
    transaction.commit();
}

void RegistrySender::logOutcome(const QueuedRequest& queued, std::string_view outcome) {
    if (services_.log) {
        services_.log->info("registry_request",
                            {{"request_id", queued.requestId},
                             {"case_id", queued.subject.caseId},
                             {"evidence_id", queued.subject.document.evidenceId},
                             {"issuer_id", queued.subject.document.issuerId},
                             {"attempt", queued.attempts + 1},
                             {"outcome", outcome}});
    }
}

}  // namespace kep::server::registry
