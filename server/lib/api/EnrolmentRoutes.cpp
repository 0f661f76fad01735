// POST /api/v1/devices/enrol: public, rate-limited per address. A one-time code and a CSR
// become the workstation's certificate, the CA certificate to trust, and its office.
#include "api/IdentityJson.h"
#include "api/IdentityRoutes.h"
#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxCodeBytes = 64;
constexpr std::size_t kMaxCsrBytes = 16 * 1024;  // an RSA-4096 CSR is about 1.7 KiB
constexpr std::size_t kMaxHostnameBytes = 253;

void checkHostname(const std::string& hostname) {
    const bool shaped =
        !hostname.empty() && hostname.find_first_not_of(
                                 "0123456789abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ.-_") == std::string::npos;
    if (!shaped) {
        throw http::HttpError(400, "invalid_field",
                              "field 'hostname' must be 1 to 253 letters, digits or . - _");
    }
}

}  // namespace

void registerEnrolmentRoutes(http::Router& router, identity::IdentityServices& identity) {
    router.add(
        http::Method::Post, "/api/v1/devices/enrol", http::RouteAccess::publicRoute(),
        [&identity](http::Request& request) {
            const auto now = identity::nowInstant();
            // Counted before the body is even read: a flood of garbage is limited too.
            if (const auto wait = identity.enrolment.countAttempt(request.remoteAddress, now);
                wait.count() > 0) {
                auto refusal =
                    http::Response::error(429, "too_many_attempts",
                                          "too many enrolment attempts; try again after " +
                                              std::to_string(wait.count()) + " s");
                refusal.headers.emplace_back("Retry-After", std::to_string(wait.count()));
                return refusal;
            }
            const auto body = http::parseJsonObject(request);
            const auto code = http::requireString(body, "code", kMaxCodeBytes);
            const auto csr = http::requireString(body, "csr", kMaxCsrBytes);
            // Optional: only a label for the office's device list.
            const auto hostname =
                http::optionalString(body, "hostname", kMaxHostnameBytes).value_or("");
            if (!hostname.empty()) {
                checkHostname(hostname);
            }
            const auto enrolled =
                identity.enrolment.enrol({code, csr, hostname, request.remoteAddress, now});
            return http::jsonResponse(
                boost::json::object{{"deviceId", enrolled.device.id},
                                    {"certificate", enrolled.certificatePem},
                                    {"caCertificate", identity.ca.certificatePem()},
                                    {"office", officeRefJson(enrolled.device.office)}},
                201);
        });
}

}  // namespace kep::server::api
