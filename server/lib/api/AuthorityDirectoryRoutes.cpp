#include "api/AuthorityDirectoryRoutes.h"

#include "authorities/AuthorityDirectory.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxFieldBytes = 256;

boost::json::object authorityJson(const authorities::Authority& authority) {
    return {{"id", authority.id},
            {"name_el", authority.nameEl},
            {"name_en", authority.nameEn},
            {"created_at", authority.createdAt},
            {"disabled", authority.disabled}};
}

}  // namespace

void registerAuthorityDirectoryRoutes(http::Router& router, storage::ServerStore& store) {
    router.add(http::Method::Get, "/api/v1/admin/authorities",
               http::RouteAccess::session("authority.read"), [&store](http::Request&) {
                   boost::json::array list;
                   for (const auto& authority : authorities::AuthorityDirectory(store).list()) {
                       list.push_back(authorityJson(authority));
                   }
                   return http::jsonResponse(boost::json::object{{"authorities", std::move(list)}});
               });
    router.add(http::Method::Post, "/api/v1/admin/authorities",
               http::RouteAccess::session("authority.manage"), [&store](http::Request& request) {
                   const auto body = http::parseJsonObject(request);
                   const auto added = authorities::AuthorityDirectory(store).add(
                       {http::requireString(body, "id", kMaxFieldBytes),
                        http::requireString(body, "name_el", kMaxFieldBytes),
                        http::requireString(body, "name_en", kMaxFieldBytes)});
                   return http::jsonResponse(
                       boost::json::object{{"authority", authorityJson(added)}}, 201);
               });
}

}  // namespace kep::server::api
