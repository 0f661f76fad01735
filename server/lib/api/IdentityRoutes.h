// The identity and access routes of kep-server — enrolment, sign-in and sessions, the office
// directory, administration of offices, users and workstations, the API-key systems' whoami, and
// the route table itself — and the request gate every guarded route of the router passes through.
#pragma once

#include "http/Router.h"
#include "identity/IdentityServices.h"

namespace kep::server::api {

// Registers the routes and installs identity's RequestGate as the router's gatekeeper.
// `identity` must outlive the router's use.
void registerIdentityRoutes(http::Router& router, identity::IdentityServices& identity);

// Each group, for the above (one file each).
void registerAuthRoutes(http::Router& router, identity::IdentityServices& identity);
void registerEnrolmentRoutes(http::Router& router, identity::IdentityServices& identity);
void registerAdministrationRoutes(http::Router& router, identity::IdentityServices& identity);
void registerDeviceRoutes(http::Router& router, identity::IdentityServices& identity);
void registerSystemRoutes(http::Router& router);

// The scope of a resource that belongs to the office with this code: its code and region, or
// the national scope when there is no such office (only national rules reach it).
auth::ResourceScope officeScope(identity::Directory& directory, std::string_view officeCode);

}  // namespace kep::server::api
