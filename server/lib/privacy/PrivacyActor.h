// Who a privacy operation is done by, as the audit log records it (identifiers only), and the
// audit entries the purge, erasure and export write.
#pragma once

#include "shared/audit/AuditEntry.h"

#include <chrono>
#include <string>
#include <string_view>

namespace kep::server::privacy {

struct PrivacyActor {
    std::string kind;  // server | user | admin_tool
    std::string id;    // "server:retention", a user's id, "cli"
    std::string role;
    std::string office;
    std::string workstation;
};

// The retention job and `kep-server retention run`.
PrivacyActor retentionJobActor();
// `kep-server privacy …` on the server's host.
PrivacyActor commandLineActor();

// One entry about one record, with a fresh UUIDv7 and the instant `at` (UTC, milliseconds).
kep::audit::AuditEntry auditEntry(const PrivacyActor& actor, std::string_view action,
                                  std::string_view recordType, std::string_view recordId,
                                  std::string_view purpose,
                                  std::chrono::system_clock::time_point at,
                                  std::string_view outcome = "ok");

}  // namespace kep::server::privacy
