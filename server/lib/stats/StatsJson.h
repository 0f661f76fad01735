// The statistics' figures as the /api/v1/stats routes answer them (docs/api.md, "Statistics"):
// snake_case members, null where there is nothing to divide or no completed case to time.
#pragma once

#include "stats/StatsQueries.h"

#include <boost/json/object.hpp>

namespace kep::server::stats {

boost::json::object processingJson(const ProcessingTime& time);
// Every member of the overview but "scope", which the route adds.
boost::json::object overviewJson(const Overview& overview);
boost::json::object procedureJson(const ProcedureFigures& figures);
// An office's figures; the route adds its code, name, region and sync lag.
boost::json::object officeFiguresJson(const OfficeFigures& figures);

}  // namespace kep::server::stats
