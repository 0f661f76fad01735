#include "shared/cases/Actor.h"

#include <array>
#include <utility>

namespace kep::cases {

namespace {

constexpr std::array kCodes{
    std::pair{ActorRole::Clerk, std::string_view{"clerk"}},
    std::pair{ActorRole::Manager, std::string_view{"manager"}},
    std::pair{ActorRole::CentralAdmin, std::string_view{"central_admin"}},
    std::pair{ActorRole::Authority, std::string_view{"authority"}},
    std::pair{ActorRole::AuthoritySystem, std::string_view{"authority_system"}},
    std::pair{ActorRole::GovChannel, std::string_view{"gov_channel"}},
};

}  // namespace

std::string_view toString(ActorRole role) {
    for (const auto& [value, code] : kCodes) {
        if (value == role) {
            return code;
        }
    }
    return "?";
}

std::optional<ActorRole> actorRoleFromString(std::string_view code) {
    for (const auto& [value, name] : kCodes) {
        if (name == code) {
            return value;
        }
    }
    return std::nullopt;
}

}  // namespace kep::cases
