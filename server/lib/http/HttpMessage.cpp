#include "http/HttpMessage.h"

#include "shared/domain/Utf8.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace kep::http {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// A message may quote what the client sent (a query parameter's value, found by fuzzing):
// ill-formed UTF-8 is repaired to U+FFFD, so that the answer stays valid JSON.
std::string wellFormedText(std::string_view text) {
    if (kep::domain::utf8::decodeStrict(text)) {
        return std::string(text);
    }
    std::string repaired;
    repaired.reserve(text.size() + 8);
    for (std::size_t pos = 0; pos < text.size();) {
        kep::domain::utf8::append(repaired, kep::domain::utf8::decode(text, pos));
    }
    return repaired;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (equalsIgnoringCase(key, name)) {
            return std::string_view(value);
        }
    }
    return std::nullopt;
}

Response Response::json(int status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response Response::error(int status, std::string_view code, std::string_view message) {
    boost::json::object error;
    error["code"] = wellFormedText(code);
    error["message"] = wellFormedText(message);
    boost::json::object root;
    root["error"] = std::move(error);
    return json(status, boost::json::serialize(root));
}

}  // namespace kep::http
