// What filing a case under one procedure takes from the catalogue: the evidence checklist's
// requirements, the fee in cents and the statutory due date, so that the form decides none.
#pragma once

#include "cases/CaseChannel.h"
#include "catalogue/PublishedRecord.h"
#include "shared/cases/DueDate.h"
#include "shared/cases/EvidenceChecklist.h"
#include "shared/catalogue/Procedure.h"

#include <cstdint>
#include <vector>

namespace kep::desk::cases {

// The procedure's documents in its order: id is the register's num_id (or the position when
// the register gives none), documents sharing an alternative group replace each other.
std::vector<kep::cases::EvidenceRequirement> evidenceRequirements(
    const kep::catalogue::Procedure& procedure);

// The fee the citizen pays at filing, in euro cents: the procedure's cost when the register
// states one, else the sum of its fees (each at its minimum, as a range starts there).
std::int64_t feeCents(const kep::catalogue::Procedure& procedure);

// The statutory due date counted from `filedAt` in Greek working days (a new case has no
// stopped clock). No date and error None when the register states no deadline (or one that does
// not parse); an error when it is too long to count.
kep::cases::DueDateResult dueDateOnFiling(const kep::catalogue::Procedure& procedure,
                                          std::string_view office, kep::cases::Instant filedAt);

// The channel a case is filed with: the clerk's choice, except that a myKEPlive call is only
// for procedures offered remotely (anything else is filed as at the counter).
CaseChannel filingChannel(const kep::catalogue::Procedure& procedure, CaseChannel chosen);

// The authority the case is forwarded to: the central administration's competent authority
// when it set one, else the register's owning organisation ("" when the register names none).
std::string competentAuthorityOf(const kep::desk::catalogue::PublishedRecord& record);

}  // namespace kep::desk::cases
