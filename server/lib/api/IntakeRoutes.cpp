#include "api/IntakeRoutes.h"

#include "http/HttpError.h"
#include "http/JsonBody.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>

namespace kep::server::api {

namespace {

constexpr std::size_t kMaxIdempotencyKeyBytes = 128;

// 1 to 128 printable ASCII characters (the key is the channel's own request id).
std::string idempotencyKeyOf(const http::Request& request) {
    const auto key = request.header("Idempotency-Key");
    const bool shaped =
        key && !key->empty() && key->size() <= kMaxIdempotencyKeyBytes &&
        std::all_of(key->begin(), key->end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
    if (!shaped) {
        throw http::HttpError(400, "invalid_header",
                              "header 'Idempotency-Key' is required: 1 to 128 printable ASCII "
                              "characters");
    }
    return std::string(*key);
}

http::Response refusal(const intake::IntakeRefusal& refused) {
    boost::json::object error{{"code", refused.code}};
    if (!refused.field.empty()) {
        error["field"] = refused.field;
        error["reason"] = refused.reason;
    }
    error["message"] = refused.message;
    return http::Response::json(refused.status,
                                boost::json::serialize(boost::json::object{{"error", error}}));
}

}  // namespace

void registerIntakeRoutes(http::Router& router, std::shared_ptr<intake::IntakeService> intake) {
    router.add(
        http::Method::Post, "/api/v1/intake",
        http::RouteAccess::apiKey("channel.submit").withRateLimit("intake"),
        [intake](http::Request& request) {
            // The policy lets only the channels' keys submit; which channel is the key's role.
            const auto channel = intake::channelOfRole(request.caller->system->role);
            if (!channel) {
                throw http::HttpError(403, "forbidden", "only gov.gr and EU-GO keys file here");
            }
            const std::string key = idempotencyKeyOf(request);
            if (request.body.size() > kMaxIntakeBodyBytes) {
                throw http::HttpError(413, "payload_too_large",
                                      "an application body is at most 16 KiB");
            }
            const auto body = http::parseJsonObject(request);
            const auto now =
                std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
            const auto outcome = intake->file(*channel, key, body, now);
            if (!outcome.filed()) {
                return refusal(*outcome.refusal);
            }
            // A repeat gets the first answer again, status included: the case it made.
            return http::Response::json(201, outcome.answer);
        });
}

}  // namespace kep::server::api
