// How each route is guarded, declared where the route is added: public, an enrolled
// workstation's certificate, a signed-in user's session on one, or a system's API key — with the
// policy action it
// performs and where the request reaches (its scope). A route with no declaration is refused.
#pragma once

#include "auth/AccessPolicy.h"
#include "http/HttpMessage.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kep::http {

enum class Gate {
    Undeclared,   // refused: no route escapes the policy by forgetting to declare itself
    Public,       // anyone, with or without a certificate
    Workstation,  // a verified, unrevoked workstation certificate (or the admin tool's)
    Session,      // the above, plus a user's session token bound to that certificate
    ApiKey,       // a system's unrevoked API key ("Authorization: ApiKey <key>"), no certificate
    // Either of the two above, by the Authorization scheme: "ApiKey <key>" is judged as ApiKey,
    // anything else as Session. For the routes where a person and their organisation's system
    // do the same work (a competent authority's staff and its system, issue 7).
    SessionOrApiKey,
};

// The resource a request touches, computed from the request once the caller is known (so a
// look-up by id is only made for authenticated callers). Returns ResourceScope{} for a
// national resource or one that does not exist: only national rules reach those.
using ScopeOf = std::function<auth::ResourceScope(const Request&)>;

struct RouteAccess {
    Gate gate = Gate::Undeclared;
    std::string action;  // an action of the policy table (auth/AccessPolicyTable.cpp)
    ScopeOf scope;       // empty: the national scope
    // The largest body this route takes; 0: the server's --max-body-bytes. Only for routes whose
    // content is a document (an authority's result PDF), never to relax a JSON route's bound.
    std::size_t maxBodyBytes = 0;

    // The rate bucket this route's requests are counted in (RequestLimiter.h), per caller;
    // empty: none. For public and API-key routes that do work (issue 9).
    std::string rateBucket = {};

    RouteAccess withMaxBodyBytes(std::size_t bytes) && {
        maxBodyBytes = bytes;
        return std::move(*this);
    }
    RouteAccess withRateLimit(std::string bucket) && {
        rateBucket = std::move(bucket);
        return std::move(*this);
    }

    static RouteAccess publicRoute() { return {Gate::Public, {}, {}}; }
    static RouteAccess workstation(std::string action, ScopeOf scope = {}) {
        return {Gate::Workstation, std::move(action), std::move(scope)};
    }
    static RouteAccess session(std::string action, ScopeOf scope = {}) {
        return {Gate::Session, std::move(action), std::move(scope)};
    }
    static RouteAccess apiKey(std::string action, ScopeOf scope = {}) {
        return {Gate::ApiKey, std::move(action), std::move(scope)};
    }
    static RouteAccess sessionOrApiKey(std::string action, ScopeOf scope = {}) {
        return {Gate::SessionOrApiKey, std::move(action), std::move(scope)};
    }
};

std::string_view toString(Gate gate);

// The middleware every non-public route passes through before its handler: who is calling
// (certificate, session), then AccessPolicy::decide for the route's action and scope.
class Gatekeeper {
public:
    virtual ~Gatekeeper() = default;
    // Sets request.caller and returns nothing when the request may go on; otherwise the
    // refusal to send (401 for an unknown caller, 403 for a denied one). May throw HttpError.
    virtual std::optional<Response> admit(Request& request, const RouteAccess& access) const = 0;
};

}  // namespace kep::http
