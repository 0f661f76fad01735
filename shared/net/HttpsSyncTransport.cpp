#include "net/HttpsSyncTransport.h"

#include <boost/json.hpp>

namespace kep::net {

namespace {

using kep::sync::TransportError;
using Kind = TransportError::Kind;

// "code: message" from the server's {"error":{"code","message"}}, or just the status.
std::string describeRefusal(const Response& response) {
    std::string text = "HTTP " + std::to_string(response.status);
    boost::system::error_code ec;
    const auto value = boost::json::parse(response.body, ec);
    if (ec || !value.is_object()) {
        return text;
    }
    const auto* error = value.get_object().if_contains("error");
    if (!error || !error->is_object()) {
        return text;
    }
    for (const char* member : {"code", "message"}) {
        const auto* part = error->get_object().if_contains(member);
        if (part && part->is_string()) {
            text += ": ";
            text += part->get_string();
        }
    }
    return text;
}

// HttpsClient names the step that failed ("Reading the response with … failed: timed out
// after …"): a time-out once the request went out is a Timeout — the server may have applied
// it — while a failure to connect at all, or a lost connection, is Unreachable.
TransportError networkFailure(const NetworkError& error) {
    const std::string_view text = error.what();
    const bool sent =
        text.starts_with("Sending the request") || text.starts_with("Reading the response");
    const bool timedOut = text.find("timed out") != std::string_view::npos;
    return {sent && timedOut ? Kind::Timeout : Kind::Unreachable, std::string(text)};
}

// The answer's status as the engine must treat it; nothing for a 2xx.
std::optional<TransportError> refusal(const Response& response) {
    if (response.status >= 200 && response.status < 300) {
        return std::nullopt;
    }
    if (response.status >= 400 && response.status < 500) {
        return TransportError{Kind::Refused, describeRefusal(response)};
    }
    if (response.status >= 500) {
        return TransportError{Kind::ServerError, describeRefusal(response)};
    }
    return TransportError{Kind::BadResponse, "unexpected HTTP " + std::to_string(response.status)};
}

template <typename Message, typename Send, typename Decode>
kep::sync::TransportResult<Message> exchange(Send send, Decode decode) {
    Response response;
    try {
        response = send();
    } catch (const NetworkError& error) {
        return networkFailure(error);
    } catch (const std::exception& error) {
        return TransportError{Kind::Unreachable, error.what()};
    }
    if (auto refused = refusal(response)) {
        return *refused;
    }
    try {
        return decode(response.body);
    } catch (const kep::sync::ProtocolError& error) {
        return TransportError{Kind::BadResponse, error.what()};
    }
}

}  // namespace

std::string HttpsSyncTransport::pullTarget(const kep::sync::PullRequest& request) {
    // A bucket name is letters, digits, ':', '-' and '_' (isValidBucketName): nothing to escape.
    return "/api/v1/sync/pull?protocol=" + std::to_string(request.protocol) +
           "&bucket=" + request.bucket + "&cursor=" + std::to_string(request.cursor) +
           "&limit=" + std::to_string(request.limit);
}

kep::sync::TransportResult<kep::sync::PushResponse> HttpsSyncTransport::push(
    const kep::sync::PushRequest& request) {
    return exchange<kep::sync::PushResponse>(
        [&] { return client_.post("/api/v1/sync/push", kep::sync::encode(request)); },
        [&](const std::string& body) -> kep::sync::TransportResult<kep::sync::PushResponse> {
            auto decoded = kep::sync::decodePushResponse(body, limits_);
            if (decoded.results.size() != request.ops.size()) {
                return TransportError{Kind::BadResponse,
                                      "push response: results do not match the request's ops"};
            }
            return decoded;
        });
}

kep::sync::TransportResult<kep::sync::PullResponse> HttpsSyncTransport::pull(
    const kep::sync::PullRequest& request) {
    if (!kep::sync::isValidBucketName(request.bucket)) {
        return TransportError{Kind::Refused, "not a bucket name: nothing was sent"};
    }
    return exchange<kep::sync::PullResponse>(
        [&] { return client_.get(pullTarget(request)); },
        [&](const std::string& body) -> kep::sync::TransportResult<kep::sync::PullResponse> {
            auto decoded = kep::sync::decodePullResponse(body, limits_);
            if (decoded.bucket != request.bucket) {
                return TransportError{Kind::BadResponse, "pull response: answers another bucket"};
            }
            return decoded;
        });
}

}  // namespace kep::net
