// What sync counts for /metrics: ops pushed by their outcome (applied, duplicate, rejected,
// conflict, deferred), counted by the push route after the store has answered.
#pragma once

#include "metrics/Exposition.h"
#include "shared/sync/SyncMessages.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace kep::server::metrics {

class SyncMetrics {
public:
    // Thread-safe, lock-free: every op of an acknowledged push answer.
    void counted(const kep::sync::PushResponse& response) noexcept;
    std::uint64_t ops(kep::sync::OpOutcome outcome) const noexcept;

    // kep_sync_ops_pushed_total{outcome} and kep_sync_conflicts_total.
    void writeTo(Exposition& out) const;

private:
    static constexpr std::size_t kOutcomes = 5;  // OpOutcome's values
    std::array<std::atomic<std::uint64_t>, kOutcomes> byOutcome_{};
};

}  // namespace kep::server::metrics
