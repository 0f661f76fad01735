// Offices and users: GET/POST /api/v1/offices, GET/POST /api/v1/users and
// POST /api/v1/users/{id}/disable|enable. Who may is the policy's (office.read, office.manage,
// user.manage); what is valid is identity::Administration's.
#include "api/IdentityJson.h"
#include "api/IdentityRoutes.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "identity/AuditActor.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxFieldBytes = 256;
constexpr std::size_t kMaxPasswordBytes = 512;

std::optional<std::string> officeQuery(const http::Request& request) {
    const auto it = request.query.find("office");
    if (it == request.query.end()) {
        return std::nullopt;
    }
    return it->second;
}

// The office a new user would belong to, read from the body without refusing anything: a body
// the handler will refuse with 400 is, for the policy, a user of no office (national scope).
std::string officeOfNewUser(const http::Request& request) {
    try {
        const auto body = http::parseJsonObject(request);
        return http::optionalString(body, "office").value_or("");
    } catch (const http::HttpError&) {
        return {};
    }
}

auth::ResourceScope userScope(identity::IdentityServices& identity, const std::string& userId) {
    const auto account = identity.directory.userById(userId);
    if (!account || !account->office) {
        return {};
    }
    return {account->office->code, account->office->region, {}};
}

}  // namespace

void registerAdministrationRoutes(http::Router& router, identity::IdentityServices& identity) {
    auto& directory = identity.directory;

    router.add(http::Method::Get, "/api/v1/offices", http::RouteAccess::session("office.read"),
               [&identity](http::Request&) {
                   boost::json::array offices;
                   for (const auto& office : identity.directory.offices()) {
                       offices.push_back(officeJson(office));
                   }
                   return http::jsonResponse(boost::json::object{{"offices", std::move(offices)}});
               });

    router.add(
        http::Method::Post, "/api/v1/offices", http::RouteAccess::session("office.manage"),
        [&identity](http::Request& request) {
            const auto body = http::parseJsonObject(request);
            const auto office = identity.administration.createOffice(
                {http::requireString(body, "code", kMaxFieldBytes),
                 http::requireString(body, "name", kMaxFieldBytes),
                 http::optionalString(body, "region", kMaxFieldBytes).value_or("")},
                identity::actorOf(*request.caller));
            return http::jsonResponse(boost::json::object{{"office", officeJson(office)}}, 201);
        });

    router.add(http::Method::Get, "/api/v1/users",
               http::RouteAccess::session("user.manage",
                                          [&directory](const http::Request& request) {
                                              return officeScope(directory,
                                                                 officeQuery(request).value_or(""));
                                          }),
               [&identity](http::Request& request) {
                   const auto office = officeQuery(request);
                   if (office && !identity.directory.officeByCode(*office)) {
                       throw http::HttpError(404, "not_found", "no such office");
                   }
                   boost::json::array users;
                   for (const auto& account : identity.directory.users(office)) {
                       users.push_back(userJson(account));
                   }
                   return http::jsonResponse(boost::json::object{{"users", std::move(users)}});
               });

    // A manager's rule reaches only their own office, so they cannot create a user of another
    // office nor one of a central role (central_admin, it, authority: no office, national).
    router.add(
        http::Method::Post, "/api/v1/users",
        http::RouteAccess::session("user.manage",
                                   [&directory](const http::Request& request) {
                                       return officeScope(directory, officeOfNewUser(request));
                                   }),
        [&identity](http::Request& request) {
            const auto body = http::parseJsonObject(request);
            identity::AccountRequest account;
            account.username = http::requireString(body, "username", kMaxFieldBytes);
            account.displayName =
                http::optionalString(body, "displayName", kMaxFieldBytes).value_or("");
            account.role = http::requireString(body, "role", kMaxFieldBytes);
            account.officeCode = http::optionalString(body, "office", kMaxFieldBytes);
            account.region = http::optionalString(body, "region", kMaxFieldBytes);
            account.authorityId = http::optionalString(body, "authority", kMaxFieldBytes);
            account.password = http::requireString(body, "password", kMaxPasswordBytes);
            const auto created =
                identity.administration.createUser(account, identity::actorOf(*request.caller));
            return http::jsonResponse(boost::json::object{{"user", userJson(created)}}, 201);
        });

    for (const bool disable : {true, false}) {
        const std::string pattern =
            disable ? "/api/v1/users/{id}/disable" : "/api/v1/users/{id}/enable";
        router.add(
            http::Method::Post, pattern,
            http::RouteAccess::session("user.manage",
                                       [&identity](const http::Request& request) {
                                           return userScope(identity, request.pathParams.at("id"));
                                       }),
            [&identity, disable](http::Request& request) {
                const auto& target = request.pathParams.at("id");
                if (disable && target == request.caller->user->userId) {
                    throw http::HttpError(400, "invalid_field",
                                          "an administrator cannot disable themselves");
                }
                const auto account = identity.administration.setUserDisabled(
                    target, disable, identity::nowInstant(), identity::actorOf(*request.caller));
                return http::jsonResponse(boost::json::object{{"user", userJson(account)}});
            });
    }
}

}  // namespace kep::server::api
