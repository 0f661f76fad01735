#include "auth/Principal.h"

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

constexpr std::array kRoleNames{
    std::pair{Role::Clerk, std::string_view{"clerk"}},
    std::pair{Role::Manager, std::string_view{"manager"}},
    std::pair{Role::CentralAdmin, std::string_view{"central_admin"}},
    std::pair{Role::Authority, std::string_view{"authority"}},
    std::pair{Role::It, std::string_view{"it"}},
    std::pair{Role::GovChannel, std::string_view{"gov_channel"}},
    std::pair{Role::AuthoritySystem, std::string_view{"authority_system"}},
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
    return nameOf(kRoleNames, role);
}
std::string_view toString(Scope scope) {
    return nameOf(kScopeNames, scope);
}

std::optional<PrincipalKind> principalKindFromString(std::string_view name) {
    return valueOf<PrincipalKind>(kKindNames, name);
}
std::optional<Role> roleFromString(std::string_view name) {
    return valueOf<Role>(kRoleNames, name);
}
std::optional<Scope> scopeFromString(std::string_view name) {
    return valueOf<Scope>(kScopeNames, name);
}

}  // namespace kep::auth
