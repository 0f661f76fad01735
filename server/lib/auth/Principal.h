// Who is asking: a signed-in user, a workstation by its certificate alone, a system by its API
// key, or the server's own administration tool — with the role and home the policy needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::auth {

enum class PrincipalKind { User, Workstation, ApiKey, AdminTool };

// User roles (clerk … it) and API-key roles (gov_channel, eu_go_channel, authority_system). `Any`
// appears only in policy rows ("every role of this kind"); workstations and the admin tool carry it
// as theirs.
enum class Role {
    Clerk,
    Manager,
    CentralAdmin,
    Authority,
    It,
    GovChannel,
    EuGoChannel,
    AuthoritySystem,
    Any
};

// Where a rule reaches: the principal's own office, its office's region, its competent
// authority, or the whole country.
enum class Scope { OwnOffice, OwnRegion, OwnAuthority, National };

struct Principal {
    PrincipalKind kind = PrincipalKind::User;
    Role role = Role::Any;
    std::string userId;       // users; empty for other kinds
    std::string officeCode;   // users of an office, and workstations (enrolled for one office)
    std::string region;       // the region of officeCode (or of an IT user's area)
    std::string authorityId;  // authority users and authority systems
};

// The names used in the database, the policy document and the admin command line.
std::string_view toString(PrincipalKind kind);
std::string_view toString(Role role);
std::string_view toString(Scope scope);
std::optional<PrincipalKind> principalKindFromString(std::string_view name);
std::optional<Role> roleFromString(std::string_view name);
std::optional<Scope> scopeFromString(std::string_view name);

}  // namespace kep::auth
