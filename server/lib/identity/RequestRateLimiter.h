// The rate limits of the routes that name a rate bucket, counted in the server database (the
// sign-in throttle's address counters), so that every kep-server process on one database counts
// together: per client address for anonymous callers, per API key for systems.
#pragma once

#include "auth/AddressRateLimit.h"
#include "db/Database.h"
#include "http/RequestLimiter.h"

#include <map>
#include <mutex>
#include <string>

namespace kep::server::identity {

// The rate of each bucket; a bucket not named here is not limited.
using BucketRates = std::map<std::string, auth::AddressRate, std::less<>>;

class RequestRateLimiter final : public http::RequestLimiter {
public:
    // Opens a connection of its own to the database at `databasePath` without fsync per commit:
    // a counter lost in a power cut costs nothing, an fsync for every public request would.
    RequestRateLimiter(const std::string& databasePath, BucketRates rates);

    std::optional<http::Response> admit(const http::Request& request,
                                        std::string_view bucket) const override;

    // The counter key of a request: "<bucket>:key:<api key id>" or "<bucket>:<address>".
    static std::string counterKey(const http::Request& request, std::string_view bucket);

private:
    BucketRates rates_;
    mutable std::mutex mutex_;  // the connection is used by one thread at a time
    mutable kep::db::Database db_;
};

}  // namespace kep::server::identity
