// Who moves a case: a user of an office, a competent authority (a person or its system), or the
// gov.gr channel — the role the lifecycle table checks, with the same codes as the server's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::cases {

// The codes are those of kep::auth::Role ("clerk", "manager", …), so that a server principal
// maps onto an Actor by name; roles that never move a case (IT) are left out.
enum class ActorRole : std::uint8_t {
    Clerk,
    Manager,
    CentralAdmin,
    Authority,        // a person at the competent authority
    AuthoritySystem,  // the authority's own system, through its API key
    GovChannel,       // gov.gr / EU-GO, for applications filed online
};

std::string_view toString(ActorRole role);
std::optional<ActorRole> actorRoleFromString(std::string_view code);

struct Actor {
    std::string id;  // the user's (or system's) id; compared with the case's filer for four eyes
    ActorRole role = ActorRole::Clerk;
};

}  // namespace kep::cases
