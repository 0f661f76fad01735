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
    // Only the wait is wanted here, so the attempt is placed at time zero.
    const kep::sync::Instant start{};
    return kep::sync::nextAttemptAfter({firstDelay, std::max(maxDelay, firstDelay), minGap},
                                       attempts, start, start, random) -
           start;
}

}  // namespace kep::server::notify
