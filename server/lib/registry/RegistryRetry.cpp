#include "registry/RegistryRetry.h"

namespace kep::server::registry {

std::optional<Instant> RegistryRetryPolicy::afterFailure(int attempts, Instant attemptStart,
                                                         Instant now, std::uint64_t random) const {
    if (attempts >= maxAttempts) {
        return std::nullopt;
    }
    // The desks' backoff, with the registry's pace; a request's count of failures is in its row.
    return kep::sync::nextAttemptAfter({base, cap, std::chrono::milliseconds{1'000}}, attempts,
                                       attemptStart, now, random);
}

}  // namespace kep::server::registry
