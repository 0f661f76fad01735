// Session tokens for signed-in users: 256 random bits handed to the desk once, kept by the
// server only as a hash, valid only from the workstation they were issued to, and short-lived.
#pragma once

#include "auth/SessionStore.h"

#include <chrono>
#include <string>
#include <string_view>

namespace kep::auth {

struct SessionLimits {
    std::chrono::seconds idle{std::chrono::minutes{30}};
    std::chrono::seconds absolute{std::chrono::hours{12}};
    // last_seen_at is written at most this often, so a busy desk does not write on every
    // request; a session may therefore end up to this much before its idle limit.
    std::chrono::seconds touchInterval{60};
};

enum class SessionRefusal {
    None,
    Malformed,        // not 43 base64url characters of 32 bytes
    Unknown,          // no such session
    Revoked,          // signed out or revoked by an administrator
    WrongDevice,      // presented from another workstation than it was issued to
    IdleExpired,      // unused for longer than the idle limit
    AbsoluteExpired,  // older than the absolute limit
};

struct SessionCheck {
    SessionRefusal refusal = SessionRefusal::None;
    std::optional<Session> session;  // set when valid
    bool valid() const { return refusal == SessionRefusal::None; }
};

struct IssuedSession {
    std::string token;  // for the desk; never stored or logged by the server
    Session session;
};

// SHA-256 of the token's 32 bytes, lower-case hex: the sessions table's key.
// nullopt when the token is not well-formed.
std::optional<std::string> sessionTokenHash(std::string_view token);

class SessionTokens {
public:
    explicit SessionTokens(SessionStore& store, SessionLimits limits = {});

    IssuedSession issue(std::string_view userId, std::string_view deviceFingerprint, Instant now);
    // Checks the token as presented over a connection whose client certificate has
    // `deviceFingerprint`; a valid use refreshes the idle clock.
    SessionCheck validate(std::string_view token, std::string_view deviceFingerprint, Instant now);
    // Sign-out. True when a live session was revoked.
    bool revoke(std::string_view token, Instant now);
    // A disabled user, a changed password: every session of the user ends.
    int revokeAllOfUser(std::string_view userId, Instant now);

    const SessionLimits& limits() const { return limits_; }

private:
    SessionStore& store_;
    SessionLimits limits_;
};

}  // namespace kep::auth
