#include "cases/ProcedureFiling.h"

#include "shared/domain/WorkingCalendar.h"

#include <cmath>
#include <string>

namespace kep::desk::cases {

std::vector<kep::cases::EvidenceRequirement> evidenceRequirements(
    const kep::catalogue::Procedure& procedure) {
    std::vector<kep::cases::EvidenceRequirement> requirements;
    auto ids = procedure.evidenceIds();
    requirements.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        requirements.push_back({std::move(ids[i]), procedure.evidences[i].alternativeGroup, false});
    }
    return requirements;
}

std::int64_t feeCents(const kep::catalogue::Procedure& procedure) {
    auto cents = [](double euro) { return static_cast<std::int64_t>(std::llround(euro * 100.0)); };
    if (procedure.costMin) {
        return cents(*procedure.costMin);
    }
    std::int64_t total = 0;
    for (const auto& fee : procedure.fees) {
        if (fee.min) {
            total += cents(*fee.min);
        } else if (fee.max) {
            total += cents(*fee.max);
        }
    }
    return total;
}

kep::cases::DueDateResult dueDateOnFiling(const kep::catalogue::Procedure& procedure,
                                          std::string_view office, kep::cases::Instant filedAt) {
    if (!procedure.deadline.value) {
        return {};  // no date and no error: the register states no deadline
    }
    static const kep::domain::WorkingCalendar calendar;
    return kep::cases::dueDate(filedAt, *procedure.deadline.value, {}, calendar, office, filedAt);
}

CaseChannel filingChannel(const kep::catalogue::Procedure& procedure, CaseChannel chosen) {
    if (chosen == CaseChannel::Remote && !procedure.offeredRemotely()) {
        return CaseChannel::Counter;
    }
    return chosen;
}

std::string competentAuthorityOf(const kep::desk::catalogue::PublishedRecord& record) {
    const std::string& chosen = record.kep.competentAuthorityId;
    return chosen.empty() ? std::string(record.procedure.orgOwner.id) : chosen;
}

}  // namespace kep::desk::cases
