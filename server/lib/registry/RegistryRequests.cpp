#include "registry/RegistryRequests.h"

#include "storage/ServerStore.h"

#include <boost/json.hpp>

namespace kep::server::registry {

namespace {

std::int64_t millis(Instant when) {
    return when.time_since_epoch().count();
}

std::string iso(Instant when) {
    return storage::isoUtc(when);
}

}  // namespace

bool RegistryRequests::enqueue(const CaseDocument& subject, std::string_view requestId,
                               std::int64_t changeSeq, Instant now) {
    db_.prepare(
           "INSERT INTO registry_request (request_id, case_id, office_code, protocol_number, "
           "procedure_id, evidence_id, evidence_type, issuer_id, change_seq, queued_at, "
           "next_attempt_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
           "ON CONFLICT (case_id, evidence_id) DO NOTHING")
        .bind(1, requestId)
        .bind(2, subject.caseId)
        .bind(3, subject.officeCode)
        .bind(4, subject.protocolNumber)
        .bind(5, subject.procedureId)
        .bind(6, subject.document.evidenceId)
        .bind(7, subject.document.evidenceTypeId)
        .bind(8, subject.document.issuerId)
        .bind(9, changeSeq)
        .bind(10, iso(now))
        .bind(11, millis(now))
        .run();
    return db_.changes() == 1;
}

std::optional<QueuedRequest> RegistryRequests::nextDue(Instant now) {
    auto select = db_.prepare(
        "SELECT request_id, case_id, office_code, protocol_number, procedure_id, evidence_id, "
        "evidence_type, issuer_id, attempts FROM registry_request "
        "WHERE state = 'queued' AND next_attempt_ms <= ?1 ORDER BY next_attempt_ms, request_id "
        "LIMIT 1");
    select.bind(1, millis(now));
    if (!select.step()) {
        return std::nullopt;
    }
    QueuedRequest request;
    request.requestId = select.text(0);
    request.subject.caseId = select.text(1);
    request.subject.officeCode = select.text(2);
    request.subject.protocolNumber = select.text(3);
    request.subject.procedureId = select.text(4);
    request.subject.document.evidenceId = select.text(5);
    request.subject.document.evidenceTypeId = select.text(6);
    request.subject.document.issuerId = select.text(7);
    request.attempts = static_cast<int>(select.int64(8));
    return request;
}

void RegistryRequests::recordAttempt(const QueuedRequest& request, Instant sentAt, Instant now,
                                     std::string_view outcome, std::string_view detail) {
    db_.prepare(
           "INSERT INTO registry_attempt (request_id, attempt, sent_at, answered_at, outcome, "
           "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, request.requestId)
        .bind(2, request.attempts + 1)
        .bind(3, iso(sentAt))
        .bind(4, iso(now))
        .bind(5, outcome)
        .bind(6, detail)
        .run();
}

void RegistryRequests::close(const QueuedRequest& request, std::string_view state,
                             std::string_view sha256, const RegistryRefusal& refusal,
                             std::string_view outcome, std::string_view detail, Instant sentAt,
                             Instant now) {
    kep::db::Transaction tx(db_);
    recordAttempt(request, sentAt, now, outcome, detail);
    // Only a request still queued closes: an attempt's outcome is recorded once.
    db_.prepare(
           "UPDATE registry_request SET state = ?2, attempts = attempts + 1, answered_at = ?3, "
           "sha256 = ?4, refusal_code = ?5, refusal_reason = ?6 "
           "WHERE request_id = ?1 AND state = 'queued'")
        .bind(1, request.requestId)
        .bind(2, state)
        .bind(3, iso(now))
        .bind(4, sha256.empty() ? std::nullopt : std::optional<std::string_view>{sha256})
        .bind(5, refusal.code.empty() ? std::nullopt : std::optional<std::string>{refusal.code})
        .bind(6, refusal.code.empty() ? std::nullopt : std::optional<std::string>{refusal.reason})
        .run();
    tx.commit();
}

void RegistryRequests::answered(const QueuedRequest& request, std::string_view sha256,
                                Instant sentAt, Instant now) {
    close(request, "answered", sha256, {}, "document", sha256, sentAt, now);
}

void RegistryRequests::refused(const QueuedRequest& request, const RegistryRefusal& refusal,
                               Instant sentAt, Instant now) {
    close(request, "refused", {}, refusal, "refused", refusal.code, sentAt, now);
}

void RegistryRequests::unavailable(const QueuedRequest& request, std::string_view detail,
                                   std::optional<Instant> next, Instant sentAt, Instant now) {
    if (!next) {
        const RegistryRefusal gaveUp{std::string{kUnavailableCode},
                                     "the registry gave no answer after " +
                                         std::to_string(request.attempts + 1) +
                                         " attempts: ask the citizen for the document"};
        close(request, "failed", {}, gaveUp, "unavailable", detail, sentAt, now);
        return;
    }
    kep::db::Transaction tx(db_);
    recordAttempt(request, sentAt, now, "unavailable", detail);
    db_.prepare(
           "UPDATE registry_request SET attempts = attempts + 1, next_attempt_ms = ?2 "
           "WHERE request_id = ?1 AND state = 'queued'")
        .bind(1, request.requestId)
        .bind(2, millis(*next))
        .run();
    tx.commit();
}

std::optional<CaseToUpdate> RegistryRequests::caseToUpdate() {
    auto select = db_.prepare(
        "SELECT case_id, office_code, issuer_id FROM registry_request "
        "WHERE state <> 'queued' AND attached = 0 LIMIT 1");
    if (!select.step()) {
        return std::nullopt;
    }
    return CaseToUpdate{select.text(0), select.text(1), select.text(2)};
}

std::vector<RequestOutcome> RegistryRequests::outcomesOf(std::string_view caseId) {
    auto select = db_.prepare(
        "SELECT evidence_id, issuer_id, coalesce(sha256, ''), coalesce(refusal_code, ''), "
        "coalesce(refusal_reason, ''), answered_at FROM registry_request "
        "WHERE case_id = ?1 AND state <> 'queued' ORDER BY request_id");
    select.bind(1, caseId);
    std::vector<RequestOutcome> outcomes;
    while (select.step()) {
        outcomes.push_back({select.text(0), select.text(1), select.text(2), select.text(3),
                            select.text(4), select.text(5)});
    }
    return outcomes;
}

void RegistryRequests::markUpdated(std::string_view caseId) {
    db_.prepare(
           "UPDATE registry_request SET attached = 1 "
           "WHERE case_id = ?1 AND state <> 'queued' AND attached = 0")
        .bind(1, caseId)
        .run();
}

std::string registryDocumentsJson(const std::vector<RequestOutcome>& outcomes) {
    boost::json::array list;
    for (const auto& outcome : outcomes) {
        boost::json::object entry{{"evidence_id", outcome.evidenceId},
                                  {"issuer_id", outcome.issuerId}};
        if (!outcome.sha256.empty()) {
            entry["outcome"] = "document";
            entry["sha256"] = outcome.sha256;
        } else {
            entry["outcome"] = "refused";
            entry["refusal"] = boost::json::object{{"code", outcome.refusalCode},
                                                   {"reason", outcome.refusalReason}};
        }
        entry["answered_at"] = outcome.answeredAt;
        list.push_back(std::move(entry));
    }
    return boost::json::serialize(list);
}

}  // namespace kep::server::registry
