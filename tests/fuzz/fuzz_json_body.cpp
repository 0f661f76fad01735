// libFuzzer target: the JSON request bodies of the API — JsonBody's parser and field readers as
// the identity routes call them, and the due-date route's body through the router — so that any
// body gets a 4xx naming its fault, never a 500 or a crash.
#include "FuzzCheck.h"

#include "api/CalendarRoutes.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "http/Router.h"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

using kep::fuzz::expect;
namespace http = kep::http;

// The first byte of an input picks the Content-Type, so that the 415 check and its parameters
// are fuzzed too; the rest is the body.
constexpr std::array<std::string_view, 6> kContentTypes = {
    "application/json",    "application/json; charset=utf-8",
    "APPLICATION/JSON ;x", "application/jsonx",
    "text/plain",          "",
};

// An error answer is the JSON object {"error":{"code","message"}} the API documents.
void expectErrorShape(const http::Response& response) {
    boost::json::error_code ec;
    const auto body = boost::json::parse(response.body, ec);
    expect(!ec && body.is_object() && body.as_object().contains("error"),
           "an error answer has the documented JSON shape");
}

// The body shapes the identity routes read (EnrolmentRoutes, AuthRoutes,
// AdministrationRoutes), with their limits: their readers are JsonBody's, called in this order.
void readIdentityBodies(const boost::json::object& body) {
    const auto readers = {
        +[](const boost::json::object& b) {  // POST /api/v1/devices/enrol
            (void)http::requireString(b, "code", 64);
            (void)http::requireString(b, "csr", 16 * 1024);
            (void)http::optionalString(b, "hostname", 253);
        },
        +[](const boost::json::object& b) {  // POST /api/v1/auth/login
            (void)http::requireString(b, "username", 256);
            (void)http::requireString(b, "password", 512);
        },
        +[](const boost::json::object& b) {  // POST /api/v1/users (and /offices: code, name)
            (void)http::requireString(b, "username", 256);
            (void)http::optionalString(b, "displayName", 256);
            (void)http::requireString(b, "role", 256);
            (void)http::optionalString(b, "office", 256);
            (void)http::optionalString(b, "region", 256);
            (void)http::requireString(b, "password", 512);
        },
        +[](const boost::json::object& b) {  // the unbounded readers, and the integer one
            (void)http::optionalString(b, "office");
            (void)http::requireString(b, "from");
            (void)http::requireInteger(b, "workingDays");
        },
    };
    for (const auto& read : readers) {
        try {
            read(body);
        } catch (const http::HttpError& refused) {
            expect(refused.status() == 400 && refused.code() == "invalid_field",
                   "a bad field is a 400 invalid_field");
        }
    }
}

void checkBodyReaders(const http::Request& request) {
    boost::json::object body;
    try {
        body = http::parseJsonObject(request);
    } catch (const http::HttpError& refused) {
        expect(refused.status() == 415 || refused.status() == 400,
               "a body that is not a JSON object is a 415 or a 400");
        expectErrorShape(refused.response());
        return;
    }
    readIdentityBodies(body);
}

void checkDueDateRoute(const http::Router& router, http::Request request) {
    request.method = http::Method::Post;
    request.methodText = "POST";
    request.target = request.path = "/api/v1/calendar/due-date";
    const auto response = router.dispatch(request);
    expect(response.status == 200 || (response.status >= 400 && response.status < 500),
           "the due-date route answers 200 or a 4xx");
    if (response.status != 200) {
        expectErrorShape(response);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto router = [] {
        auto table = std::make_unique<http::Router>();
        kep::server::api::registerCalendarRoutes(
            *table, std::make_shared<const kep::domain::WorkingCalendar>());
        return table;
    }();
    if (size == 0) {
        return 0;
    }
    http::Request request;
    const auto contentType = kContentTypes[data[0] % kContentTypes.size()];
    if (!contentType.empty()) {
        request.headers.emplace_back("Content-Type", std::string(contentType));
    }
    request.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    request.remoteAddress = "127.0.0.1";
    checkBodyReaders(request);
    checkDueDateRoute(*router, request);
    return 0;
}
