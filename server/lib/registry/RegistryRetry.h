// When the KEP asks a registry again after no answer, and when it stops asking: a registry that
// is down for hours must not be hammered, and a clerk must learn by the next working day that
// the citizen has to bring the document after all.
#pragma once

#include "shared/sync/RetryBackoff.h"

#include <chrono>
#include <cstdint>
#include <optional>

namespace kep::server::registry {

using Instant = kep::sync::Instant;

struct RegistryRetryPolicy {
    std::chrono::milliseconds base{30'000};  // the longest first wait
    std::chrono::milliseconds cap{3'600'000};
    // Twenty attempts: with the waits doubling to an hour, a registry that stays down is given
    // up on after about seven hours on average (full jitter halves the waits).
    int maxAttempts = 20;

    // After the `attempts`-th attempt in a row without an answer (1, 2, …), which started at
    // `attemptStart`: the time of the next one, or nullopt to give up. `random` picks the point
    // in the jittered window (RetryBackoff.h), so that tests choose it.
    std::optional<Instant> afterFailure(int attempts, Instant attemptStart, Instant now,
                                        std::uint64_t random) const;
};

}  // namespace kep::server::registry
