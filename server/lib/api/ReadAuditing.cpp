#include "api/ReadAuditing.h"

#include "http/HttpError.h"
#include "identity/AuditActor.h"

namespace kep::server::api {

kep::audit::AuditEntry readEntry(const http::Request& request, std::string_view action,
                                 std::string_view recordType, std::string_view recordId) {
    return identity::auditEntry(identity::actorOf(*request.caller), action, recordType, recordId,
                                "ok");
}

void auditBeforeAnswer(audit::ReadAudit& reads, std::vector<kep::audit::AuditEntry> entries) {
    try {
        reads.record(std::move(entries));
    } catch (const audit::AuditUnavailable&) {
        throw http::HttpError(503, "audit_unavailable",
                              "the read could not be recorded in the audit log; try again "
                              "shortly");
    }
}

std::optional<DeniedRead> deniedRead(const http::Request& request, const http::RouteAccess& access,
                                     const auth::Principal& principal) {
    const auto param = [&request](const char* name) -> std::string {
        const auto it = request.pathParams.find(name);
        return it == request.pathParams.end() ? std::string() : it->second;
    };
    const auto& action = access.action;
    if (action == "authority.inbox") {
        // The inbox of no case in particular: the entry names the authority it was asked as.
        return DeniedRead{read_action::kCaseList, "authority",
                          principal.authorityId.empty() ? "-" : principal.authorityId};
    }
    const auto caseId = param("id");
    if (action == "case.read" && !caseId.empty()) {
        return DeniedRead{
            param("sha256").empty() ? read_action::kCaseRead : read_action::kCaseDocument, "case",
            caseId};
    }
    if (action == "attachment.read" && !caseId.empty()) {
        return DeniedRead{read_action::kCaseResult, "case", caseId};
    }
    if (action == "sync.pull") {
        const auto bucket = request.query.find("bucket");
        if (bucket != request.query.end()) {
            return DeniedRead{read_action::kBucketPull, "bucket", bucket->second};
        }
    }
    return std::nullopt;
}

void auditDenials(identity::RequestGate& gate, audit::ReadAudit& reads) {
    gate.setDenialWitness([&reads](const http::Request& request, const http::RouteAccess& access,
                                   const auth::Principal& principal, const http::Caller& caller) {
        const auto denied = deniedRead(request, access, principal);
        if (!denied) {
            return;
        }
        const auto actor = identity::actorOf(principal, caller);
        auto entry = identity::auditEntry(actor, denied->action, denied->recordType,
                                          denied->recordId, "denied");
        if (kep::audit::problemWith(entry)) {
            // An id no record can have: the attempt is kept all the same.
            entry = identity::auditEntry(actor, denied->action, denied->recordType, "-", "denied");
        }
        try {
            reads.record({std::move(entry)});
        } catch (const std::exception&) {
            // The refusal stands either way: no personal data goes out with a 403.
        }
    });
}

}  // namespace kep::server::api
