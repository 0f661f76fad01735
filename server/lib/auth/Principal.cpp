#include "auth/Principal.h"

#include "shared/cases/Actor.h"

#include <array>
#include <utility>

namespace kep::auth {
namespace {

constexpr std::array kKindNames{
    std::pair{PrincipalKind::User, std::string_view{"user"}},
    std::pair{PrincipalKind::Workstation, std::string_view{"workstation"}},
    std::pair{PrincipalKind::ApiKey, std::string_view{"api_key"}},
    std::pair{PrincipalKind::AdminTool, std::string_view{"admin_tool"}},
};

// The roles that move cases are named by shared/cases (kep::cases::ActorRole), the one table
// desk and server read; only the roles that never move a case are named here.
constexpr std::array kCaseRoles{
    std::pair{Role::Clerk, kep::cases::ActorRole::Clerk},
    std::pair{Role::Manager, kep::cases::ActorRole::Manager},
    std::pair{Role::CentralAdmin, kep::cases::ActorRole::CentralAdmin},
    std::pair{Role::Authority, kep::cases::ActorRole::Authority},
    std::pair{Role::GovChannel, kep::cases::ActorRole::GovChannel},
    std::pair{Role::AuthoritySystem, kep::cases::ActorRole::AuthoritySystem},
};

constexpr std::array kServerOnlyRoleNames{
    std::pair{Role::It, std::string_view{"it"}},
    std::pair{Role::EuGoChannel, std::string_view{"eu_go_channel"}},
    std::pair{Role::Any, std::string_view{"any"}},
};

constexpr std::array kScopeNames{
    std::pair{Scope::OwnOffice, std::string_view{"own_office"}},
    std::pair{Scope::OwnRegion, std::string_view{"own_region"}},
    std::pair{Scope::OwnAuthority, std::string_view{"own_authority"}},
    std::pair{Scope::National, std::string_view{"national"}},
};

template <typename Names, typename E>
std::string_view nameOf(const Names& names, E value) {
    for (const auto& [v, name] : names) {
        if (v == value) {
            return name;
        }
    }
    return "?";
}

template <typename E, typename Names>
std::optional<E> valueOf(const Names& names, std::string_view name) {
    for (const auto& [v, n] : names) {
        if (n == name) {
            return v;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(PrincipalKind kind) {
    return nameOf(kKindNames, kind);
}
std::string_view toString(Role role) {
    for (const auto& [value, actor] : kCaseRoles) {
        if (value == role) {
            return kep::cases::toString(actor);
        }
    }
    return nameOf(kServerOnlyRoleNames, role);
}
std::string_view toString(Scope scope) {
    return nameOf(kScopeNames, scope);
}

std::optional<PrincipalKind> principalKindFromString(std::string_view name) {
    return valueOf<PrincipalKind>(kKindNames, name);
}
std::optional<Role> roleFromString(std::string_view name) {
    if (const auto actor = kep::cases::actorRoleFromString(name)) {
        for (const auto& [value, a] : kCaseRoles) {
            if (a == *actor) {
                return value;
            }
        }
    }
    return valueOf<Role>(kServerOnlyRoleNames, name);
}
std::optional<Scope> scopeFromString(std::string_view name) {
    return valueOf<Scope>(kScopeNames, name);
}

}  // namespace kep::auth
