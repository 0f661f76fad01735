// How the KEP asks an issuing authority's registry for a document it obtains ex officio (issue 7,
// must-have 7): one request per document, answered by the PDF, a refusal, or a failure to retry.
#pragma once

#include <string>
#include <variant>

namespace kep::server::registry {

// What the registry needs to find the document, and nothing more of the citizen than the
// identifiers registries key their records by.
struct DocumentRequest {
    std::string requestId;  // UUIDv7, the same on every retry: the registry's idempotency key
    std::string caseId;
    std::string protocolNumber;
    std::string evidenceId;      // the document's id in the procedure (MITOS evidence_num_id)
    std::string evidenceTypeId;  // MITOS evidence_type ("5": certificate of a public authority)
    std::string issuerId;        // the issuing authority (MITOS organisation id)
    std::string afm;             // ΑΦΜ, or empty
    std::string amka;            // ΑΜΚΑ, or empty
};

// The document itself: a PDF.
struct RegistryDocument {
    std::string pdf;
};

// The registry's final word that it will not issue the document (no record, not entitled…):
// the clerk then asks the citizen for it.
struct RegistryRefusal {
    std::string code;    // machine-readable, [a-z0-9_]
    std::string reason;  // for the clerk
};

// No answer that counts (network, time-out, the registry's own fault): asked again later.
struct RegistryUnavailable {
    std::string detail;  // for the audit row and the log: never a body or personal data
};

using RegistryAnswer = std::variant<RegistryDocument, RegistryRefusal, RegistryUnavailable>;

// Called on the registry job's thread only; an implementation need not be thread-safe. Never
// throws for what the registry does: every fault is a RegistryUnavailable.
class RegistryConnector {
public:
    virtual ~RegistryConnector() = default;
    virtual RegistryAnswer request(const DocumentRequest& request) = 0;
};

}  // namespace kep::server::registry
