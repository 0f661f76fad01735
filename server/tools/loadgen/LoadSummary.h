// kep-loadgen's one JSON summary: what the desks queued and the server answered, the latency
// percentiles of push and pull, throughput, and the read-back check.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "LoadgenOptions.h"
#include "NudgeListeners.h"
#include "ServerCheck.h"
#include "SimulatedDesk.h"

namespace kep::loadgen {

struct RunTimes {
    double setupSeconds = 0;  // offices, users, enrolments
    double syncSeconds = 0;   // from the first exchange until every desk finished (or gave up)
    std::chrono::steady_clock::time_point syncStart{};
    bool drained = false;                   // every desk finished before the deadline
    std::optional<NudgeCounts> websockets;  // with --websockets
};

// The p-th percentile (0..100) by the nearest-rank method; 0 for no samples. Sorts `samples`.
double percentile(std::vector<double>& samples, double p);

std::string summaryJson(const LoadgenOptions& options, const std::string& runTag,
                        const std::vector<std::unique_ptr<SimulatedDesk>>& desks,
                        const RunTimes& times, const CheckResult& check);

}  // namespace kep::loadgen
