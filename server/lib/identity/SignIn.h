// Password sign-in at a workstation, in the order that keeps guessing slow and tells an
// attacker nothing: throttle (address rate, growing delay, lock-out) → verify the Argon2id
// hash (a decoy one for unknown names, so timing says nothing) → record the outcome → only then
// the account's state (disabled) and where it may sign in (the policy's auth.sign_in rows).
#pragma once

#include "auth/Principal.h"
#include "auth/SessionTokens.h"
#include "auth/SignInThrottle.h"
#include "identity/Directory.h"
#include "storage/ServerStore.h"

#include <chrono>
#include <string>
#include <string_view>

namespace kep::server::identity {

struct SignInAttempt {
    std::string_view username;
    std::string_view password;
    std::string_view remoteAddress;
    const auth::Principal& workstation;  // the gate's principal for the certificate
    std::string_view certificateFingerprint;
    auth::Instant now;
};

struct SignInResult {
    enum class Outcome {
        SignedIn,
        InvalidCredentials,  // unknown user, wrong password: one answer for both
        Throttled,           // address rate, delay or lock-out; see retryAfter
        Disabled,            // right password, disabled account
        WrongOffice,         // right password, a workstation of another office
    };
    Outcome outcome = Outcome::InvalidCredentials;
    std::chrono::seconds retryAfter{0};
    std::string token;
    auth::Instant expiresAt{};
    UserAccount account;
};

class SignIn {
public:
    SignIn(storage::ServerStore& store, Directory& directory, auth::ThrottleSettings throttle,
           auth::SessionLimits sessions);

    // Thread-safe. Takes the store's lock only around its database steps, never while
    // hashing (Argon2id takes tens of milliseconds).
    SignInResult attempt(const SignInAttempt& attempt);

    const auth::SessionLimits& sessionLimits() const { return sessions_; }

private:
    storage::ServerStore& store_;
    Directory& directory_;
    auth::ThrottleSettings throttle_;
    auth::SessionLimits sessions_;
    std::string decoyHash_;  // verified against for unknown usernames
};

}  // namespace kep::server::identity
