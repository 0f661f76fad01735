#include "identity/RequestRateLimiter.h"

#include "auth/SqliteSignInThrottleStore.h"
#include "identity/RequestGate.h"
#include "storage/DatabaseLocation.h"

namespace kep::server::identity {

namespace {

kep::db::Database openCounters(const std::string& path) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;
    options.synchronousFull = false;
    return kep::server::storage::openConnection(path, options);
}

}  // namespace

RequestRateLimiter::RequestRateLimiter(const std::string& databasePath, BucketRates rates)
    : rates_(std::move(rates))
    , db_(openCounters(databasePath)) {}

std::string RequestRateLimiter::counterKey(const http::Request& request, std::string_view bucket) {
    std::string key(bucket);
    if (request.caller && !request.caller->systemKeyId.empty()) {
        return key + ":key:" + request.caller->systemKeyId;
    }
    return key + ":" + (request.remoteAddress.empty() ? "unknown" : request.remoteAddress);
}

std::optional<http::Response> RequestRateLimiter::admit(const http::Request& request,
                                                        std::string_view bucket) const {
    const auto rate = rates_.find(bucket);
    if (rate == rates_.end()) {
        return std::nullopt;
    }
    std::chrono::seconds wait{0};
    {
        std::lock_guard lock(mutex_);
        auth::SqliteSignInThrottleStore counters(db_);
        wait = auth::countAddressRequest(counters, counterKey(request, bucket), rate->second,
                                         nowInstant());
    }
    if (wait.count() == 0) {
        return std::nullopt;
    }
    auto refusal = http::Response::error(
        429, "too_many_requests",
        "too many requests; try again after " + std::to_string(wait.count()) + " s");
    refusal.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    return refusal;
}

}  // namespace kep::server::identity
