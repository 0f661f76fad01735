// What the routes that answer with personal data write to the audit log before they answer
// (issue 9): the entry of an allowed read, the 503 when it cannot be made durable, and the entry
// of a read the policy refused — named alike, so a record's history shows both.
#pragma once

#include "audit/ReadAudit.h"
#include "http/HttpMessage.h"
#include "http/RouteAccess.h"
#include "identity/RequestGate.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::api {

// The audit actions of reads ("<record type>.<verb>"); the record is the case, or the bucket.
namespace read_action {
inline constexpr std::string_view kCaseList = "case.list";  // one per case an inbox lists
inline constexpr std::string_view kCaseRead = "case.read";
inline constexpr std::string_view kCaseDocument = "case.read_document";
inline constexpr std::string_view kCaseResult = "case.read_result";
inline constexpr std::string_view kStatusLookup = "case.status_lookup";
inline constexpr std::string_view kBucketPull = "bucket.pull";
}  // namespace read_action

// The entry of an allowed read by the request's caller (set by the gate).
kep::audit::AuditEntry readEntry(const http::Request& request, std::string_view action,
                                 std::string_view recordType, std::string_view recordId);

// Durable before the caller answers: throws HttpError 503 audit_unavailable (and the route sends
// none of the data) when the entries cannot be written.
void auditBeforeAnswer(audit::ReadAudit& reads, std::vector<kep::audit::AuditEntry> entries);

// The record an audited read names, for a request the policy refused on `access`; nullopt for
// the routes that read no personal data.
struct DeniedRead {
    std::string_view action;
    std::string recordType;
    std::string recordId;
};
std::optional<DeniedRead> deniedRead(const http::Request& request, const http::RouteAccess& access,
                                     const auth::Principal& principal);

// Has the gate record, before its 403, every refused request for a read deniedRead() names.
// `reads` must outlive the gate's use.
void auditDenials(identity::RequestGate& gate, audit::ReadAudit& reads);

}  // namespace kep::server::api
