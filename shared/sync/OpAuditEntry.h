// The audit log's entry for an op the server settled (issue 9): who pushed it from which
// workstation, what it did to which record, why, and how it ended — built by SyncServerCore.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shared/audit/AuditEntry.h"
#include "shared/sync/SyncMessages.h"

namespace kep::sync {

// Why the op's author touched the record, from the role they acted in and what the op did:
// counter_service for a clerk, approval for a manager's status change, authority_processing for
// a competent authority, online_application for gov.gr / EU-GO, administration for central staff.
std::string_view purposeOf(const OutboxOp& op);

// entryId is the op's id (an op is settled once, so it is audited once), at the server's clock
// (milliseconds since the epoch), actor and role from op.actor, office from the bucket
// ("office:0101" → "0101", else ""), workstation the pushing device, action "<entity type>.
// <create|set_fields|transition>", the entity as the record; `outcome` applied, rejected or
// conflict.
audit::AuditEntry auditEntryFor(const OutboxOp& op, OpOutcome outcome, std::int64_t atMs);

}  // namespace kep::sync
