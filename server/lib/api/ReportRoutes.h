// GET /api/v1/stats/reports/{office}/{month}.{csv|pdf}: an office's monthly report on demand
// (issue 8), in Greek or English, for its manager and the central administration.
#pragma once

#include "http/Router.h"
#include "stats/StatsQueries.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::api {

// Policy action stats.office, scoped to the office in the path. The month is "YYYY-MM", not in
// the future (Greek civil time); ?lang=el (default) or en. Bad parameters answer 400
// "invalid_query" naming the parameter; an unknown office 404. `store` must outlive the router.
void registerReportRoutes(http::Router& router, storage::ServerStore& store,
                          std::shared_ptr<stats::StatsQueries> queries);

}  // namespace kep::server::api
