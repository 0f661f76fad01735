// One entry of the audit log (DESIGN.md decision 6, issue 9): who did what to which record, why
// and when — identifiers only, never personal data — and its one canonical byte encoding, which
// is what the Merkle tree hashes, so that the same log gives the same hashes on every back-end.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::audit {

// Every member is an identifier or a code: ASCII letters, digits and . _ : / @ -, at most
// kMaxFieldBytes, checked by problemWith(). Empty means "not applicable" (a server job has no
// workstation). A citizen is never named by ΑΦΜ or ΑΜΚΑ: records about a person use a
// pseudonymous reference ("citizen" / HMAC of the ΑΦΜ under the server's audit key).
struct AuditEntry {
    std::string entryId;      // UUIDv7 text, unique: a desk's entry sent twice is kept once
    std::string at;           // UTC, milliseconds: "2026-11-27T14:03:05.123Z"
    std::string actorKind;    // user | device | api_key | server | admin_tool
    std::string actorId;      // the user's UUID, the API key's id, "server:intake", …
    std::string role;         // clerk | manager | central_admin | authority | it | ""
    std::string office;       // office code ("0101") or ""
    std::string workstation;  // the device id or ""
    std::string action;       // "<record type>.<verb>": case.create, case.read, citizen.export, …
    std::string recordType;   // case | attachment | citizen | user | device | bucket | …
    std::string recordId;     // the record's identifier
    std::string purpose;      // counter_service | approval | authority_processing | sync | …
    std::string outcome;      // applied | rejected | conflict | ok | denied

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

inline constexpr std::size_t kMaxFieldBytes = 128;

// The first thing wrong with the entry, naming the member ("actorId: … not allowed"), or nullopt.
// Required: entryId (a UUID), at (the form above), actorKind, actorId, action, recordType,
// recordId, outcome.
std::optional<std::string> problemWith(const AuditEntry& entry);

// The canonical encoding (docs/audit.md): the 16-byte tag "kep.audit.v1\0\0\0\0", then each of
// the twelve members in the order declared above as a 4-byte big-endian length and its bytes.
// Deterministic and injective: two different entries never encode alike.
std::string canonicalBytes(const AuditEntry& entry);

// The inverse; throws std::invalid_argument naming what is wrong (tag, a length past the end,
// trailing bytes). Does not run problemWith().
AuditEntry parseCanonical(std::string_view bytes);

}  // namespace kep::audit
