// Reading a JSON request body and its fields, refusing bad input with the right HTTP error:
// 415 for a body that is not application/json, 400 naming the fault for malformed JSON or a
// field of the wrong type. Handlers call these and read as the happy path.
#pragma once

#include "http/HttpMessage.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kep::http {

// The body as a JSON object. Throws HttpError: 415 unless Content-Type is application/json
// (parameters such as charset=utf-8 allowed), 400 "malformed_json" with the parser's message and
// byte offset, 400 "invalid_body" when the top level is not an object.
boost::json::object parseJsonObject(const Request& request);

// Field readers; throw HttpError 400 "invalid_field" naming the field when it is missing or of
// the wrong type (optional ones accept a missing field or null).
std::string requireString(const boost::json::object& body, std::string_view field);
std::optional<std::string> optionalString(const boost::json::object& body, std::string_view field);
// As above, and at most `maxBytes` long (400 invalid_field naming the limit otherwise): every
// string a route keeps or hashes is bounded well below the body limit.
std::string requireString(const boost::json::object& body, std::string_view field,
                          std::size_t maxBytes);
std::optional<std::string> optionalString(const boost::json::object& body, std::string_view field,
                                          std::size_t maxBytes);
std::int64_t requireInteger(const boost::json::object& body, std::string_view field);

// Serialises a JSON value into a 200 (or given status) response.
Response jsonResponse(const boost::json::value& value, int status = 200);

}  // namespace kep::http
