// When a desk tries the server again after a failure: exponential backoff with full jitter, so
// that 3,000 desks coming back after an outage spread out instead of arriving together.
#pragma once

#include <chrono>
#include <cstdint>

#include "shared/cases/CaseHistory.h"

namespace kep::sync {

using Instant = cases::Instant;  // UTC, to the millisecond

struct BackoffPolicy {
    std::chrono::milliseconds base{1'000};
    std::chrono::milliseconds cap{300'000};   // 5 minutes
    std::chrono::milliseconds minGap{1'000};  // at most one attempt a second, whatever the dice say
};

// Full jitter (as in AWS's "Exponential Backoff and Jitter"): after the n-th failure in a row
// (n = 1, 2, …) the wait is uniform in [0, min(cap, base·2^(n-1))]. The attempt after it starts
// no sooner than minGap after the failed one started. Randomness is passed in, so that the
// simulation replays and tests can choose the dice.
// The same rule for a caller that keeps its count of failures itself (the server's retry queues
// keep it in a row): the next attempt after the `failures`-th failure in a row (1, 2, …).
Instant nextAttemptAfter(const BackoffPolicy& policy, int failures, Instant attemptStart,
                         Instant now, std::uint64_t random);

class RetryBackoff {
public:
    explicit RetryBackoff(BackoffPolicy policy = {});

    // The time of the next attempt, after the attempt that started at `attemptStart` failed.
    Instant afterFailure(Instant attemptStart, Instant now, std::uint64_t random);
    void reset() { failures_ = 0; }
    int failures() const { return failures_; }
    // The upper end of the wait after the next failure.
    std::chrono::milliseconds window() const;

private:
    BackoffPolicy policy_;
    int failures_ = 0;
};

}  // namespace kep::sync
