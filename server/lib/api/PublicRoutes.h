// Every route that needs no sign-in, registered in one call: health, readiness, the due-date
// calculator and the events WebSocket. The routes that need an identity come from kep_auth.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"

namespace kep::server::api {

void registerPublicRoutes(http::Router& router, storage::ServerStore& store);

}  // namespace kep::server::api
