// The circulars routes (issue 8, must-have 7): the central administration — or a region's IT
// staff, for the offices of their region — sends a circular; desks receive it through the
// `circulars` sync bucket and send back who read it; the sender reads the receipts per office.
#pragma once

#include "http/Router.h"
#include "storage/ServerStore.h"
#include "sync/NudgeHub.h"

namespace kep::server::api {

// POST /api/v1/circulars                   session, circular.send (the audience's scope)
// POST /api/v1/circulars/{id}/read         workstation, circular.acknowledge (its own office)
// GET  /api/v1/circulars/{id}/receipts     session, circular.send (the circular's scope)
// A sent circular nudges the desks (bucket "circulars"). `store` and `nudges` must outlive the
// router's use.
void registerCircularRoutes(http::Router& router, storage::ServerStore& store,
                            sync::NudgeHub& nudges);

}  // namespace kep::server::api
