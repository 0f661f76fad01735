#include "notify/RetryPolicy.h"

#include "shared/sync/RetryBackoff.h"

#include <algorithm>

namespace kep::server::notify {

std::optional<std::chrono::milliseconds> RetryPolicy::delayAfter(int attempts,
                                                                 std::uint64_t random) const {
    if (attempts >= maxAttempts) {
        return std::nullopt;
    }
    const auto minGap = std::min(firstDelay, std::chrono::milliseconds{1'000});
    kep::sync::RetryBackoff backoff({firstDelay, std::max(maxDelay, firstDelay), minGap});
    // The backoff counts failures in memory; a message's count is in its row. Only the wait is
    // wanted here, so the attempts are placed at time zero.
    const kep::sync::Instant start{};
    for (int failure = 1; failure < attempts; ++failure) {
        backoff.afterFailure(start, start, 0);
    }
    return backoff.afterFailure(start, start, random) - start;
}

}  // namespace kep::server::notify
