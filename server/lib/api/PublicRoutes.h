// Every route that needs no user signed in, registered in one call: health, readiness, the
// due-date calculator, and the events WebSocket (an enrolled workstation's certificate).
// The routes that need a user's session come from kep_auth.
#pragma once

#include "events/EventHub.h"
#include "http/Router.h"
#include "storage/ServerStore.h"

#include <memory>

namespace kep::server::api {

// `hub` carries the nudges to the desks connected to /api/v1/events.
void registerPublicRoutes(
    http::Router& router, storage::ServerStore& store,
    std::shared_ptr<events::EventHub> hub = std::make_shared<events::EventHub>());

}  // namespace kep::server::api
