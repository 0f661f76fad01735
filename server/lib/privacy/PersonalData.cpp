#include "privacy/PersonalData.h"

#include "shared/cases/CaseFields.h"
#include "shared/sync/SyncServerCore.h"

#include <algorithm>
#include <array>

namespace kep::server::privacy {

namespace {

namespace cf = kep::cases::fields;
namespace sf = kep::sync::case_fields;

constexpr std::array<std::string_view, 13> kKept{
    cf::kProtocolNumber, cf::kProcedureId, "catalogue_version",   cf::kDueDate,     cf::kChannel,
    cf::kLanguage,       cf::kAuthorityId, sf::kStatus,           sf::kStatusActor, sf::kStatusRole,
    sf::kStatusAt,       sf::kFiledBy,     sf::kRequiresApproval,
};

bool isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

bool keptAfterPurge(std::string_view field) {
    return std::find(kKept.begin(), kKept.end(), field) != kKept.end();
}

kep::sync::FieldMap withoutPersonalFields(const kep::sync::FieldMap& fields) {
    kep::sync::FieldMap kept;
    for (const auto& entry : fields) {
        if (keptAfterPurge(entry.first)) {
            kept.insert(entry);
        }
    }
    return kept;
}

std::set<std::string> contentAddressesIn(std::string_view text) {
    constexpr std::size_t kLength = 64;
    std::set<std::string> found;
    std::size_t run = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && isLowerHex(text[i])) {
            ++run;
            continue;
        }
        if (run == kLength) {
            found.emplace(text.substr(i - kLength, kLength));
        }
        run = 0;
    }
    return found;
}

}  // namespace kep::server::privacy
