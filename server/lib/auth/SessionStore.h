// Where sessions live: an interface over the sessions table (migration 0002), so the token rules
// stay pure and every kep-server process sees a revocation at once.
#pragma once

#include "auth/UtcText.h"

#include <optional>
#include <string>
#include <string_view>

namespace kep::auth {

// One row of sessions. The token itself is never stored, only its SHA-256 (hex).
struct Session {
    std::string tokenHash;
    std::string userId;
    std::string deviceFingerprint;  // SHA-256 of the workstation certificate it was opened on
    Instant createdAt{};
    Instant lastSeenAt{};
    std::optional<Instant> revokedAt;

    bool operator==(const Session&) const = default;
};

class SessionStore {
public:
    virtual ~SessionStore() = default;
    virtual void insert(const Session& session) = 0;
    virtual std::optional<Session> find(std::string_view tokenHash) = 0;
    virtual void touch(std::string_view tokenHash, Instant lastSeenAt) = 0;
    // Both return how many sessions were newly revoked (already revoked ones are left alone).
    virtual int revoke(std::string_view tokenHash, Instant when) = 0;
    virtual int revokeAllOfUser(std::string_view userId, Instant when) = 0;
    // Housekeeping: deletes sessions last seen before `before` (expired or revoked long ago).
    virtual int purgeLastSeenBefore(Instant before) = 0;
};

}  // namespace kep::auth
