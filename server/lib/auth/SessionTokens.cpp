#include "auth/SessionTokens.h"

#include "shared/identity/Base64.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace kep::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;

std::string hexSha256(std::span<const std::uint8_t> bytes) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(bytes.data(), bytes.size(), digest.data());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (const unsigned char b : digest) {
        out += kHex[b >> 4];
        out += kHex[b & 0x0F];
    }
    return out;
}

bool sameText(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::optional<std::string> sessionTokenHash(std::string_view token) {
    const auto bytes = kep::identity::decodeBase64Url(token);
    if (!bytes || bytes->size() != kTokenBytes) {
        return std::nullopt;
    }
    return hexSha256(*bytes);
}

SessionTokens::SessionTokens(SessionStore& store, SessionLimits limits)
    : store_(store)
    , limits_(limits) {}

IssuedSession SessionTokens::issue(std::string_view userId, std::string_view deviceFingerprint,
                                   Instant now) {
    std::array<std::uint8_t, kTokenBytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("session token: the random generator failed");
    }
    IssuedSession issued{kep::identity::encodeBase64Url(bytes),
                         Session{hexSha256(bytes), std::string(userId),
                                 std::string(deviceFingerprint), now, now, std::nullopt}};
    OPENSSL_cleanse(bytes.data(), bytes.size());
    store_.insert(issued.session);
    return issued;
}

SessionCheck SessionTokens::validate(std::string_view token, std::string_view deviceFingerprint,
                                     Instant now) {
    const auto hash = sessionTokenHash(token);
    if (!hash) {
        return {SessionRefusal::Malformed, std::nullopt};
    }
    auto session = store_.find(*hash);
    if (!session) {
        return {SessionRefusal::Unknown, std::nullopt};
    }
    if (session->revokedAt && *session->revokedAt <= now) {
        return {SessionRefusal::Revoked, std::nullopt};
    }
    if (deviceFingerprint.empty() || !sameText(session->deviceFingerprint, deviceFingerprint)) {
        return {SessionRefusal::WrongDevice, std::nullopt};
    }
    if (now >= session->createdAt + limits_.absolute) {
        return {SessionRefusal::AbsoluteExpired, std::nullopt};
    }
    if (now >= session->lastSeenAt + limits_.idle) {
        return {SessionRefusal::IdleExpired, std::nullopt};
    }
    if (now >= session->lastSeenAt + limits_.touchInterval) {
        store_.touch(*hash, now);
        session->lastSeenAt = now;
    }
    return {SessionRefusal::None, std::move(session)};
}

bool SessionTokens::revoke(std::string_view token, Instant now) {
    const auto hash = sessionTokenHash(token);
    return hash && store_.revoke(*hash, now) > 0;
}

int SessionTokens::revokeAllOfUser(std::string_view userId, Instant now) {
    return store_.revokeAllOfUser(userId, now);
}

}  // namespace kep::auth
