// The registry requests of kep.db (migration 0014): queued per document of a filed case, due by
// their backoff, and kept with every attempt and the outcome — the audit of what the KEP asked
// of which authority, when, and what it got, with identifiers only.
#pragma once

#include "shared/cases/CaseFields.h"

#include "db/Database.h"
#include "registry/ExOfficioDocuments.h"
#include "registry/RegistryConnector.h"
#include "registry/RegistryRetry.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::registry {

// The case field the outcomes are written to (the desk reads it): registryDocumentsJson().
inline constexpr std::string_view kRegistryDocumentsField = kep::cases::fields::kRegistryDocuments;

// The code a request given up on (no answer after every attempt) is closed with.
inline constexpr std::string_view kUnavailableCode = "registry_unavailable";

// What a request is about, from the filing that made it.
struct CaseDocument {
    std::string caseId;
    std::string officeCode;
    std::string protocolNumber;
    std::string procedureId;
    ExOfficioDocument document;
};

struct QueuedRequest {
    std::string requestId;
    CaseDocument subject;
    int attempts = 0;  // made so far, none answered
};

// One closed request, as the case's registry_documents field lists it.
struct RequestOutcome {
    std::string evidenceId;
    std::string issuerId;
    std::string sha256;  // the document, or empty when refused
    std::string refusalCode;
    std::string refusalReason;
    std::string answeredAt;  // ISO 8601 UTC
};

// A case whose field does not yet show all its closed requests, and who answered last.
struct CaseToUpdate {
    std::string caseId;
    std::string officeCode;
    std::string issuerId;
};

// The caller serialises use of `db` (a connection of the registry job's own). enqueue() runs in
// the caller's transaction; each record…() and markUpdated() is a transaction of its own.
// Throws kep::db::Error.
class RegistryRequests {
public:
    explicit RegistryRequests(kep::db::Database& db) : db_(db) {}

    // Queues the request, due at once; false when the case has one for that document already
    // (a case filed again after being returned asks once).
    bool enqueue(const CaseDocument& subject, std::string_view requestId, std::int64_t changeSeq,
                 Instant now);

    // The queued request due first, if one is due at `now`.
    std::optional<QueuedRequest> nextDue(Instant now);

    // The outcome of an attempt that started at `sentAt`. A document or refusal closes the
    // request; unavailable() keeps it queued until `next`, or closes it as failed (with
    // kUnavailableCode) when `next` is nullopt.
    void answered(const QueuedRequest& request, std::string_view sha256, Instant sentAt,
                  Instant now);
    void refused(const QueuedRequest& request, const RegistryRefusal& refusal, Instant sentAt,
                 Instant now);
    void unavailable(const QueuedRequest& request, std::string_view detail,
                     std::optional<Instant> next, Instant sentAt, Instant now);

    // A case with closed requests that its field does not show yet.
    std::optional<CaseToUpdate> caseToUpdate();
    // Every closed request of the case, in the order they were queued.
    std::vector<RequestOutcome> outcomesOf(std::string_view caseId);
    // The case's field now shows every request of it closed up to here.
    void markUpdated(std::string_view caseId);

private:
    void close(const QueuedRequest& request, std::string_view state, std::string_view sha256,
               const RegistryRefusal& refusal, std::string_view outcome, std::string_view detail,
               Instant sentAt, Instant now);
    void recordAttempt(const QueuedRequest& request, Instant sentAt, Instant now,
                       std::string_view outcome, std::string_view detail);

    kep::db::Database& db_;
};

// The case field registry_documents: [{"evidence_id","issuer_id","outcome":"document",
// "sha256","answered_at"} | {…,"outcome":"refused","refusal":{"code","reason"},"answered_at"}].
std::string registryDocumentsJson(const std::vector<RequestOutcome>& outcomes);

}  // namespace kep::server::registry
