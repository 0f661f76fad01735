// GET /api/v1/stats/satisfaction (issue 8, must-have 5): citizens' ratings at delivery, for an
// office, a region or the nation, overall or for one procedure.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

// session, stats.office: a manager for their own office; central_admin for any office, a region
// or the nation. An office's answer carries its latest comments. `store` must outlive the
// router's use.
void registerSatisfactionRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
