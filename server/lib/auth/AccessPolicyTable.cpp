// The rows of the policy table. Changing who may do what means changing this file (and the
// generated test follows it); no route carries a rule of its own.
#include "auth/AccessPolicy.h"

#include <array>

namespace kep::auth {
namespace {

using K = PrincipalKind;
using R = Role;
using S = Scope;

constexpr std::array kTable{
    // Clerk at the counter: the office's cases, the catalogue, the office's sync buckets.
    PolicyRule{K::User, R::Clerk, "case.read", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "case.file", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "case.edit", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "case.hand_over", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "catalogue.read", S::National},
    PolicyRule{K::User, R::Clerk, "sync.pull", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "sync.push", S::OwnOffice},
    PolicyRule{K::User, R::Clerk, "protocol.lease", S::OwnOffice},
    // Office manager: everything a clerk does, plus the second pair of eyes and the office's
    // people, workstations, figures and audit trail.
    PolicyRule{K::User, R::Manager, "case.read", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "case.file", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "case.edit", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "case.hand_over", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "case.approve", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "case.return", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "conflict.resolve", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "catalogue.read", S::National},
    PolicyRule{K::User, R::Manager, "sync.pull", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "sync.push", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "protocol.lease", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "stats.office", S::OwnOffice},
    // The workload of the office's clerks (issue 8): their own manager only, never ranked.
    PolicyRule{K::User, R::Manager, "stats.workload", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "user.manage", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "device.enrol_code", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "device.revoke", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "audit.read", S::OwnOffice},
    // Central administration: catalogue, offices, users, national figures. It reads no
    // citizen's case: figures and the audit trail hold identifiers only.
    PolicyRule{K::User, R::CentralAdmin, "catalogue.read", S::National},
    PolicyRule{K::User, R::CentralAdmin, "catalogue.import", S::National},
    PolicyRule{K::User, R::CentralAdmin, "catalogue.publish", S::National},
    PolicyRule{K::User, R::CentralAdmin, "office.manage", S::National},
    PolicyRule{K::User, R::CentralAdmin, "user.manage", S::National},
    PolicyRule{K::User, R::CentralAdmin, "stats.office", S::National},
    PolicyRule{K::User, R::CentralAdmin, "stats.national", S::National},
    PolicyRule{K::User, R::CentralAdmin, "audit.read", S::National},
    PolicyRule{K::User, R::CentralAdmin, "device.revoke", S::National},
    // The directory of competent authorities (issue 7).
    PolicyRule{K::User, R::CentralAdmin, "authority.read", S::National},
    PolicyRule{K::User, R::CentralAdmin, "authority.manage", S::National},
    // A competent authority's staff: the cases forwarded to their authority, nothing else.
    PolicyRule{K::User, R::Authority, "authority.inbox", S::OwnAuthority},
    PolicyRule{K::User, R::Authority, "case.read", S::OwnAuthority},
    PolicyRule{K::User, R::Authority, "case.request_documents", S::OwnAuthority},
    PolicyRule{K::User, R::Authority, "case.return_result", S::OwnAuthority},
    PolicyRule{K::User, R::Authority, "case.accept", S::OwnAuthority},
    PolicyRule{K::User, R::Authority, "case.reject", S::OwnAuthority},
    // IT staff look after the workstations of their region.
    PolicyRule{K::User, R::It, "device.enrol_code", S::OwnRegion},
    PolicyRule{K::User, R::It, "device.revoke", S::OwnRegion},
    // Circulars (issue 8): the central administration writes to every office, a region's IT
    // staff to the offices of their region (outages, local rules); each reads its circulars'
    // receipts. Desks send their users' receipts, and clerks' catalogue flags, by certificate
    // (queued offline, like sync ops); the central administration reviews the flags.
    PolicyRule{K::User, R::CentralAdmin, "circular.send", S::National},
    PolicyRule{K::User, R::It, "circular.send", S::OwnRegion},
    PolicyRule{K::Workstation, R::Any, "circular.acknowledge", S::OwnOffice},
    PolicyRule{K::Workstation, R::Any, "catalogue.feedback", S::OwnOffice},
    PolicyRule{K::User, R::CentralAdmin, "catalogue.feedback_review", S::National},
    // Personal data (issue 9, GDPR; docs/privacy.md): erasure on request and the procedures'
    // retention rules are the central administration's; the Art. 15 export of a citizen also
    // the manager of an office that holds a case of theirs (the route scopes it to that office).
    PolicyRule{K::User, R::CentralAdmin, "citizen.erase", S::National},
    PolicyRule{K::User, R::CentralAdmin, "citizen.export", S::National},
    PolicyRule{K::User, R::Manager, "citizen.export", S::OwnOffice},
    PolicyRule{K::User, R::CentralAdmin, "privacy.retention", S::National},
    // Every signed-in user may see and end their own session.
    PolicyRule{K::User, R::Any, "auth.sign_out", S::National},
    PolicyRule{K::User, R::Any, "auth.session", S::National},
    // Where a user may sign in (the scope is the workstation's office): office staff at their
    // own office's workstations only, the central roles anywhere.
    PolicyRule{K::User, R::Clerk, "auth.sign_in", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "auth.sign_in", S::OwnOffice},
    PolicyRule{K::User, R::CentralAdmin, "auth.sign_in", S::National},
    PolicyRule{K::User, R::Authority, "auth.sign_in", S::National},
    PolicyRule{K::User, R::It, "auth.sign_in", S::National},
    // The users who may sign in at a workstation (scope: its office), so the desk can drop the
    // offline verifiers of disabled ones.
    PolicyRule{K::User, R::Clerk, "directory.read", S::OwnOffice},
    PolicyRule{K::User, R::Manager, "directory.read", S::OwnOffice},
    PolicyRule{K::User, R::CentralAdmin, "directory.read", S::National},
    PolicyRule{K::User, R::Authority, "directory.read", S::National},
    PolicyRule{K::User, R::It, "directory.read", S::OwnRegion},
    // The list of offices (codes, names, regions), and an office's enrolled workstations.
    PolicyRule{K::User, R::CentralAdmin, "office.read", S::National},
    PolicyRule{K::User, R::It, "office.read", S::National},
    PolicyRule{K::User, R::Manager, "device.read", S::OwnOffice},
    PolicyRule{K::User, R::CentralAdmin, "device.read", S::National},
    PolicyRule{K::User, R::It, "device.read", S::OwnRegion},
    // A workstation by its certificate alone, before anyone signs in at it.
    PolicyRule{K::Workstation, R::Any, "auth.sign_in", S::National},
    PolicyRule{K::Workstation, R::Any, "catalogue.read", S::National},
    PolicyRule{K::Workstation, R::Any, "protocol.lease", S::OwnOffice},
    // The events WebSocket: change nudges ("pull up to N"), no data.
    PolicyRule{K::Workstation, R::Any, "events.subscribe", S::National},
    // Sync by the certificate alone (the desk syncs before anyone signs in): push its own ops,
    // pull the buckets of its own office and hear their nudges. The ops' users are checked per
    // op against the office's active users (api/SyncRoutes.cpp).
    PolicyRule{K::Workstation, R::Any, "sync.push", S::OwnOffice},
    PolicyRule{K::Workstation, R::Any, "sync.pull", S::OwnOffice},
    // Attachments of the office's cases: open an upload, send its chunks, ask its status.
    // Complete content is shared by hash (de-duplication); an upload in progress is the office's.
    PolicyRule{K::Workstation, R::Any, "attachment.upload", S::OwnOffice},
    PolicyRule{K::Workstation, R::Any, "attachment.read", S::OwnOffice},
    // gov.gr and EU-GO: applications filed online go to any office's queue; status by number.
    PolicyRule{K::ApiKey, R::GovChannel, "channel.submit", S::National},
    PolicyRule{K::ApiKey, R::GovChannel, "case.status", S::National},
    PolicyRule{K::ApiKey, R::GovChannel, "catalogue.read", S::National},
    // EU-GO (the EU's Single Digital Gateway) files online like gov.gr does.
    PolicyRule{K::ApiKey, R::EuGoChannel, "channel.submit", S::National},
    PolicyRule{K::ApiKey, R::EuGoChannel, "case.status", S::National},
    PolicyRule{K::ApiKey, R::EuGoChannel, "catalogue.read", S::National},
    // Every system may ask who its key says it is (to check a key after it is installed).
    PolicyRule{K::ApiKey, R::Any, "system.whoami", S::National},
    // An authority's own system does through the API what its staff do in the inbox.
    PolicyRule{K::ApiKey, R::AuthoritySystem, "authority.inbox", S::OwnAuthority},
    PolicyRule{K::ApiKey, R::AuthoritySystem, "case.read", S::OwnAuthority},
    PolicyRule{K::ApiKey, R::AuthoritySystem, "case.request_documents", S::OwnAuthority},
    PolicyRule{K::ApiKey, R::AuthoritySystem, "case.return_result", S::OwnAuthority},
    PolicyRule{K::ApiKey, R::AuthoritySystem, "case.accept", S::OwnAuthority},
    PolicyRule{K::ApiKey, R::AuthoritySystem, "case.reject", S::OwnAuthority},
    // The server's own administration tool (DIR/admin.pem), run on the server's host. It also
    // counts as a workstation of the central administration, where central users sign in.
    PolicyRule{K::AdminTool, R::Any, "auth.sign_in", S::National},
    PolicyRule{K::AdminTool, R::Any, "events.subscribe", S::National},
    PolicyRule{K::AdminTool, R::Any, "office.read", S::National},
    PolicyRule{K::AdminTool, R::Any, "device.read", S::National},
    PolicyRule{K::AdminTool, R::Any, "routes.read", S::National},
    PolicyRule{K::AdminTool, R::Any, "office.manage", S::National},
    PolicyRule{K::AdminTool, R::Any, "user.manage", S::National},
    PolicyRule{K::AdminTool, R::Any, "device.enrol_code", S::National},
    PolicyRule{K::AdminTool, R::Any, "device.revoke", S::National},
    PolicyRule{K::AdminTool, R::Any, "catalogue.import", S::National},
    PolicyRule{K::AdminTool, R::Any, "catalogue.publish", S::National},
    PolicyRule{K::AdminTool, R::Any, "stats.national", S::National},
    PolicyRule{K::AdminTool, R::Any, "audit.read", S::National},
};

}  // namespace

std::span<const PolicyRule> policyTable() {
    return kTable;
}

}  // namespace kep::auth
