// The routing table of kep-server: (method, path pattern) → handler. Every route the server
// answers is added here at start-up; the network layer only asks the router what to do.
//
// Patterns are literal segments and {name} segments: "/api/v1/cases/{id}". A {name} matches one
// non-empty segment and is handed to the handler in Request::pathParams. A literal segment beats
// a {name} in the same place, so "/cases/open" and "/cases/{id}" may both exist.
//
// Handlers run on the server's I/O threads: keep them short (no waiting on other requests) and
// thread-safe. A handler reports a refusal by throwing HttpError (see JsonBody.h for the body
// helpers that do so); any other exception becomes a 500 without detail.
//
// Every route declares its access (RouteAccess.h): public, workstation or session, with the
// policy action and scope. Before a guarded route's handler runs, the router hands the request
// to the Gatekeeper (set once at start-up); without one, or without a declaration, it refuses.
//
// A HEAD request is served by the GET handler (the network layer drops the body).
// A WebSocket endpoint is added with addWebSocket() and declares its access like a route; the
// network layer asks upgrade() BEFORE accepting, so a refused upgrade is answered over HTTP
// (401/403 as JSON) and never reaches the endpoint. A plain GET on its path answers 426.
#pragma once

#include "http/HttpMessage.h"
#include "http/RequestLimiter.h"
#include "http/RouteAccess.h"
#include "http/WebSocketEndpoint.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::http {

using Handler = std::function<Response(Request&)>;

std::string_view methodName(Method method);
Method methodFromName(std::string_view name);

// A WebSocket upgrade the router found: the endpoint to hand the socket to, or the refusal to
// send instead (then endpoint is empty). `pattern` is the matched route, for logs.
struct WebSocketUpgrade {
    std::shared_ptr<WebSocketEndpoint> endpoint;
    std::optional<Response> refusal;
    std::string pattern;
};

// One row of the routing table as the policy test and `kep-server routes` see it.
struct RouteDescription {
    Method method;
    std::string pattern;
    Gate gate;
    std::string action;
    bool webSocket = false;  // an endpoint reached by upgrading a GET
};

class Router {
public:
    // Adds a route; throws std::invalid_argument for a malformed pattern or a duplicate.
    void add(Method method, std::string_view pattern, RouteAccess access, Handler handler);
    // A WebSocket endpoint, guarded as `access` says (checked before the upgrade is accepted).
    void addWebSocket(std::string_view pattern, RouteAccess access,
                      std::shared_ptr<WebSocketEndpoint> endpoint);
    // The middleware for guarded routes; must outlive the router's use.
    void setGatekeeper(std::shared_ptr<const Gatekeeper> gatekeeper) {
        gatekeeper_ = std::move(gatekeeper);
    }
    // Counts the requests of routes with a rate bucket, after their gate (so an API key is
    // known); without one they are not limited. Must outlive the router's use.
    void setRequestLimiter(std::shared_ptr<const RequestLimiter> limiter) {
        limiter_ = std::move(limiter);
    }

    // The body limit of the route that will answer `method` on `path`, when it declared its own
    // (RouteAccess::maxBodyBytes); nullopt: the server's default. Asked once the header is read.
    std::optional<std::size_t> bodyLimit(Method method, std::string_view path) const;

    // Every route, in the order added (a WebSocket endpoint as its GET).
    std::vector<RouteDescription> describe() const;

    // Finds the route, fills request.pathParams and runs the handler. Unknown path → 404,
    // known path but not this method → 405 with an Allow header. `routePattern` (if given)
    // receives the matched pattern for logs, or "-" when none matched.
    Response dispatch(Request& request, std::string* routePattern = nullptr) const;

    // The WebSocket endpoint for this upgrade request after its access check (request.caller
    // and pathParams filled when admitted), or nullopt when no endpoint has this path.
    std::optional<WebSocketUpgrade> upgrade(Request& request) const;

private:
    struct Route {
        Method method;
        std::string pattern;
        std::vector<std::string> segments;
        RouteAccess access;
        Handler handler;
        std::shared_ptr<WebSocketEndpoint> webSocket;
    };
    Response run(const Route& route, Request& request) const;
    // The gate every guarded route and endpoint passes: nothing when the request may go on.
    std::optional<Response> admit(const Route& route, Request& request) const;
    // The routes whose pattern matches `path` best (most literal segments first).
    std::vector<const Route*> bestMatches(std::string_view path) const;
    // Request::pathParams from the names of the route that will answer.
    static void fillPathParams(const Route& route, std::string_view path, Request& request);

    std::vector<Route> routes_;
    std::shared_ptr<const Gatekeeper> gatekeeper_;
    std::shared_ptr<const RequestLimiter> limiter_;
};

}  // namespace kep::http
