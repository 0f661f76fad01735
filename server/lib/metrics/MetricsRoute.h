// GET /metrics: the server's counters, histograms and gauges in the Prometheus text format, for
// a scraper on the server's own host (loopback only: see docs/operations.md, "Metrics").
#pragma once

#include "http/Router.h"
#include "metrics/RequestMetrics.h"
#include "metrics/SyncMetrics.h"
#include "stats/ReadConnections.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace kep::server::metrics {

struct MetricsSources {
    const SyncMetrics* sync = nullptr;
    std::function<std::size_t()> desksConnected;    // open sync WebSockets (NudgeHub::size)
    std::shared_ptr<stats::ReadConnections> reads;  // for the offices' sync lag
    std::function<std::int64_t()> nowMs;
};

// 127.0.0.0/8, ::1 and IPv4-mapped 127/8.
bool isLoopback(std::string_view address);

// Adds GET /metrics. Call it after every other route: the request counters are made here for
// the routes the router then holds (the hot path never adds one). The network layer feeds the
// returned counters (ServerOptions::requestMetrics).
std::shared_ptr<RequestMetrics> registerMetricsRoute(http::Router& router, MetricsSources sources);

}  // namespace kep::server::metrics
