#include "shared/catalogue/Procedure.h"

#include <algorithm>
#include <chrono>

namespace kep::catalogue {

std::string LegalRule::gazetteReference() const {
    if (gazetteDocNumber.empty()) {
        return {};
    }
    std::string reference = "ΦΕΚ ";
    if (!gazetteIssue.empty()) {
        reference += gazetteIssue;
        reference += ' ';
    }
    reference += gazetteDocNumber;
    return reference;
}

bool CatalogueDuration::longerThanYears(std::uint32_t years) const {
    if (!value) {
        return false;
    }
    // In units of 1/156,000 year, the least common multiple of 12, 52 and 250 parts: exact,
    // and the largest duration IsoDuration accepts stays far below 2^64.
    constexpr std::uint64_t kYear = 156'000;
    constexpr std::uint64_t kMonth = kYear / 12;
    constexpr std::uint64_t kWeek = kYear / 52;
    constexpr std::uint64_t kWorkingDay = kYear / 250;
    const auto timeDays = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::days>(value->timePart()).count());
    const std::uint64_t length = value->years * kYear + value->months * kMonth +
                                 value->weeks * kWeek + (value->days + timeDays) * kWorkingDay;
    return length > years * kYear;
}

bool Procedure::offeredRemotely() const {
    const auto isRemote = [](const RegistryRef& group) {
        return group.id == kRemoteServiceGroupId;
    };
    return std::any_of(provisionOrgGroups.begin(), provisionOrgGroups.end(), isRemote) ||
           std::any_of(provisionOrgGroupsRemote.begin(), provisionOrgGroupsRemote.end(), isRemote);
}

std::vector<std::string> Procedure::evidenceIds() const {
    std::vector<std::string> ids;
    ids.reserve(evidences.size());
    for (std::size_t i = 0; i < evidences.size(); ++i) {
        const std::string position = std::to_string(i + 1);
        std::string id = evidences[i].numId.empty() ? position : evidences[i].numId;
        // The register may itself use such a form ("1#3"): add the position until it is free.
        while (std::find(ids.begin(), ids.end(), id) != ids.end()) {
            id += "#" + position;
        }
        ids.push_back(std::move(id));
    }
    return ids;
}

const std::string& Procedure::displayTitle(Language language) const {
    const std::string& text = title.in(language);
    return text.empty() ? officialTitle.in(language) : text;
}

}  // namespace kep::catalogue
