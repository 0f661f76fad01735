// The query parameters every figures route reads alike: one parameter by name, and the period
// ?from=&to= (Greek civil dates, both included) — by default the 30 days that end today, at most
// 366 days — so that the stats, satisfaction and report routes answer the same errors.
#pragma once

#include "http/HttpMessage.h"
#include "stats/StatsQueries.h"

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::api {

std::optional<std::string> queryParameter(const http::Request& request, std::string_view name);

// Throws http::HttpError 400 invalid_query naming the parameter that is wrong.
stats::Period queryPeriod(const http::Request& request);

}  // namespace kep::server::api
