// The names of a case's synced fields that more than one component reads: the desk that files,
// the server routes that take online applications and authority decisions, the notifier.
#pragma once

#include <string_view>

namespace kep::cases::fields {

// Set at filing, never changed (values as documented in docs/api.md, "Case fields").
inline constexpr std::string_view kProtocolNumber = "protocol_number";  // "0101/2026/17"
inline constexpr std::string_view kProcedureId = "procedure_id";
inline constexpr std::string_view kCitizen = "citizen";  // JSON, client/core/cases/CitizenJson
inline constexpr std::string_view kEvidence = "evidence";
inline constexpr std::string_view kDueDate = "due_date";  // "YYYY-MM-DD"
// How the application reached the KEP: "counter", "remote" (myKEPlive video call), "govgr",
// "eugo". Absent on cases filed before issue 7: read as "counter".
inline constexpr std::string_view kChannel = "channel";
// The language the citizen is answered in: "el" (default) or "en" (EU-GO applications).
inline constexpr std::string_view kLanguage = "language";
// The citizen's contacts for notifications: JSON {"email":"…","phone":"…"} (either may be absent).
inline constexpr std::string_view kContact = "contact";

// The competent authority the case is forwarded to (authorities.id); set at filing from the
// procedure, changeable by the KEP until the case is forwarded.
inline constexpr std::string_view kAuthorityId = "authority_id";
// The authority's result document (a PDF stored as an attachment): its SHA-256, lowercase hex.
inline constexpr std::string_view kResultSha256 = "result_sha256";

// The citizen's satisfaction, given at delivery (optional): JSON {"rating":1..5,"comment":"…"}
// (the comment may be absent or ""). Set by a set_fields op queued with the deliver transition.
inline constexpr std::string_view kSatisfaction = "satisfaction";

// Documents the KEP obtained ex officio from their issuing registries: the JSON list of answered
// requests ({"evidence_id","issuer_id","outcome","sha256"|"refusal","answered_at"}, docs/api.md
// "Registry connector"), written by the server only (device server:registry).
inline constexpr std::string_view kRegistryDocuments = "registry_documents";

}  // namespace kep::cases::fields
