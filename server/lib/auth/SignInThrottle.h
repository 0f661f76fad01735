// Slowing down password guessing: a growing delay and then a lock-out per username, and a rate
// limit per client address (answered 429 with Retry-After). Pure rules; time is passed in.
#pragma once

#include "auth/SignInThrottleStore.h"

#include <chrono>
#include <string>
#include <string_view>

namespace kep::auth {

struct ThrottleSettings {
    // After n consecutive failures the next attempt waits delayAfter(n): 0 s for the first
    // `freeFailures`, then 1, 2, 4, 8 … s, never more than `maxDelay`.
    int freeFailures = 2;
    std::chrono::seconds maxDelay{60};
    // At `lockAfterFailures` consecutive failures the username is locked for `lockDuration`;
    // each further failure after the cool-down locks it again at once. An administrator's
    // unlock() clears it earlier. (Issue 3 asks for a lock-out before 100.)
    int lockAfterFailures = 20;
    std::chrono::seconds lockDuration{std::chrono::minutes{30}};
    // Per address: at most `addressAttempts` sign-in attempts per `addressWindow`, counted in
    // fixed windows. 20 a minute leaves room for a whole office behind one NAT address.
    int addressAttempts = 20;
    std::chrono::seconds addressWindow{60};
};

enum class ThrottleVerdict {
    Proceed,             // check the password
    AddressRateLimited,  // 429, Retry-After
    UserDelayed,         // 429, Retry-After: too soon after the last failure
    UserLocked,          // 429, Retry-After: locked out (or until an administrator unlocks)
};

struct ThrottleDecision {
    ThrottleVerdict verdict = ThrottleVerdict::Proceed;
    std::chrono::seconds retryAfter{0};
    bool proceed() const { return verdict == ThrottleVerdict::Proceed; }
};

class SignInThrottle {
public:
    explicit SignInThrottle(SignInThrottleStore& store, ThrottleSettings settings = {});

    // Called before the password is checked. Counts the attempt against the address (even when
    // it is refused: a flood stays refused), then says whether this username may try now — and
    // when it may, reserves the attempt by counting it as a failure in the same transaction
    // that read the count. Concurrent guesses therefore each see the ones before them, and no
    // number of them in parallel gets past the allowance. A refused attempt is not counted.
    ThrottleDecision beforeAttempt(std::string_view username, std::string_view address,
                                   Instant now);
    // The password was right: the reserved attempt was no failure, and neither were the ones
    // before it (consecutive failures end). A wrong password needs no call: it is counted.
    void recordSuccess(std::string_view username);
    // An administrator lifts a lock-out (and forgets the failures).
    void unlock(std::string_view username);
    // Consecutive failures so far (0 when none), for the administrator's view.
    std::int64_t consecutiveFailures(std::string_view username);

    std::chrono::seconds delayAfter(std::int64_t consecutiveFailures) const;
    const ThrottleSettings& settings() const { return settings_; }

private:
    SignInThrottleStore& store_;
    ThrottleSettings settings_;
};

// Usernames are throttled folded (kep::domain::foldForSearch: case and accents) and bounded in
// length, so "Maria" and "maria" share one counter, as they share one users row (COLLATE NOCASE).
std::string throttleKeyForUsername(std::string_view username);

}  // namespace kep::auth
