// A fixed-window limit on the requests of one client address, kept in the sign-in throttle's
// address counters (so every kep-server process counts together): for public routes that must
// not be run at full speed by one caller — sign-in, enrolment, the citizen's status look-up.
#pragma once

#include "auth/SignInThrottleStore.h"

#include <algorithm>
#include <chrono>
#include <string_view>

namespace kep::auth {

struct AddressRate {
    int requests = 30;  // per window
    std::chrono::seconds window{60};
};

// Counts one request under `key` (each route its own prefix: "status:<address>") in the store's
// atomic update, and returns how long the caller must wait: zero when this request may go on, at
// least one second when it is over the rate. A refused request counts too: a flood stays refused.
inline std::chrono::seconds countAddressRequest(SignInThrottleStore& store, std::string_view key,
                                                AddressRate rate, Instant now) {
    const auto counter =
        store.update(ThrottleSubject::Address, key,
                     [&](std::optional<ThrottleCounter> c) -> std::optional<ThrottleCounter> {
                         if (!c || now >= c->windowStart + rate.window || now < c->windowStart) {
                             return ThrottleCounter{1, now, now, std::nullopt};
                         }
                         ++c->count;
                         c->lastAt = now;
                         return c;
                     });
    if (counter && counter->count > rate.requests) {
        return std::max(std::chrono::seconds{1}, counter->windowStart + rate.window - now);
    }
    return std::chrono::seconds{0};
}

}  // namespace kep::auth
