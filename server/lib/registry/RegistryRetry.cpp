#include "registry/RegistryRetry.h"

namespace kep::server::registry {

std::optional<Instant> RegistryRetryPolicy::afterFailure(int attempts, Instant attemptStart,
                                                         Instant now, std::uint64_t random) const {
    if (attempts >= maxAttempts) {
        return std::nullopt;
    }
    // The desks' backoff, with the registry's pace. Its count of failures lives in memory; a
    // request's count lives in its row, so the earlier failures are replayed to reach it.
    kep::sync::RetryBackoff backoff({base, cap, std::chrono::milliseconds{1'000}});
    for (int failure = 1; failure < attempts; ++failure) {
        backoff.afterFailure(attemptStart, now, 0);
    }
    return backoff.afterFailure(attemptStart, now, random);
}

}  // namespace kep::server::registry
