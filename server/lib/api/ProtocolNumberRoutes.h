// POST /api/v1/protocol-numbers/lease: a block of protocol numbers for the calling
// workstation's own office, so that it can number applications with the network down.
#pragma once

#include "http/Router.h"
#include "leases/ProtocolNumberLeases.h"

#include <memory>

namespace kep::server::api {

void registerProtocolNumberRoutes(http::Router& router,
                                  std::shared_ptr<leases::ProtocolNumberLeases> leases);

}  // namespace kep::server::api
