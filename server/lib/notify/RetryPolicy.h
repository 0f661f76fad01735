// When a message that could not be sent is tried again: the project's backoff with full jitter
// (shared/sync/RetryBackoff.h) at the notifications' pace, and the number of attempts after
// which a message is given up ("failed", kept for support).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace kep::server::notify {

struct RetryPolicy {
    std::chrono::milliseconds firstDelay{std::chrono::seconds{30}};  // the longest first wait
    std::chrono::milliseconds maxDelay{std::chrono::hours{1}};
    // With the waits doubling from 30 s to an hour, ten attempts give up after about an hour
    // and a half on average, three hours at most; a carrier down longer is support's matter,
    // and the failed message waits for them whole.
    int maxAttempts = 10;

    // The wait after the `attempts`-th failed attempt (1 after the first), or none when that was
    // the last one allowed: uniform in [0, min(maxDelay, firstDelay·2^(attempts-1))], chosen by
    // `random`, and never below min(firstDelay, 1 s), so that a failing carrier is not hammered.
    std::optional<std::chrono::milliseconds> delayAfter(int attempts, std::uint64_t random) const;
};

}  // namespace kep::server::notify
