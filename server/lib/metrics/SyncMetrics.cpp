#include "metrics/SyncMetrics.h"

namespace kep::server::metrics {

namespace {

constexpr std::array kEveryOutcome{kep::sync::OpOutcome::Applied, kep::sync::OpOutcome::Duplicate,
                                   kep::sync::OpOutcome::Rejected, kep::sync::OpOutcome::Conflict,
                                   kep::sync::OpOutcome::Deferred};

}  // namespace

void SyncMetrics::counted(const kep::sync::PushResponse& response) noexcept {
    for (const auto& result : response.results) {
        byOutcome_[static_cast<std::size_t>(result.outcome)].fetch_add(1,
                                                                       std::memory_order_relaxed);
    }
}

std::uint64_t SyncMetrics::ops(kep::sync::OpOutcome outcome) const noexcept {
    return byOutcome_[static_cast<std::size_t>(outcome)].load(std::memory_order_relaxed);
}

void SyncMetrics::writeTo(Exposition& out) const {
    static_assert(kEveryOutcome.size() == SyncMetrics::kOutcomes);
    out.family("kep_sync_ops_pushed_total", "counter",
               "Ops pushed by desks and answered, by outcome (a duplicate is an op sent again).");
    for (const auto outcome : kEveryOutcome) {
        out.sample("kep_sync_ops_pushed_total", {{"outcome", kep::sync::toString(outcome)}},
                   ops(outcome));
    }
    out.family("kep_sync_conflicts_total", "counter",
               "Pushed ops that clashed with another change of the same field: each waits in an "
               "office manager's conflict inbox.");
    out.sample("kep_sync_conflicts_total", {}, ops(kep::sync::OpOutcome::Conflict));
}

}  // namespace kep::server::metrics
