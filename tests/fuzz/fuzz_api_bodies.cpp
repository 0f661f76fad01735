// libFuzzer target: every request-body decoder of kep-server's API, and the query and path
// readers of the routes that take no body, through the real routing table in one process. The
// first input byte picks the route; the rest is its body (or the tail of its target). Each
// request carries a credential the route admits, so it reaches the handler's own checks.
#include "ApiServer.h"
#include "FuzzCheck.h"

#include "http/RequestTarget.h"

#include <boost/json/parse.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using kep::fuzz::ApiServer;
using kep::fuzz::Caller;
using kep::fuzz::expect;
namespace http = kep::http;

// What the rest of the input is: the request body, or what follows `target` in the request
// target (a query string, or the last path segments and a query).
enum class Input { Body, TargetTail };

struct RouteCase {
    http::Method method;
    // {circular}, {flag}, {case}, {upload}: ids the set-up made (ApiServer, uploadSha256).
    std::string_view target;
    Caller caller;
    Input input = Input::Body;
    std::string_view contentType = "application/json";
};

using M = http::Method;
using C = Caller;

// Append only: a seed's first byte is its row here (tests/fuzz/corpus/api_bodies/).
constexpr std::array kRoutes = {
    // 0-7: identity, administration, the catalogue's publication
    RouteCase{M::Post, "/api/v1/devices/enrol", C::Anyone},
    RouteCase{M::Post, "/api/v1/auth/login", C::Workstation},
    RouteCase{M::Post, "/api/v1/offices", C::CentralAdmin},
    RouteCase{M::Post, "/api/v1/users", C::CentralAdmin},
    RouteCase{M::Post, "/api/v1/users", C::Manager},
    RouteCase{M::Post, "/api/v1/admin/authorities", C::CentralAdmin},
    RouteCase{M::Post, "/api/v1/admin/catalogue/publish", C::CentralAdmin},
    RouteCase{M::Put, "/api/v1/admin/catalogue/procedures/900002/options", C::CentralAdmin},
    // 8-12: circulars and procedure feedback
    RouteCase{M::Post, "/api/v1/circulars", C::CentralAdmin},
    RouteCase{M::Post, "/api/v1/circulars", C::It},
    RouteCase{M::Post, "/api/v1/circulars/{circular}/read", C::Workstation},
    RouteCase{M::Post, "/api/v1/catalogue/procedures/900001/feedback", C::Workstation},
    RouteCase{M::Post, "/api/v1/catalogue/feedback/{flag}/close", C::CentralAdmin},
    // 13-17: online intake (gov.gr, EU-GO) and the competent authority's actions
    RouteCase{M::Post, "/api/v1/intake", C::GovChannel},
    RouteCase{M::Post, "/api/v1/intake", C::EuGoChannel},
    RouteCase{M::Post, "/api/v1/authority/cases/{case}/request-documents", C::AuthorityUser},
    RouteCase{M::Post, "/api/v1/authority/cases/{case}/reject", C::AuthoritySystem},
    RouteCase{M::Post, "/api/v1/authority/cases/{case}/complete", C::AuthorityUser, Input::Body,
              "application/pdf"},
    // 18-22: the desk's protocol numbers, sync push, attachments, the due-date calculator
    RouteCase{M::Post, "/api/v1/protocol-numbers/lease", C::Clerk},
    RouteCase{M::Post, "/api/v1/sync/push", C::Workstation},
    RouteCase{M::Put, "/api/v1/attachments/{upload}", C::Workstation, Input::TargetTail},
    RouteCase{M::Put, "/api/v1/attachments/{upload}/chunks/0", C::Workstation, Input::Body,
              "application/octet-stream"},
    RouteCase{M::Post, "/api/v1/calendar/due-date", C::Anyone},
    // 23-37: query parameters: sync pull, statistics and reports, look-ups and lists
    RouteCase{M::Get, "/api/v1/sync/pull", C::Workstation, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/overview", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/procedures", C::Manager, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/offices", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/clerks", C::Manager, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/satisfaction", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/stats/reports/", C::Manager, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/authority/inbox", C::AuthoritySystem, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/public/status", C::Anyone, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/catalogue/feedback", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/admin/catalogue/drafts", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/users", C::Manager, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/devices", C::It, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/catalogue/search", C::Anyone, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/catalogue/changes", C::Anyone, Input::TargetTail},
    // 38-43: personal data (erasure, Art. 15 export, retention) and the audit log
    RouteCase{M::Post, "/api/v1/privacy/erasure", C::CentralAdmin},
    RouteCase{M::Post, "/api/v1/privacy/export", C::Manager},
    RouteCase{M::Put, "/api/v1/privacy/retention/900001", C::CentralAdmin},
    RouteCase{M::Get, "/api/v1/audit/entries", C::Manager, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/audit/proof", C::CentralAdmin, Input::TargetTail},
    RouteCase{M::Get, "/api/v1/audit/consistency", C::CentralAdmin, Input::TargetTail},
};

// The upload rows 20 and 21 share: 20 declares it (size and type from the input), 21 sends its
// first chunk. It is the SHA-256 of "%PDF-1.4\n%kep fuzz\n" (19 bytes), which the seeds send.
const std::string uploadSha256 = "ff97266747248e1a217c3802c52bf81055f6e475258786975d2dcdc2009f6366";

std::string withIds(std::string_view pattern, const ApiServer& server) {
    std::string target(pattern);
    const std::array<std::pair<std::string_view, const std::string*>, 4> ids = {{
        {"{circular}", &server.circularId()},
        {"{flag}", &server.flagId()},
        {"{case}", &server.caseId()},
        {"{upload}", &uploadSha256},
    }};
    for (const auto& [name, id] : ids) {
        if (const auto at = target.find(name); at != std::string::npos) {
            target.replace(at, name.size(), *id);
        }
    }
    return target;
}

// The channels name each application (Idempotency-Key): a fresh one per input, so that no
// input is answered with an earlier one's case.
std::string nextIdempotencyKey() {
    static std::uint64_t count = 0;
    return "fuzz-" + std::to_string(++count);
}

// A 2xx, or a 4xx naming what is wrong as {"error":{"code","message"}}; never a 5xx.
void checkAnswer(const http::Response& response) {
    expect(response.status >= 200 && response.status < 500, "no input makes a route answer 5xx");
    expect(response.status < 300 || response.status >= 400, "an answer is a 2xx or a 4xx");
    if (response.contentType != "application/json") {
        return;
    }
    boost::json::error_code ec;
    const auto body = boost::json::parse(response.body, ec);
    expect(!ec, "a JSON answer is valid JSON");
    if (response.status < 400) {
        return;
    }
    const auto* error = body.is_object() ? body.as_object().if_contains("error") : nullptr;
    const auto* code =
        error != nullptr && error->is_object() ? error->as_object().if_contains("code") : nullptr;
    const auto* message = error != nullptr && error->is_object()
                              ? error->as_object().if_contains("message")
                              : nullptr;
    expect(code != nullptr && code->is_string() && !code->as_string().empty() &&
               message != nullptr && message->is_string() && !message->as_string().empty(),
           "a refusal is {\"error\":{\"code\",\"message\"}}");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ApiServer server;
    // KEP_FUZZ_TRACE=1: one line per input (row, status, answer) to check seeds by hand.
    static const bool trace = std::getenv("KEP_FUZZ_TRACE") != nullptr;
    if (size == 0) {
        return 0;
    }
    const auto row = static_cast<std::size_t>(data[0] % kRoutes.size());
    const auto& route = kRoutes[row];
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

    http::Request request;
    request.method = route.method;
    request.methodText = http::methodName(route.method);
    request.target = withIds(route.target, server);
    if (route.input == Input::TargetTail) {
        request.target += rest;
    } else {
        request.body = server.withUserIds(std::string(rest));
    }
    http::DecodedTarget decoded;
    if (!http::decodeTarget(request.target, decoded)) {
        return 0;  // the session answers 400 bad_target before any route sees it
    }
    request.path = std::move(decoded.path);
    request.query = std::move(decoded.query);
    if (!route.contentType.empty() && route.method != M::Get) {
        request.headers.emplace_back("Content-Type", std::string(route.contentType));
    }
    if (route.caller == C::GovChannel || route.caller == C::EuGoChannel) {
        request.headers.emplace_back("Idempotency-Key", nextIdempotencyKey());
    }
    server.authenticate(request, route.caller);

    const auto response = server.router().dispatch(request);
    if (trace) {
        // Refusals only: an accepted answer may echo what the input held.
        std::fprintf(stderr, "route %zu %s %s -> %d %.160s\n", row, request.methodText.c_str(),
                     request.path.c_str(), response.status,
                     response.status >= 400 ? response.body.c_str() : "");
    }
    checkAnswer(response);
    return 0;
}
