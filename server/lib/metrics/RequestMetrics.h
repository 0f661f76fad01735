// What the HTTP front counts for /metrics: requests by route pattern and status, and a latency
// histogram per route. Fed by the network layer after every answer; lock-free on that path.
#pragma once

#include "metrics/Exposition.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kep::server::metrics {

class RequestMetrics {
public:
    // Upper bounds of the latency buckets, in seconds (+Inf is implied).
    static constexpr std::array<double, 14> kBucketBounds{
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    // `routePatterns`: every route the router has (Router::describe()), known before the first
    // request, so that counting never allocates nor locks. A pattern not among them (and "-",
    // no route matched) is counted under route="-".
    explicit RequestMetrics(const std::vector<std::string>& routePatterns);
    ~RequestMetrics();
    RequestMetrics(const RequestMetrics&) = delete;
    RequestMetrics& operator=(const RequestMetrics&) = delete;

    // Thread-safe, wait-free: after the answer to one request (or its upgrade, status 101).
    void observe(std::string_view route, int status, std::chrono::nanoseconds elapsed) noexcept;

    // kep_http_requests_total and kep_http_request_duration_seconds.
    void writeTo(Exposition& out) const;

private:
    struct Route;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };
    Route& routeOf(std::string_view pattern) noexcept;

    std::unordered_map<std::string, std::unique_ptr<Route>, Hash, std::equal_to<>> routes_;
    std::unique_ptr<Route> unmatched_;
};

}  // namespace kep::server::metrics
