#include "http/Router.h"

#include "http/HttpError.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace kep::http {

namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethodNames{{
    {Method::Get, "GET"},
    {Method::Head, "HEAD"},
    {Method::Post, "POST"},
    {Method::Put, "PUT"},
    {Method::Patch, "PATCH"},
    {Method::Delete, "DELETE"},
    {Method::Options, "OPTIONS"},
}};

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> segments;
    if (path.empty() || path.front() != '/') {
        return segments;
    }
    path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        segments.emplace_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool isParameter(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The pattern with parameter names erased: two patterns that differ only in names clash.
std::string shapeOf(const std::vector<std::string>& segments) {
    std::string shape;
    for (const auto& segment : segments) {
        shape += '/';
        shape += isParameter(segment) ? std::string("{}") : segment;
    }
    return shape;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
    if (pattern.size() != path.size()) {
        return false;
    }
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (isParameter(pattern[i]) ? path[i].empty() : pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}

// True when a is more specific than b: at the first place they differ, a has a literal.
bool moreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        const bool aParam = isParameter(a[i]);
        const bool bParam = isParameter(b[i]);
        if (aParam != bParam) {
            return !aParam;
        }
    }
    return false;
}

}  // namespace

std::string_view methodName(Method method) {
    for (const auto& [value, name] : kMethodNames) {
        if (value == method) {
            return name;
        }
    }
    return "OTHER";
}

Method methodFromName(std::string_view name) {
    for (const auto& [value, known] : kMethodNames) {
        if (known == name) {
            return value;
        }
    }
    return Method::Other;
}

std::string_view toString(Gate gate) {
    switch (gate) {
        case Gate::Undeclared:
            return "undeclared";
        case Gate::Public:
            return "public";
        case Gate::Workstation:
            return "workstation";
        case Gate::Session:
            return "session";
        case Gate::ApiKey:
            return "api_key";
        case Gate::SessionOrApiKey:
            return "session_or_api_key";
    }
    return "undeclared";
}

void Router::add(Method method, std::string_view pattern, RouteAccess access, Handler handler) {
    if (method == Method::Other || !handler) {
        throw std::invalid_argument("route needs a method and a handler");
    }
    auto segments = splitPath(pattern);
    if (segments.empty()) {
        throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
    }
    for (const auto& segment : segments) {
        const bool braces = segment.find_first_of("{}") != std::string::npos;
        if (segment.empty() || (braces && !isParameter(segment))) {
            throw std::invalid_argument("malformed route pattern: " + std::string(pattern));
        }
    }
    const auto shape = shapeOf(segments);
    for (const auto& route : routes_) {
        if (route.method == method && shapeOf(route.segments) == shape) {
            throw std::invalid_argument("duplicate route: " + std::string(methodName(method)) +
                                        " " + std::string(pattern));
        }
    }
    routes_.push_back(Route{method, std::string(pattern), std::move(segments), std::move(access),
                            std::move(handler), nullptr});
}

std::vector<RouteDescription> Router::describe() const {
    std::vector<RouteDescription> rows;
    rows.reserve(routes_.size());
    for (const auto& route : routes_) {
        rows.push_back({route.method, route.pattern, route.access.gate, route.access.action,
                        route.webSocket != nullptr});
    }
    return rows;
}

void Router::addWebSocket(std::string_view pattern, RouteAccess access,
                          std::shared_ptr<WebSocketEndpoint> endpoint) {
    if (!endpoint) {
        throw std::invalid_argument("WebSocket route needs an endpoint");
    }
    add(Method::Get, pattern, std::move(access), [](Request&) -> Response {
        throw HttpError(426, "upgrade_required", "this path is a WebSocket endpoint");
    });
    routes_.back().webSocket = std::move(endpoint);
}

std::vector<const Router::Route*> Router::bestMatches(std::string_view path) const {
    const auto segments = splitPath(path);
    std::vector<const Route*> best;
    for (const auto& route : routes_) {
        if (!matches(route.segments, segments)) {
            continue;
        }
        if (best.empty() || moreSpecific(route.segments, best.front()->segments)) {
            best.assign(1, &route);
        } else if (!moreSpecific(best.front()->segments, route.segments)) {
            best.push_back(&route);
        }
    }
    return best;
}

void Router::fillPathParams(const Route& route, std::string_view path, Request& request) {
    // From the chosen route, not the first match: GET /x/{id} and PATCH /x/{xid} name the
    // same segment differently.
    const auto segments = splitPath(path);
    request.pathParams.clear();
    for (std::size_t i = 0; i < route.segments.size(); ++i) {
        const auto& segment = route.segments[i];
        if (isParameter(segment)) {
            request.pathParams[segment.substr(1, segment.size() - 2)] = segments[i];
        }
    }
}

std::optional<std::size_t> Router::bodyLimit(Method method, std::string_view path) const {
    for (const auto* route : bestMatches(path)) {
        if (route->method == method && route->access.maxBodyBytes > 0) {
            return route->access.maxBodyBytes;
        }
    }
    return std::nullopt;
}

Response Router::dispatch(Request& request, std::string* routePattern) const {
    if (routePattern) {
        routePattern->assign(1, '-');  // (not = "-": GCC 12 warns falsely, bug 105651)
    }
    const auto candidates = bestMatches(request.path);
    if (candidates.empty()) {
        return Response::error(404, "not_found", "no such resource");
    }
    if (routePattern) {
        *routePattern = candidates.front()->pattern;
    }
    const Route* chosen = nullptr;
    for (const auto* route : candidates) {
        if (route->method == request.method) {
            chosen = route;
        }
    }
    if (!chosen && request.method == Method::Head) {
        for (const auto* route : candidates) {
            if (route->method == Method::Get) {
                chosen = route;
            }
        }
    }
    if (!chosen) {
        std::string allow;
        for (const auto* route : candidates) {
            if (!allow.empty()) {
                allow += ", ";
            }
            allow += methodName(route->method);
            if (route->method == Method::Get) {
                allow += ", HEAD";
            }
        }
        std::string message = "method ";
        message += request.methodText;
        message += " is not allowed here; allowed: ";
        message += allow;
        auto response = Response::error(405, "method_not_allowed", message);
        response.headers.emplace_back("Allow", allow);
        return response;
    }
    if (routePattern) {
        *routePattern = chosen->pattern;
    }
    fillPathParams(*chosen, request.path, request);
    try {
        return run(*chosen, request);
    } catch (const HttpError& error) {
        return error.response();
    } catch (const std::exception&) {
        // No detail: an exception's text may carry data the caller must not see.
        return Response::error(500, "internal_error", "the server could not answer this request");
    }
}

std::optional<Response> Router::admit(const Route& route, Request& request) const {
    request.caller.reset();  // only the gate says who is calling
    switch (route.access.gate) {
        case Gate::Public:
            return std::nullopt;
        case Gate::Workstation:
        case Gate::Session:
        case Gate::ApiKey:
        case Gate::SessionOrApiKey:
            if (!gatekeeper_ || route.access.action.empty()) {
                break;
            }
            return gatekeeper_->admit(request, route.access);
        case Gate::Undeclared:
            break;
    }
    return Response::error(403, "forbidden", "this route is not in the access policy");
}

Response Router::run(const Route& route, Request& request) const {
    if (auto refusal = admit(route, request)) {
        return std::move(*refusal);
    }
    if (limiter_ && !route.access.rateBucket.empty()) {
        if (auto refusal = limiter_->admit(request, route.access.rateBucket)) {
            return std::move(*refusal);
        }
    }
    return route.handler(request);
}

std::optional<WebSocketUpgrade> Router::upgrade(Request& request) const {
    for (const auto* route : bestMatches(request.path)) {
        if (!route->webSocket) {
            continue;
        }
        fillPathParams(*route, request.path, request);
        WebSocketUpgrade found{nullptr, std::nullopt, route->pattern};
        try {
            found.refusal = admit(*route, request);
        } catch (const HttpError& error) {
            found.refusal = error.response();
        } catch (const std::exception&) {
            found.refusal =
                Response::error(500, "internal_error", "the server could not answer this request");
        }
        if (!found.refusal) {
            found.endpoint = route->webSocket;
        }
        return found;
    }
    return std::nullopt;
}

}  // namespace kep::http
