// The API keys of the systems that call kep-server without a workstation: the gov.gr and EU-GO
// channels and authorities' own systems. Only a key's SHA-256 is stored; the key is shown once.
#pragma once

#include "auth/Principal.h"
#include "auth/UtcText.h"
#include "identity/AuditActor.h"
#include "storage/ServerStore.h"

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::identity {

struct ApiKeyRecord {
    std::string id;
    auth::Role role = auth::Role::GovChannel;  // from the kind: gov_channel, eu_go_channel, …
    std::string name;
    std::string authorityId;  // authority systems only
    std::string createdAt;
    std::optional<std::string> revokedAt;
};

struct IssuedApiKey {
    ApiKeyRecord record;
    std::string key;  // 256 random bits, base64url; nowhere else once this is dropped
};

// The roles an API key may carry, by the kind names of the table and the command line.
std::optional<auth::Role> apiKeyRoleFromKind(std::string_view kind);

// Every method takes the store's lock for its own statements; thread-safe. Keys are issued and
// revoked by the admin commands only; each is audited (api_key.create / api_key.revoke) with it.
class ApiKeys {
public:
    explicit ApiKeys(storage::ServerStore& store) : store_(store) {}

    // Throws std::invalid_argument for an unknown kind, an empty name, or an authority id given
    // for a channel / missing for an authority system.
    IssuedApiKey issue(std::string_view kind, std::string_view name, std::string_view authorityId,
                       auth::Instant now, const AuditActor& by = adminCommandActor());
    // Sets revoked_at unless already set; false when there is no such key.
    bool revoke(std::string_view id, auth::Instant now, const AuditActor& by = adminCommandActor());
    // The key's record, by the hash of what was presented (so the comparison is an index
    // look-up of a digest, not a byte-by-byte compare of the secret). Revoked ones included.
    std::optional<ApiKeyRecord> byKey(std::string_view presentedKey);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::identity
