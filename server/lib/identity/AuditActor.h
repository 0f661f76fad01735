// Who an audit entry names as having acted, taken from what the request gate proved (a user on a
// workstation, a system's API key, a workstation alone, the admin tool) or from the admin
// commands and the server's own jobs — and why they acted, derived from their role.
#pragma once

#include "auth/Principal.h"
#include "db/Database.h"
#include "http/HttpMessage.h"
#include "shared/audit/AuditEntry.h"

#include <string>
#include <string_view>

namespace kep::server::identity {

// The "who" and "why" members of an AuditEntry; identifiers only.
struct AuditActor {
    std::string kind;  // user | device | api_key | server | admin_tool
    std::string id;
    std::string role;
    std::string office;
    std::string workstation;
    std::string purpose;
};

// authority and authority_system → authority_processing, manager → approval, clerk →
// counter_service, central_admin and it → administration, gov_channel and eu_go_channel →
// online_application; a workstation syncing for its office (Role::Any) → sync.
std::string_view purposeOf(auth::Role role);

// The most specific principal the gate set: the signed-in user (at their workstation), else the
// system behind the API key, else the workstation or the admin tool by its certificate.
AuditActor actorOf(const http::Caller& caller);
// A principal the gate identified but the policy refused (request.caller is then reset).
AuditActor actorOf(const auth::Principal& principal, const http::Caller& caller);
// `kep-server` admin commands, run by whoever can read the data folder.
AuditActor adminCommandActor();
// The server's own work (a job, the public status look-up): actorId "server:<part>".
AuditActor serverActor(std::string_view part, std::string_view purpose);

// A new entry (UUIDv7 id, now to the millisecond) by `actor`.
kep::audit::AuditEntry auditEntry(const AuditActor& actor, std::string_view action,
                                  std::string_view recordType, std::string_view recordId,
                                  std::string_view outcome);

// Appends the entry of a change by `by` (outcome applied) inside the write transaction the
// caller holds on `db`, so that the change and its entry commit together or not at all.
void auditChange(kep::db::Database& db, const AuditActor& by, std::string_view action,
                 std::string_view recordType, std::string_view recordId);

}  // namespace kep::server::identity
