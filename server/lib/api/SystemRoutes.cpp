// The routes systems call with an API key: GET /api/v1/system/whoami, so whoever installs a key
// can check which system the server takes it for.
#include "api/IdentityRoutes.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

namespace kep::server::api {

void registerSystemRoutes(http::Router& router) {
    router.add(http::Method::Get, "/api/v1/system/whoami",
               http::RouteAccess::apiKey("system.whoami"), [](http::Request& request) {
                   const auto& system = *request.caller->system;
                   boost::json::value authority = nullptr;
                   if (!system.authorityId.empty()) {
                       authority = boost::json::string(system.authorityId);
                   }
                   return http::jsonResponse(
                       boost::json::object{{"kind", auth::toString(system.role)},
                                           {"name", request.caller->systemName},
                                           {"authority", authority}},
                       200);
               });
}

}  // namespace kep::server::api
