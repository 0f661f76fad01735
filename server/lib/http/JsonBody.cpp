#include "http/JsonBody.h"

#include "http/HttpError.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace kep::http {

namespace {

bool isJsonContentType(std::string_view value) {
    const auto semicolon = value.find(';');
    auto type = value.substr(0, semicolon);
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) {
        type.remove_suffix(1);
    }
    constexpr std::string_view kJson = "application/json";
    return type.size() == kJson.size() &&
           std::equal(type.begin(), type.end(), kJson.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

[[noreturn]] void invalidField(std::string_view field, std::string_view expected) {
    throw HttpError(400, "invalid_field",
                    "field '" + std::string(field) + "' must be " + std::string(expected));
}

const boost::json::value* find(const boost::json::object& body, std::string_view field) {
    const auto it = body.find(field);
    return it == body.end() ? nullptr : &it->value();
}

}  // namespace

boost::json::object parseJsonObject(const Request& request) {
    const auto contentType = request.header("Content-Type");
    if (!contentType || !isJsonContentType(*contentType)) {
        throw HttpError(415, "unsupported_media_type", "the request body must be application/json");
    }
    boost::json::stream_parser parser;
    boost::system::error_code ec;
    const auto consumed = parser.write(request.body.data(), request.body.size(), ec);
    if (!ec) {
        parser.finish(ec);
    }
    if (ec) {
        throw HttpError(400, "malformed_json",
                        "malformed JSON at byte " + std::to_string(consumed) + ": " + ec.message());
    }
    auto value = parser.release();
    if (!value.is_object()) {
        throw HttpError(400, "invalid_body", "the request body must be a JSON object");
    }
    return std::move(value.as_object());
}

std::string requireString(const boost::json::object& body, std::string_view field) {
    const auto* value = find(body, field);
    if (!value || !value->is_string()) {
        invalidField(field, "a string");
    }
    return std::string(value->get_string());
}

std::optional<std::string> optionalString(const boost::json::object& body, std::string_view field) {
    const auto* value = find(body, field);
    if (!value || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        invalidField(field, "a string");
    }
    return std::string(value->get_string());
}

namespace {

void checkLength(const std::string& text, std::string_view field, std::size_t maxBytes) {
    if (text.size() > maxBytes) {
        invalidField(field, "a string of at most " + std::to_string(maxBytes) + " bytes");
    }
}

}  // namespace

std::string requireString(const boost::json::object& body, std::string_view field,
                          std::size_t maxBytes) {
    auto text = requireString(body, field);
    checkLength(text, field, maxBytes);
    return text;
}

std::optional<std::string> optionalString(const boost::json::object& body, std::string_view field,
                                          std::size_t maxBytes) {
    auto text = optionalString(body, field);
    if (text) {
        checkLength(*text, field, maxBytes);
    }
    return text;
}

std::int64_t requireInteger(const boost::json::object& body, std::string_view field) {
    const auto* value = find(body, field);
    if (value && value->is_int64()) {
        return value->get_int64();
    }
    if (value && value->is_uint64() &&
        value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        return static_cast<std::int64_t>(value->get_uint64());
    }
    invalidField(field, "an integer");
}

Response jsonResponse(const boost::json::value& value, int status) {
    return Response::json(status, boost::json::serialize(value));
}

}  // namespace kep::http
