// Where sign-in throttling keeps its counters: an interface, so the rules stay pure and the
// state can live in the database shared by every kep-server process.
#pragma once

#include "auth/UtcText.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace kep::auth {

enum class ThrottleSubject { User, Address };

// One row of sign_in_failures. For a user, `count` is consecutive failed sign-ins and
// `lockedUntil` the end of a lock-out; for an address, `count` is attempts since `windowStart`.
struct ThrottleCounter {
    std::int64_t count = 0;
    Instant windowStart{};
    Instant lastAt{};
    std::optional<Instant> lockedUntil;

    bool operator==(const ThrottleCounter&) const = default;
};

class SignInThrottleStore {
public:
    virtual ~SignInThrottleStore() = default;

    // Atomic read-modify-write across processes: `change` gets the current counter (nullopt if
    // none) and returns the new one (nullopt deletes it). Returns what was stored.
    using Change = std::function<std::optional<ThrottleCounter>(std::optional<ThrottleCounter>)>;
    virtual std::optional<ThrottleCounter> update(ThrottleSubject subject, std::string_view key,
                                                  const Change& change) = 0;
    virtual std::optional<ThrottleCounter> find(ThrottleSubject subject, std::string_view key) = 0;
    // Housekeeping: drops counters last touched before `before` that hold no running lock-out.
    virtual int purgeIdle(Instant before, Instant now) = 0;
};

}  // namespace kep::auth
