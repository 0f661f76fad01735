// Which documents of a filed case the KEP obtains from their issuing authorities itself: those
// the procedure marks "retrieved ex officio" (MITOS submission type 5) that the citizen did not
// bring — so that the citizen never has to come back with a certificate the state already holds.
#pragma once

#include "shared/catalogue/Procedure.h"

#include <string>
#include <string_view>
#include <vector>

namespace kep::server::registry {

// MITOS evidence_submission_type 5 (resources/catalogue/README.md).
inline constexpr std::string_view kRetrievedExOfficio = "5";

struct ExOfficioDocument {
    std::string evidenceId;      // evidence_num_id
    std::string evidenceTypeId;  // evidence_type id
    // evidence_owner; when the register names none, the procedure's owning organisation, which
    // knows where its own procedure's certificates come from.
    std::string issuerId;
    // The other documents that may replace this one (its alternative group), by id.
    std::vector<std::string> alternatives;

    friend bool operator==(const ExOfficioDocument&, const ExOfficioDocument&) = default;
};

// The procedure's documents retrieved ex officio, in the procedure's order.
std::vector<ExOfficioDocument> exOfficioDocuments(const kep::catalogue::Procedure& procedure);

// Of `documents`, those a case whose evidence checklist is `evidenceJson` ({"<id>":"<state>"},
// the case field "evidence") still needs: not provided or not applicable, and no alternative of
// it provided. A checklist that is not such an object is read as all missing.
std::vector<ExOfficioDocument> documentsToRequest(const std::vector<ExOfficioDocument>& documents,
                                                  std::string_view evidenceJson);

}  // namespace kep::server::registry
