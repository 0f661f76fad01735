// GET /healthz (the process answers) and GET /readyz (the database answers too): what a load
// balancer or an operator's probe asks. Public, no personal data.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

void registerHealthRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
