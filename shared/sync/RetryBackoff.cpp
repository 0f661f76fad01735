#include "shared/sync/RetryBackoff.h"

#include <algorithm>

namespace kep::sync {

using std::chrono::milliseconds;

RetryBackoff::RetryBackoff(BackoffPolicy policy) : policy_(policy) {}

milliseconds RetryBackoff::window() const {
    // Doubling stops once the cap is reached, so the shift never overflows.
    milliseconds w = policy_.base;
    for (int i = 0; i < failures_ && w < policy_.cap; ++i) {
        w *= 2;
    }
    return std::min(w, policy_.cap);
}

Instant RetryBackoff::afterFailure(Instant attemptStart, Instant now, std::uint64_t random) {
    const milliseconds w = window();
    ++failures_;
    const auto span = static_cast<std::uint64_t>(std::max<std::int64_t>(w.count(), 0)) + 1;
    const milliseconds wait{static_cast<std::int64_t>(random % span)};
    return std::max(now + wait, attemptStart + policy_.minGap);
}

}  // namespace kep::sync
