#include "circulars/Circular.h"

#include <algorithm>
#include <array>

namespace kep::server::circulars {

namespace {

constexpr std::array<std::string_view, 4> kKinds{"procedure_change", "new_rule", "outage",
                                                 "announcement"};

}  // namespace

bool isCircularKind(std::string_view kind) {
    return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

std::string_view toString(AudienceKind kind) {
    switch (kind) {
        case AudienceKind::All:
            return "all";
        case AudienceKind::Region:
            return "region";
        case AudienceKind::Offices:
            return "offices";
    }
    return "all";
}

std::optional<AudienceKind> audienceKindFromString(std::string_view text) {
    for (const auto kind : {AudienceKind::All, AudienceKind::Region, AudienceKind::Offices}) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

bool reaches(const Audience& audience, std::string_view officeCode, std::string_view officeRegion) {
    switch (audience.kind) {
        case AudienceKind::All:
            return true;
        case AudienceKind::Region:
            return !audience.region.empty() && audience.region == officeRegion;
        case AudienceKind::Offices:
            return std::binary_search(audience.offices.begin(), audience.offices.end(), officeCode);
    }
    return false;
}

}  // namespace kep::server::circulars
