// The workstations of an office: POST /api/v1/offices/{code}/enrolment-codes,
// GET /api/v1/devices?office=CODE and POST /api/v1/devices/{id}/revoke.
#include "api/IdentityJson.h"
#include "api/IdentityRoutes.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/AuditActor.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

std::optional<std::string> officeQuery(const http::Request& request) {
    const auto it = request.query.find("office");
    if (it == request.query.end()) {
        return std::nullopt;
    }
    return it->second;
}

}  // namespace

void registerDeviceRoutes(http::Router& router, identity::IdentityServices& identity) {
    auto& directory = identity.directory;

    router.add(http::Method::Post, "/api/v1/offices/{code}/enrolment-codes",
               http::RouteAccess::session("device.enrol_code",
                                          [&directory](const http::Request& request) {
                                              return officeScope(directory,
                                                                 request.pathParams.at("code"));
                                          }),
               [&identity](http::Request& request) {
                   const auto issued = identity.administration.issueEnrolmentCode(
                       request.pathParams.at("code"), identity::nowInstant(),
                       identity::actorOf(*request.caller));
                   return http::jsonResponse(
                       boost::json::object{{"code", issued.code},
                                           {"office", issued.office.code},
                                           {"expiresAt", auth::toUtcText(issued.expiresAt)}},
                       201);
               });

    router.add(http::Method::Get, "/api/v1/devices",
               http::RouteAccess::session("device.read",
                                          [&directory](const http::Request& request) {
                                              return officeScope(directory,
                                                                 officeQuery(request).value_or(""));
                                          }),
               [&identity](http::Request& request) {
                   const auto office = officeQuery(request);
                   if (office && !identity.directory.officeByCode(*office)) {
                       throw http::HttpError(404, "not_found", "no such office");
                   }
                   boost::json::array devices;
                   for (const auto& device : identity.devices.devices(office)) {
                       devices.push_back(deviceJson(device));
                   }
                   return http::jsonResponse(boost::json::object{{"devices", std::move(devices)}});
               });

    router.add(
        http::Method::Post, "/api/v1/devices/{id}/revoke",
        http::RouteAccess::session(
            "device.revoke",
            [&identity](const http::Request& request) {
                const auto device = identity.devices.byId(request.pathParams.at("id"));
                return device ? auth::ResourceScope{device->office.code, device->office.region, {}}
                              : auth::ResourceScope{};
            }),
        [&identity](http::Request& request) {
            const auto device = identity.administration.revokeDevice(
                request.pathParams.at("id"), identity::nowInstant(),
                identity::actorOf(*request.caller));
            return http::jsonResponse(boost::json::object{{"device", deviceJson(device)}});
        });
}

}  // namespace kep::server::api
