#include "api/ProtocolNumberRoutes.h"

#include "http/HttpError.h"
#include "http/JsonBody.h"
#include "shared/cases/GreekCivilTime.h"

#include <boost/json.hpp>

#include <chrono>

namespace kep::server::api {

namespace {

// The office is always the workstation's: a desk never leases another office's numbers.
auth::ResourceScope workstationOffice(const http::Request& request) {
    if (!request.caller) {
        return {};
    }
    return {request.caller->workstation.officeCode, request.caller->workstation.region, {}};
}

}  // namespace

void registerProtocolNumberRoutes(http::Router& router,
                                  std::shared_ptr<leases::ProtocolNumberLeases> leases) {
    router.add(
        http::Method::Post, "/api/v1/protocol-numbers/lease",
        http::RouteAccess::session("protocol.lease", workstationOffice),
        [leases](http::Request& request) {
            const auto body = http::parseJsonObject(request);
            const auto year = http::requireInteger(body, "year");
            const auto count = http::requireInteger(body, "count");
            if (count < 1 || count > leases::kMaxLeaseSize) {
                throw http::HttpError(
                    400, "invalid_field",
                    "count must be between 1 and " + std::to_string(leases::kMaxLeaseSize));
            }
            if (year < 2000 || year > 9999) {
                throw http::HttpError(400, "invalid_field", "year must be a four-digit year");
            }
            const auto now = std::chrono::system_clock::now();
            const auto office = request.caller->workstation.officeCode;
            const auto result = leases->lease(
                office, static_cast<int>(year), static_cast<std::uint32_t>(count),
                request.caller->deviceId,
                kep::cases::greekLocalDate(std::chrono::floor<std::chrono::seconds>(now)), now);
            if (!result.ok()) {
                const int status =
                    result.refusal == kep::cases::IssueRefusal::SequenceExhausted ? 409 : 400;
                throw http::HttpError(status, std::string(result.code()),
                                      result.refusal == kep::cases::IssueRefusal::YearNotOpen
                                          ? "year must be the current one or, from 1 December, "
                                            "the next"
                                          : "no block can be leased for this request");
            }
            const auto& block = *result.block;
            return http::jsonResponse(boost::json::object{{"office", block.office},
                                                          {"year", block.year},
                                                          {"first", block.first},
                                                          {"last", block.last}},
                                      201);
        });
}

}  // namespace kep::server::api
