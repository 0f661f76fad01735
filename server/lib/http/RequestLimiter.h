// The rate limit the router puts in front of routes that do work for callers nobody holds to
// account (public routes) or for other systems (API keys), so one caller cannot wear it down.
#pragma once

#include "http/HttpMessage.h"

#include <optional>
#include <string_view>

namespace kep::http {

class RequestLimiter {
public:
    virtual ~RequestLimiter() = default;
    // Counts this request of its caller (its API key when the gate found one, else its address)
    // in `bucket` (RouteAccess::rateBucket). Nothing when it may go on; otherwise the answer to
    // send: 429 too_many_requests with Retry-After. Thread-safe.
    virtual std::optional<Response> admit(const Request& request,
                                          std::string_view bucket) const = 0;
};

}  // namespace kep::http
