#include "shared/sync/RetryBackoff.h"

#include <algorithm>

namespace kep::sync {

using std::chrono::milliseconds;

namespace {

// The upper end of the wait after `earlierFailures` failures in a row and one more.
milliseconds windowAfter(const BackoffPolicy& policy, int earlierFailures) {
    // Doubling stops once the cap is reached, so the shift never overflows.
    milliseconds w = policy.base;
    for (int i = 0; i < earlierFailures && w < policy.cap; ++i) {
        w *= 2;
    }
    return std::min(w, policy.cap);
}

}  // namespace

Instant nextAttemptAfter(const BackoffPolicy& policy, int failures, Instant attemptStart,
                         Instant now, std::uint64_t random) {
    const milliseconds w = windowAfter(policy, std::max(failures, 1) - 1);
    const auto span = static_cast<std::uint64_t>(std::max<std::int64_t>(w.count(), 0)) + 1;
    const milliseconds wait{static_cast<std::int64_t>(random % span)};
    return std::max(now + wait, attemptStart + policy.minGap);
}

RetryBackoff::RetryBackoff(BackoffPolicy policy) : policy_(policy) {}

milliseconds RetryBackoff::window() const {
    return windowAfter(policy_, failures_);
}

Instant RetryBackoff::afterFailure(Instant attemptStart, Instant now, std::uint64_t random) {
    ++failures_;
    return nextAttemptAfter(policy_, failures_, attemptStart, now, random);
}

}  // namespace kep::sync
