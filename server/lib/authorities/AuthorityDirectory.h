// The directory of competent authorities (issue 7, must-have 1): the organisations, by their
// MITOS id, that receive forwarded cases — added and listed by `kep-server authority` and the
// central administration's API, read when an authority user is made.
#pragma once

#include "storage/ServerStore.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::authorities {

struct Authority {
    std::string id;  // the organisation's id in the MITOS register ("10102")
    std::string nameEl;
    std::string nameEn;
    std::string createdAt;
    bool disabled = false;
};

struct NewAuthority {
    std::string id;
    std::string nameEl;
    std::string nameEn;
};

// An authority id as the register writes one: 1 to 32 letters, digits or '-'. Throws
// http::HttpError 400 invalid_field naming `field` otherwise.
void checkAuthorityId(std::string_view id, std::string_view field = "id");

// Refusals are http::HttpError with the status the API answers (400 invalid_field, 409
// authority_exists); the commands print their message. Every method takes the store's lock for
// its own statements; thread-safe.
class AuthorityDirectory {
public:
    explicit AuthorityDirectory(storage::ServerStore& store) : store_(store) {}

    Authority add(const NewAuthority& authority);
    // Every authority, by id.
    std::vector<Authority> list();
    std::optional<Authority> find(std::string_view id);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::authorities
