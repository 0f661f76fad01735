#include "api/IdentityRoutes.h"

#include "http/JsonBody.h"

#include <boost/json.hpp>

namespace kep::server::api {

auth::ResourceScope officeScope(identity::Directory& directory, std::string_view officeCode) {
    if (officeCode.empty()) {
        return {};
    }
    const auto office = directory.officeByCode(officeCode);
    return office ? auth::ResourceScope{office->code, office->region, {}} : auth::ResourceScope{};
}

void registerIdentityRoutes(http::Router& router, identity::IdentityServices& identity) {
    registerEnrolmentRoutes(router, identity);
    registerAuthRoutes(router, identity);
    registerAdministrationRoutes(router, identity);
    registerDeviceRoutes(router, identity);
    registerSystemRoutes(router);

    // The route table as the server holds it when asked (so routes added after this call are
    // listed too): what the generated policy test walks. The admin tool only.
    router.add(http::Method::Get, "/api/v1/routes", http::RouteAccess::workstation("routes.read"),
               [&router](http::Request&) {
                   boost::json::array routes;
                   for (const auto& route : router.describe()) {
                       boost::json::object row{{"method", http::methodName(route.method)},
                                               {"pattern", route.pattern},
                                               {"gate", http::toString(route.gate)},
                                               {"websocket", route.webSocket}};
                       row["action"] = route.action.empty() ? boost::json::value()
                                                            : boost::json::value(route.action);
                       routes.push_back(std::move(row));
                   }
                   return http::jsonResponse(boost::json::object{{"routes", std::move(routes)}});
               });
    router.setGatekeeper(identity.gate);
}

}  // namespace kep::server::api
