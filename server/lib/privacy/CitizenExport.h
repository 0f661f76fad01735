// The Art. 15 export (GDPR right of access): everything the server holds about one citizen —
// each case with its fields, history, documents (names and SHA-256), notifications and the
// audit entries about it — as JSON, and as a PDF in Greek or English.
#pragma once

#include "audit/CitizenRef.h"
#include "privacy/PrivacyActor.h"

#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace kep::server::privacy {

struct CitizenExport {
    boost::json::object document;      // docs/privacy.md, "Art. 15 export"
    std::vector<std::string> cases;    // the case ids it holds
    std::vector<std::string> offices;  // the offices holding them (for the access check)
};

// Reads on a connection of its own to `database` (storage/DatabaseLocation.h); writes nothing.
CitizenExport gatherCitizenExport(const std::string& database, const std::string& taxId,
                                  const audit::CitizenRef& refs,
                                  std::chrono::system_clock::time_point now);

// Appends citizen.export (record "citizen", purpose "art15_request") and commits it durably
// before the export is handed out.
void auditCitizenExport(const std::string& database, const PrivacyActor& actor,
                        const std::string& citizenRef, std::chrono::system_clock::time_point now);

enum class ExportLanguage { Greek, English };
// The export drawn as a PDF (reports/TablePdf, DejaVu Sans: Greek and Latin alike).
std::string citizenExportPdf(const CitizenExport& exported, ExportLanguage language);

}  // namespace kep::server::privacy
