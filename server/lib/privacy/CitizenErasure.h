// Erasure on request (GDPR Art. 17, where the law allows it): every case of one citizen purged
// as the retention job would — refused, naming the cases, while any of them is open or still
// within the period the law requires the file kept.
#pragma once

#include "audit/CitizenRef.h"
#include "privacy/CasePurge.h"
#include "privacy/CitizenCases.h"
#include "privacy/PrivacyActor.h"
#include "privacy/RetentionRules.h"

#include <chrono>
#include <string>
#include <vector>

namespace kep::server::privacy {

struct BlockedCase {
    std::string caseId;
    std::string why;  // "open" | "retention"
};

struct ErasureOutcome {
    std::vector<BlockedCase> blocked;  // not empty: refused, nothing purged
    std::vector<std::string> erased;   // the case ids purged
    PurgeResult purge;
    bool refused() const { return !blocked.empty(); }
};

// `reason` is a code the law or the request names (an identifier: letters, digits . _ : / @ -),
// kept as the audit entry's purpose; never free text. Audited: citizen.erase (record "citizen",
// the CitizenRef of the ΑΦΜ; outcome ok or denied) and, per purged case, case.purge. `database`
// is the server's (storage/DatabaseLocation.h), `dataDir` its data folder (attachments/).
ErasureOutcome eraseCitizen(const std::string& database, const std::string& dataDir,
                            const std::string& taxId, const std::string& reason,
                            const PrivacyActor& actor, const RetentionSettings& settings,
                            const audit::CitizenRef& refs,
                            std::chrono::system_clock::time_point now);

// DIR/audit/citizen-ref.key, created when missing.
audit::CitizenRef citizenRefsOf(const std::string& dataDir);

}  // namespace kep::server::privacy
