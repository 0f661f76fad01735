#include "api/HealthRoutes.h"

#include "api/Version.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

namespace kep::server::api {

void registerHealthRoutes(http::Router& router, storage::ServerStore& store) {
    router.add(http::Method::Get, "/healthz", http::RouteAccess::publicRoute(), [](http::Request&) {
        return http::jsonResponse(
            boost::json::object{{"status", "ok"}, {"version", serverVersion()}});
    });
    router.add(
        http::Method::Get, "/readyz", http::RouteAccess::publicRoute(), [&store](http::Request&) {
            // Asked twice: a connection left idle through a database restart fails the first
            // statement that finds it gone, and the second runs on a new connection
            // (storage/pg/PgConnection.h), so the first probe after the restart says ready.
            if (!store.isReachable() && !store.isReachable()) {
                return http::Response::error(503, "not_ready", "the database is unreachable");
            }
            return http::jsonResponse(boost::json::object{{"status", "ready"}});
        });
}

}  // namespace kep::server::api
