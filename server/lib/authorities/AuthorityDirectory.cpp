#include "authorities/AuthorityDirectory.h"

#include "http/HttpError.h"
#include "identity/Administration.h"

#include <algorithm>
#include <chrono>

namespace kep::server::authorities {

namespace {

constexpr std::string_view kColumns =
    "SELECT id, name_el, name_en, created_at, disabled FROM authorities ";

Authority readAuthority(kep::db::Statement& row) {
    return {row.text(0), row.text(1), row.text(2), row.text(3), row.int64(4) != 0};
}

bool isIdCharacter(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
}

}  // namespace

void checkAuthorityId(std::string_view id, std::string_view field) {
    if (id.empty() || id.size() > 32 || !std::all_of(id.begin(), id.end(), isIdCharacter)) {
        throw http::HttpError(400, "invalid_field",
                              "field '" + std::string(field) +
                                  "' must be the authority's MITOS id: 1 to 32 letters, digits "
                                  "or '-'");
    }
}

Authority AuthorityDirectory::add(const NewAuthority& authority) {
    checkAuthorityId(authority.id);
    identity::checkLabel(authority.nameEl, "name_el", 200);
    identity::checkLabel(authority.nameEn, "name_en", 200);
    const auto createdAt = storage::isoUtc(std::chrono::system_clock::now());
    std::lock_guard lock(store_.mutex());
    try {
        store_.database()
            .prepare(
                "INSERT INTO authorities (id, name_el, name_en, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, authority.id)
            .bind(2, authority.nameEl)
            .bind(3, authority.nameEn)
            .bind(4, createdAt)
            .run();
    } catch (const kep::db::Error& error) {
        if (error.isConstraint()) {
            throw http::HttpError(409, "authority_exists",
                                  "an authority with id " + authority.id + " exists");
        }
        throw;
    }
    return {authority.id, authority.nameEl, authority.nameEn, createdAt, false};
}

std::vector<Authority> AuthorityDirectory::list() {
    std::lock_guard lock(store_.mutex());
    auto select = store_.database().prepare(std::string(kColumns) + "ORDER BY id");
    std::vector<Authority> out;
    while (select.step()) {
        out.push_back(readAuthority(select));
    }
    return out;
}

std::optional<Authority> AuthorityDirectory::find(std::string_view id) {
    std::lock_guard lock(store_.mutex());
    auto select = store_.database().prepare(std::string(kColumns) + "WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) {
        return std::nullopt;
    }
    return readAuthority(select);
}

}  // namespace kep::server::authorities
