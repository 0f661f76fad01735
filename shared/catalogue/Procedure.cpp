#include "shared/catalogue/Procedure.h"

#include <algorithm>

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

bool Procedure::offeredRemotely() const {
    const auto isRemote = [](const RegistryRef& group) {
        return group.id == kRemoteServiceGroupId;
    };
    return std::any_of(provisionOrgGroups.begin(), provisionOrgGroups.end(), isRemote) ||
           std::any_of(provisionOrgGroupsRemote.begin(), provisionOrgGroupsRemote.end(), isRemote);
}

const std::string& Procedure::displayTitle(Language language) const {
    const std::string& text = title.in(language);
    return text.empty() ? officialTitle.in(language) : text;
}

}  // namespace kep::catalogue
