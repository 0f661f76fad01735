#include "identity/ApiKeys.h"

#include "identity/SecretDigest.h"
#include "shared/domain/Uuid.h"
#include "shared/identity/Base64.h"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace kep::server::identity {

namespace {

constexpr std::array kKinds{
    std::pair{std::string_view{"gov_channel"}, auth::Role::GovChannel},
    std::pair{std::string_view{"eu_go_channel"}, auth::Role::EuGoChannel},
    std::pair{std::string_view{"authority_system"}, auth::Role::AuthoritySystem},
};

std::string_view kindOf(auth::Role role) {
    for (const auto& [kind, value] : kKinds) {
        if (value == role) {
            return kind;
        }
    }
    throw std::invalid_argument("not an API-key role");
}

std::string newKey() {
    std::array<std::uint8_t, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("no random bytes for an API key");
    }
    return kep::identity::encodeBase64Url(bytes);
}

}  // namespace

std::optional<auth::Role> apiKeyRoleFromKind(std::string_view kind) {
    for (const auto& [name, role] : kKinds) {
        if (name == kind) {
            return role;
        }
    }
    return std::nullopt;
}

IssuedApiKey ApiKeys::issue(std::string_view kind, std::string_view name,
                            std::string_view authorityId, auth::Instant now, const AuditActor& by) {
    const auto role = apiKeyRoleFromKind(kind);
    if (!role) {
        throw std::invalid_argument("the kind is gov_channel, eu_go_channel or authority_system");
    }
    if (name.empty()) {
        throw std::invalid_argument("an API key needs a name");
    }
    const bool forAuthority = *role == auth::Role::AuthoritySystem;
    if (forAuthority == authorityId.empty()) {
        throw std::invalid_argument(forAuthority ? "an authority system needs its authority id"
                                                 : "only an authority system has an authority");
    }
    IssuedApiKey issued{{kep::domain::newUuidV7().toString(), *role, std::string(name),
                         std::string(authorityId), auth::toUtcText(now), std::nullopt},
                        newKey()};
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    db.prepare(
          "INSERT INTO api_keys (id, kind, name, authority_id, key_hash, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, issued.record.id)
        .bind(2, kindOf(*role))
        .bind(3, issued.record.name)
        .bind(4,
              forAuthority ? std::optional<std::string>(issued.record.authorityId) : std::nullopt)
        .bind(5, secretDigest(issued.key))
        .bind(6, issued.record.createdAt)
        .run();
    auditChange(db, by, "api_key.create", "api_key", issued.record.id);
    transaction.commit();
    return issued;
}

bool ApiKeys::revoke(std::string_view id, auth::Instant now, const AuditActor& by) {
    std::lock_guard lock(store_.mutex());
    auto& db = store_.database();
    kep::db::Transaction transaction(db);
    db.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(1, auth::toUtcText(now))
        .bind(2, id)
        .run();
    if (db.changes() > 0) {
        auditChange(db, by, "api_key.revoke", "api_key", id);
        transaction.commit();
        return true;
    }
    auto exists = db.prepare("SELECT 1 FROM api_keys WHERE id = ?");
    exists.bind(1, id);
    return exists.step();
}

std::optional<ApiKeyRecord> ApiKeys::byKey(std::string_view presentedKey) {
    const auto hash = secretDigest(presentedKey);
    std::lock_guard lock(store_.mutex());
    auto row = store_.database().prepare(
        "SELECT id, kind, name, authority_id, created_at, revoked_at FROM api_keys "
        "WHERE key_hash = ?");
    row.bind(1, hash);
    if (!row.step()) {
        return std::nullopt;
    }
    const auto role = apiKeyRoleFromKind(row.text(1));
    if (!role) {
        return std::nullopt;
    }
    return ApiKeyRecord{row.text(0), *role,
                        row.text(2), row.optionalText(3).value_or(""),
                        row.text(4), row.optionalText(5)};
}

}  // namespace kep::server::identity
