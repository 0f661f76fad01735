// Offices and the people who sign in at them, as kep-server's database holds them: the reads
// the request gate and sign-in make on every call, and the writes administration makes.
#pragma once

#include "auth/Principal.h"
#include "identity/AuditActor.h"
#include "storage/ServerStore.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::identity {

struct Office {
    std::string id;
    std::string code;
    std::string name;
    std::string region;
};

struct UserAccount {
    std::string id;
    std::string username;
    std::string displayName;
    std::string role;              // clerk | manager | central_admin | authority | it
    std::optional<Office> office;  // clerks and managers only
    std::string region;            // an IT user's region (users.region); empty otherwise
    std::string authorityId;       // an authority user's authority (users.authority_id)
    bool disabled = false;
    std::string passwordHash;  // PHC string; never leaves the server
};

struct NewAccount {
    std::string username;
    std::string displayName;
    std::string role;
    std::optional<std::string> officeId;
    std::optional<std::string> region;
    std::string passwordHash;
    std::optional<std::string> authorityId;  // authority users: required (migration 0011)
};

// The policy's view of a user: role, office and region (the office's, or an IT user's own),
// and an authority user's authority.
auth::Principal principalOf(const UserAccount& account);

// Every method takes the store's lock for its own statements; thread-safe. Each write is audited
// (issue 9) in its own transaction, naming `by` as the actor.
class Directory {
public:
    explicit Directory(storage::ServerStore& store) : store_(store) {}

    std::vector<Office> offices();
    std::optional<Office> officeByCode(std::string_view code);
    // Throws kep::db::Error (isConstraint()) when the code exists. Audited as office.create.
    Office addOffice(const storage::NewOffice& office, const AuditActor& by);

    // Usernames compare without regard to ASCII case (users.username is COLLATE NOCASE).
    std::optional<UserAccount> userByName(std::string_view username);
    std::optional<UserAccount> userById(std::string_view id);
    // The users of one office (by code), or with `officeCode` nullopt every user, or with an
    // empty code the users of no office (the central roles). Ordered by username.
    std::vector<UserAccount> users(const std::optional<std::string>& officeCode);
    // Throws kep::db::Error (isConstraint()) when the username is taken. Audited as user.create.
    std::string addUser(const NewAccount& account, const AuditActor& by);
    // True when the row changed; only a change is audited (user.disable / user.enable).
    bool setDisabled(std::string_view userId, bool disabled, const AuditActor& by);
    void setPasswordHash(std::string_view userId, std::string_view passwordHash);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::identity
