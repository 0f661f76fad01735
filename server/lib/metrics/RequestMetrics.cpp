#include "metrics/RequestMetrics.h"

#include <algorithm>
#include <charconv>

namespace kep::server::metrics {

namespace {

// The statuses the server answers with, each counted in a slot of its own; any other is
// counted as status="other" (a fixed set keeps the hot path free of allocation).
constexpr std::array<int, 31> kStatuses{101, 200, 201, 202, 204, 206, 301, 302, 304, 400, 401,
                                        403, 404, 405, 406, 409, 410, 411, 412, 413, 415, 416,
                                        422, 423, 426, 429, 431, 500, 501, 502, 503};
constexpr std::size_t kOtherStatus = kStatuses.size();

constexpr std::array<std::uint8_t, 600> statusSlots() {
    std::array<std::uint8_t, 600> slots{};
    for (auto& slot : slots) {
        slot = static_cast<std::uint8_t>(kOtherStatus);
    }
    for (std::size_t i = 0; i < kStatuses.size(); ++i) {
        slots[static_cast<std::size_t>(kStatuses[i])] = static_cast<std::uint8_t>(i);
    }
    return slots;
}
constexpr auto kStatusSlot = statusSlots();

constexpr auto kRelaxed = std::memory_order_relaxed;

}  // namespace

struct RequestMetrics::Route {
    explicit Route(std::string p) : pattern(std::move(p)) {}
    std::string pattern;
    std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> byStatus{};
    // Per bucket, not cumulative: each request adds to one; the exposition sums them up.
    std::array<std::atomic<std::uint64_t>, kBucketBounds.size() + 1> latency{};
    std::atomic<std::uint64_t> nanoseconds{0};
};

RequestMetrics::RequestMetrics(const std::vector<std::string>& routePatterns)
    : unmatched_(std::make_unique<Route>("-")) {
    for (const auto& pattern : routePatterns) {
        if (pattern != "-" && !routes_.contains(pattern)) {
            routes_.emplace(pattern, std::make_unique<Route>(pattern));
        }
    }
}

RequestMetrics::~RequestMetrics() = default;

RequestMetrics::Route& RequestMetrics::routeOf(std::string_view pattern) noexcept {
    const auto found = routes_.find(pattern);
    return found == routes_.end() ? *unmatched_ : *found->second;
}

void RequestMetrics::observe(std::string_view route, int status,
                             std::chrono::nanoseconds elapsed) noexcept {
    auto& counters = routeOf(route);
    const auto slot =
        status >= 0 && status < 600 ? kStatusSlot[static_cast<std::size_t>(status)] : kOtherStatus;
    counters.byStatus[slot].fetch_add(1, kRelaxed);
    const double seconds = std::chrono::duration<double>(elapsed).count();
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(kBucketBounds.begin(), kBucketBounds.end(), seconds) -
        kBucketBounds.begin());
    counters.latency[bucket].fetch_add(1, kRelaxed);
    counters.nanoseconds.fetch_add(
        static_cast<std::uint64_t>(std::max<std::int64_t>(0, elapsed.count())), kRelaxed);
}

void RequestMetrics::writeTo(Exposition& out) const {
    std::vector<const Route*> all;
    for (const auto& [pattern, route] : routes_) {
        all.push_back(route.get());
    }
    std::sort(all.begin(), all.end(),
              [](const Route* a, const Route* b) { return a->pattern < b->pattern; });
    all.push_back(unmatched_.get());

    out.family("kep_http_requests_total", "counter",
               "HTTP requests answered, by route pattern and status (101: WebSocket upgrades).");
    for (const auto* route : all) {
        for (std::size_t i = 0; i <= kStatuses.size(); ++i) {
            const auto count = route->byStatus[i].load(kRelaxed);
            if (count == 0) {
                continue;
            }
            const auto status = i < kStatuses.size() ? std::to_string(kStatuses[i]) : "other";
            out.sample("kep_http_requests_total", {{"route", route->pattern}, {"status", status}},
                       count);
        }
    }
    out.family("kep_http_request_duration_seconds", "histogram",
               "Time from a request's header read to its answer handed to TLS, by route pattern.");
    for (const auto* route : all) {
        std::uint64_t cumulative = 0;
        std::array<std::uint64_t, kBucketBounds.size() + 1> counts{};
        for (std::size_t i = 0; i < counts.size(); ++i) {
            counts[i] = route->latency[i].load(kRelaxed);
        }
        for (std::size_t i = 0; i < kBucketBounds.size(); ++i) {
            cumulative += counts[i];
            char bound[32];
            const auto end = std::to_chars(bound, bound + sizeof bound, kBucketBounds[i],
                                           std::chars_format::fixed)
                                 .ptr;
            out.sample("kep_http_request_duration_seconds_bucket",
                       {{"route", route->pattern}, {"le", std::string_view(bound, end - bound)}},
                       cumulative);
        }
        cumulative += counts.back();
        out.sample("kep_http_request_duration_seconds_bucket",
                   {{"route", route->pattern}, {"le", "+Inf"}}, cumulative);
        out.sample("kep_http_request_duration_seconds_sum", {{"route", route->pattern}},
                   static_cast<double>(route->nanoseconds.load(kRelaxed)) / 1e9);
        out.sample("kep_http_request_duration_seconds_count", {{"route", route->pattern}},
                   cumulative);
    }
}

}  // namespace kep::server::metrics
