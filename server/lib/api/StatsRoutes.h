// GET /api/v1/stats/overview, /procedures, /offices and /clerks: the office managers' and the
// central administration's figures (issue 8), read from the aggregates the stats job keeps.
#pragma once

#include "http/Router.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::api {

// Who may: stats.office (a manager for their own office, central_admin for any office, region
// or the nation) for overview and procedures; stats.national for offices; stats.workload (the
// office's manager only) for clerks. Bad parameters answer 400 "invalid_query" naming the
// parameter; an unknown office or region 404. `store` must outlive the router's use.
void registerStatsRoutes(http::Router& router, storage::ServerStore& store,
                         std::shared_ptr<stats::StatsQueries> queries);

}  // namespace kep::server::api
